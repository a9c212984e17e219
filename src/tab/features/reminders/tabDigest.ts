/**
 * The digest the tab previews and posts: the same policy (`remindersFor`) and the same card
 * (`buildDigestCard`) as the unattended service, computed from the register the tab has already
 * loaded. Pure, so the preview, the post and the tests agree line for line.
 *
 * Unlike the service, the tab does not consult the reminder ledger: "Post now" shows everything
 * currently due. The service's scheduled digest still goes out as usual (its ledger knows nothing of
 * this post), which is what a manager posting a reminder by hand expects.
 */
import type { LocalDate, PersonRef } from '@domain';
import {
  buildDigestCard,
  type Digest,
  entryDeepLink,
  type EntryLinkTarget,
  remindersFor,
  type Reminder,
  type ReminderInput,
} from '@domain/reminders';
import type { TeamMember } from '@graph';
import { TAB_ENTITY_ID, TAB_TEAMS_APP_ID } from '../../components/tabIdentity';

export interface TabDigestInput {
  readonly teamId: string;
  readonly practiceName: string;
  readonly today: LocalDate;
  readonly entries: readonly ReminderInput[];
  readonly members: readonly TeamMember[];
  /** The channel the digest goes to (deep links name the channel that holds the tab). */
  readonly channelId: string;
  readonly teamsAppId?: string;
  readonly entityId?: string;
  /** Changes by non-managers waiting for review (src/domain/audit.ts), listed in their own section. */
  readonly changesToReview?: readonly string[];
  /** Joiner, leaver and role-change checklists open past their date (src/domain/access overdueChecklistLines). */
  readonly overdueChecklists?: readonly string[];
  /**
   * Whether an owner has left, as the Register decides it (directory and team: registerRows.ts
   * `ownerHasLeftIn`). Without it, an owner missing from `members` counts as left.
   */
  readonly ownerHasLeft?: (owner: PersonRef) => boolean;
}

/** True when `userId` is an owner of the practice team: only they may post the digest. */
export function isTeamOwner(members: readonly TeamMember[], userId: string): boolean {
  return members.some((member) => member.userId === userId && member.roles.includes('owner'));
}

export interface TabDigest {
  readonly digest: Digest;
  /** Every reminder due, most urgent first (the card may show fewer: see `digest.omitted`). */
  readonly reminders: readonly Reminder[];
}

/** @throws RangeError only if a deep link were not https (never for links made by entryDeepLink). */
export function buildTabDigest(input: TabDigestInput): TabDigest {
  const memberIds = new Set(input.members.map((member) => member.userId));
  const reminders = remindersFor(input.entries, input.today, {
    practiceId: input.teamId,
    ownerHasLeft: input.ownerHasLeft ?? ((owner) => !memberIds.has(owner.entraId)),
  });
  const target: EntryLinkTarget = {
    teamsAppId: input.teamsAppId ?? TAB_TEAMS_APP_ID,
    entityId: input.entityId ?? TAB_ENTITY_ID,
    channelId: input.channelId,
  };
  const digest = buildDigestCard({
    practiceName: input.practiceName,
    runDate: input.today,
    reminders,
    entryLink: (entryId) => entryDeepLink(target, entryId),
    registerLink: entryDeepLink(target),
    changesToReview: input.changesToReview,
    overdueChecklists: input.overdueChecklists,
  });
  return { digest, reminders };
}
