/**
 * The practice channel's digest: one Adaptive Card (1.5) per run, built as plain objects so user text
 * can only ever be a string value, never card structure. User text goes through `escapeCardMarkdown`
 * (TextBlocks) or `safeLabel` (button titles, mention names, where escapes would show).
 * Links come only from the caller's `entryLink` and must be https.
 *
 * Size: Teams rejects messages over about 28 KB, and Graph sends the card as a JSON string inside
 * JSON (every quote escaped), so the card is measured that way against `maxBytes` (default 24,000,
 * leaving room for the message envelope). When the lines do not fit, the most urgent ones are kept
 * and a closing line says how many more are in the register.
 */
import type { LocalDate, PersonRef } from '../entry';
import { formatLocalDate } from '../localDate';
import { NOT_MENTION, escapeCardMarkdown, mentionLabel, safeLabel } from './markdown';
import { compareReminders, REMINDER_STAGES, type Reminder, type ReminderKind, type ReminderStage } from './reminderPolicy';

export const DIGEST_TITLE = 'Digital services: reviews due';
export const DEFAULT_DIGEST_MAX_BYTES = 24_000;
export const DEFAULT_DIGEST_MAX_LINES = 40;

export const KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  review: 'Annual review',
  dpia: 'DPIA review',
  'access-review': 'Access review',
  'continuity-test': 'Continuity test',
};

export const STAGE_HEADINGS: Readonly<Record<ReminderStage, string>> = {
  escalated: 'Escalated',
  overdue: 'Overdue',
  due: 'Due today',
  'due-soon': 'Due soon',
};

export type CardElement = Readonly<Record<string, unknown>>;

/** A card mention: `text` appears verbatim in a TextBlock; `mentioned.id` is the Entra object id. */
export interface CardMention {
  readonly type: 'mention';
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string };
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly msteams: { readonly width: 'Full'; readonly entities: readonly CardMention[] };
}

/** Graph `chatMessageMention`: pair each with `<at id="{id}">{mentionText}</at>` in the message body. */
export interface GraphMention {
  readonly id: number;
  readonly mentionText: string;
  readonly mentioned: { readonly user: { readonly id: string; readonly displayName: string; readonly userIdentityType: 'aadUser' } };
}

export interface DigestInput {
  readonly practiceName: string;
  /** The run's Europe/London date, shown in the title. */
  readonly runDate: LocalDate;
  readonly reminders: readonly Reminder[];
  /** The deep link that opens an entry in the tab. @throws (from buildDigestCard) when not https. */
  readonly entryLink: (entryId: string) => string;
  /** Optional https link to the whole register, offered as the card's action. */
  readonly registerLink?: string;
  /**
   * Changes made by someone who is not a manager and not yet reviewed (src/domain/audit.ts
   * `describeAudit` lines): listed in their own section so managers see them in the channel.
   */
  readonly changesToReview?: readonly string[];
  /**
   * Joiner, leaver and role-change checklists still open after their date (src/domain/access
   * `overdueChecklistLines`): listed in their own section so a late leaver's accounts are chased.
   */
  readonly overdueChecklists?: readonly string[];
  readonly maxBytes?: number;
  readonly maxLines?: number;
}

export interface Digest {
  readonly card: AdaptiveCard;
  /** The owners @mentioned on the card, for a delegated Graph post (ids 0..n-1). */
  readonly graphMentions: readonly GraphMention[];
  /** The reminders shown, most urgent first, and how many were left for "and M more". */
  readonly shown: readonly Reminder[];
  readonly omitted: number;
}

/**
 * @returns the URL, normalised, when it is an absolute https link without credentials.
 * @throws RangeError otherwise: a card must never carry a javascript:, data: or http: link.
 */
export function requireHttpsLink(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError(`${what} is not a valid link`);
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') throw new RangeError(`${what} must be an https link`);
  return url.href;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "due 1 March 2026", "due today (1 March 2026)", "3 days overdue (due …)", "3 weeks overdue (due …)". */
export function whenText(reminder: Pick<Reminder, 'stage' | 'dueDate' | 'daysUntilDue'>): string {
  const date = formatLocalDate(reminder.dueDate);
  if (reminder.stage === 'due-soon') return `due ${date}`;
  if (reminder.stage === 'due') return `due today (${date})`;
  const daysOverdue = -reminder.daysUntilDue;
  const late = daysOverdue < 7 ? plural(daysOverdue, 'day') : plural(Math.floor(daysOverdue / 7), 'week');
  return `${late} overdue (due ${date})`;
}

/** Assigns each shown owner one `<at>` label, unique per person (a namesake gets " (2)"). */
function mentionLabels(shown: readonly Reminder[]): Map<string, { person: PersonRef; label: string }> {
  const byId = new Map<string, { person: PersonRef; label: string }>();
  const taken = new Set<string>();
  for (const { owner } of shown) {
    if (owner === null || byId.has(owner.entraId)) continue;
    const base = mentionLabel(owner.displayName);
    let label = base;
    for (let n = 2; taken.has(label); n += 1) label = `${base} (${n})`;
    taken.add(label);
    byId.set(owner.entraId, { person: owner, label });
  }
  return byId;
}

function ownerText(reminder: Reminder, labels: Map<string, { label: string }>): string {
  if (reminder.ownerIssue === 'no-owner') return 'No owner: managers please assign';
  if (reminder.ownerIssue === 'owner-left' || reminder.owner === null) return 'Owner has left: managers please reassign';
  const mention = `<at>${labels.get(reminder.owner.entraId)?.label ?? 'Owner'}</at>`;
  return reminder.stage === 'escalated' ? `Owner: ${mention}. Escalated to managers` : `Owner: ${mention}`;
}

function line(reminder: Reminder, labels: Map<string, { label: string }>, link: string): CardElement {
  const title = reminder.entryTitle.trim() === '' ? 'Untitled service' : reminder.entryTitle;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: escapeCardMarkdown(title, 120), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `${KIND_LABELS[reminder.kind]}: ${whenText(reminder)}`, wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: ownerText(reminder, labels), wrap: true, spacing: 'None', isSubtle: true },
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: `Open ${safeLabel(title, 60, 'service', NOT_MENTION)}`, url: link }] },
    ],
  };
}

