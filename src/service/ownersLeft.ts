/**
 * Which owners have left, for the unattended run (issue 4): deleted from the directory (404),
 * disabled (`accountEnabled: false`, where the app may read it: User.Read.All), or no longer a
 * member of the practice team. Their reminders then go to the practice's managers.
 *
 * Only owners still in the team are looked up (one `$batch` per 20 of them, `checkOwners`): anyone
 * else has left already, whatever the directory says. These are `/users` calls, not SharePoint, so
 * the resource-unit pacer charges them nothing (resourceUnits.ts counts only `/sites/` paths).
 *
 * A failed or throttled check never makes anyone "left": an owner the directory did not answer
 * for is 'unknown', and a whole batch that fails (throttled past its retries, a 5xx, no permission)
 * is logged and then team membership alone decides, as it did before the check.
 *
 * Whether someone not in the team now ever was in it comes from the practice's shared "team members
 * seen" record (a setting in the register's settings list, which the tab updates too): the service
 * merges today's members into it and passes `wasMember` from it, so the tab and the service say the
 * same words: "Owner left" for a departure, "Owner not in the practice team" for someone who never was.
 */
import type { PersonRef } from '@domain';
import { ownerLeftLabel, ownerStatus, wasMemberFrom, type DirectoryPresence, type OwnerLeftReason } from '@domain/people';
import type { GraphClient } from '@graph/client';
import { checkOwners } from '@graph/people';
import { openRegisterSettings, readTeamMembersSeen, recordTeamMembersSeen } from '@graph/register';

export type OwnerLeftCheck = (owner: PersonRef) => OwnerLeftReason | null;

/**
 * Everyone ever seen in the team: today's members merged into the practice's record (a dry run
 * only reads it and merges in memory: it writes nothing).
 * @param settingsId the register's settings list, or null when it has not been created.
 * @returns the ids, or null when there is no record to go on (no settings list, members unread, or
 *   the record could not be read or written: noted in `unchecked`). Never throws.
 */
export async function teamMembersSeen(
  graph: GraphClient,
  where: { siteId: string; settingsId: string | null },
  memberIds: ReadonlySet<string> | null,
  dryRun: boolean,
  unchecked: string[],
): Promise<ReadonlySet<string> | null> {
  if (where.settingsId === null || memberIds === null) return null;
  const settings = openRegisterSettings(graph, { siteId: where.siteId, listId: where.settingsId });
  try {
    if (!dryRun) return await recordTeamMembersSeen(settings, [...memberIds]);
    const stored = await readTeamMembersSeen(settings);
    return new Set([...(stored ?? []), ...[...memberIds].map((id) => id.toLowerCase())]);
  } catch (error) {
    unchecked.push(`who was ever in the team (the "team members seen" setting: ${error instanceof Error ? error.message : String(error)}): owners not in the team counted as having left`);
    return null;
  }
}

/**
 * @param candidates the owners of today's reminders (any order, repeats allowed).
 * @param memberIds the team's members, or null when they could not be read.
 * @param options the practice's site and settings list: who was ever in the team comes from its
 *   "team members seen" record (teamMembersSeen, merged with today's members unless `dryRun`), which
 *   the tab writes too, so both say "Owner left" or "not in the practice team" alike. `dryRun`: every
 *   owner of the register; the record is then only read, and each owner who counts as left is logged
 *   in the tab's words (ownerLeftLabel). `unchecked` gets a note when the record could not be used.
 * @returns why each owner has left, or null while they count as active. Never throws.
 */
export async function ownersLeft(
  graph: GraphClient,
  candidates: readonly PersonRef[],
  memberIds: ReadonlySet<string> | null,
  log: (line: string) => void,
  options: { siteId?: string; settingsId?: string | null; dryRun?: Iterable<PersonRef | null>; unchecked?: string[] } = {},
): Promise<OwnerLeftCheck> {
  const seen = options.siteId
    ? await teamMembersSeen(graph, { siteId: options.siteId, settingsId: options.settingsId ?? null }, memberIds, options.dryRun !== undefined, options.unchecked ?? [])
    : null;
  // null: the team's members could not be read (no TeamMember.Read.Group): the directory alone decides.
  const ids = [...new Set(candidates.map((owner) => owner.entraId).filter((id) => memberIds === null || memberIds.has(id)))];
  let directory = new Map<string, DirectoryPresence>();
  if (ids.length > 0) {
    try {
      directory = await checkOwners(graph, ids);
    } catch (error) {
      log(`  directory check failed (${error instanceof Error ? error.message : String(error)}): team membership alone decides who has left`);
    }
  }
  const unknown = ids.filter((id) => (directory.get(id) ?? 'unknown') === 'unknown').length;
  if (directory.size > 0 && unknown > 0) log(`  the directory did not answer for ${unknown} owner(s): counted as still here`);
  const check: OwnerLeftCheck = (owner) =>
    ownerStatus({ directory: directory.get(owner.entraId), inTeam: memberIds === null ? undefined : memberIds.has(owner.entraId), wasMember: wasMemberFrom(seen, owner.entraId) }).reason;
  if (options.dryRun) {
    const described = new Map([...options.dryRun].flatMap((owner) => (owner && check(owner) ? [[owner.entraId, owner] as const] : [])));
    for (const owner of described.values()) log(`  [dry run] owner ${owner.displayName}: ${ownerLeftLabel(check(owner) as OwnerLeftReason)}`);
  }
  return check;
}