function buildCard(input: DigestInput, all: readonly Reminder[], count: number, links: readonly string[]) {
  const shown = all.slice(0, count);
  const labels = mentionLabels(shown);
  const body: CardElement[] = [
    { type: 'TextBlock', text: DIGEST_TITLE, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: `${escapeCardMarkdown(input.practiceName, 120)}, ${formatLocalDate(input.runDate)}`, isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (all.length === 0) body.push({ type: 'TextBlock', text: 'Nothing is due. Every review is up to date.', wrap: true });
  for (const stage of REMINDER_STAGES) {
    const inStage = shown.map((reminder, index) => ({ reminder, index })).filter(({ reminder }) => reminder.stage === stage);
    if (inStage.length === 0) continue;
    const total = all.filter((reminder) => reminder.stage === stage).length;
    body.push({ type: 'TextBlock', text: `${STAGE_HEADINGS[stage]} (${total})`, style: 'heading', size: 'Medium', weight: 'Bolder', spacing: 'Large', wrap: true });
    for (const { reminder, index } of inStage) body.push(line(reminder, labels, links[index] ?? ''));
  }
  const omitted = all.length - shown.length;
  if (omitted > 0) body.push({ type: 'TextBlock', text: `and ${omitted} more in the register`, spacing: 'Large', wrap: true });
  const changes = (input.changesToReview ?? []).slice(0, 10);
  if (changes.length > 0) {
    const total = input.changesToReview?.length ?? 0;
    body.push({ type: 'TextBlock', text: `Changes for a manager to review (${total})`, style: 'heading', size: 'Medium', weight: 'Bolder', spacing: 'Large', wrap: true });
    for (const change of changes) body.push({ type: 'TextBlock', text: escapeCardMarkdown(change, 300), wrap: true, spacing: 'Small' });
    if (total > changes.length) body.push({ type: 'TextBlock', text: `and ${total - changes.length} more in the register`, wrap: true, spacing: 'Small' });
  }
  const checklists = (input.overdueChecklists ?? []).slice(0, 10);
  if (checklists.length > 0) {
    const total = input.overdueChecklists?.length ?? 0;
    body.push({ type: 'TextBlock', text: `Access checklists past their date (${total})`, style: 'heading', size: 'Medium', weight: 'Bolder', spacing: 'Large', wrap: true });
    for (const checklist of checklists) body.push({ type: 'TextBlock', text: escapeCardMarkdown(checklist, 300), wrap: true, spacing: 'Small' });
    if (total > checklists.length) body.push({ type: 'TextBlock', text: `and ${total - checklists.length} more in People and access`, wrap: true, spacing: 'Small' });
  }
  const entities: CardMention[] = [...labels.values()].map(({ person, label }) => ({
    type: 'mention',
    text: `<at>${label}</at>`,
    mentioned: { id: person.entraId, name: mentionLabel(person.displayName) },
  }));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(input.registerLink === undefined ? {} : { actions: [{ type: 'Action.OpenUrl', title: 'Open the register', url: input.registerLink }] }),
    msteams: { width: 'Full', entities },
  };
  const graphMentions: GraphMention[] = entities.map((entity, id) => ({
    id,
    mentionText: entity.text.slice('<at>'.length, -'</at>'.length),
    mentioned: { user: { id: entity.mentioned.id, displayName: entity.mentioned.name, userIdentityType: 'aadUser' } },
  }));
  return { card, graphMentions, shown, omitted };
}

/** Bytes of the card as Graph carries it: JSON serialised to a string, then inside the request JSON. */
export function cardByteSize(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(JSON.stringify(card))).length;
}

/**
 * Builds the digest for one practice. Reminders are sorted most urgent first whatever their input order.
 * @throws RangeError when `entryLink` or `registerLink` gives anything but an https link.
 */
export function buildDigestCard(input: DigestInput): Digest {
  const maxBytes = input.maxBytes ?? DEFAULT_DIGEST_MAX_BYTES;
  const maxLines = input.maxLines ?? DEFAULT_DIGEST_MAX_LINES;
  const all = [...input.reminders].sort(compareReminders);
  const checked = { ...input, registerLink: input.registerLink === undefined ? undefined : requireHttpsLink(input.registerLink, 'registerLink') };
  const limit = Math.min(all.length, Math.max(0, maxLines));
  const links = all.slice(0, limit).map((reminder) => requireHttpsLink(input.entryLink(reminder.entryId), `entryLink(${reminder.entryId})`));
  // The largest count that fits: size grows with every line, so binary search is exact.
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cardByteSize(buildCard(checked, all, mid, links).card) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return buildCard(checked, all, low, links);
}

/** The Graph message body fragment that carries the mentions: `<at id="0">Name</at>, …`. */
export function graphMentionsHtml(mentions: readonly GraphMention[]): string {
  return mentions.map((mention) => `<at id="${mention.id}">${mention.mentionText}</at>`).join(', ');
}
