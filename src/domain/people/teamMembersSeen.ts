/**
 * "Team members seen": every Entra id ever seen in the practice team, kept once per practice as a
 * setting in the register's settings list, so the tab and the reminder service agree on who was a
 * member (issue 14). Without it, an owner not in the team now could be a leaver ("Owner left") or
 * someone who never joined ("Owner not in the practice team"), and only one browser's memory told.
 *
 * The record only grows: writers merge their members into what is stored (re-read on a conflict,
 * never overwrite). It holds Entra ids alone (no names), lower-cased, oldest first, and is bounded:
 * past TEAM_MEMBERS_SEEN_MAX the oldest ids of people no longer in the team are dropped first.
 */
import { personKey } from './ranking';

/** The settings-list key (graph/register/registerSettings.ts). */
export const TEAM_MEMBERS_SEEN_SETTING = 'teamMembersSeen';

/**
 * About 40 characters an id in the JSON: 1,500 ids stay well inside a setting's 63,999 characters,
 * and far above any practice team's size.
 */
export const TEAM_MEMBERS_SEEN_MAX = 1500;

export interface TeamMembersSeenValue {
  readonly ids: readonly string[];
}

/** @returns the stored ids, or null when the value is absent or not this record (edited by hand). */
export function parseTeamMembersSeen(value: unknown): string[] | null {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { ids?: unknown }).ids)) return null;
  return ((value as { ids: unknown[] }).ids).filter((id): id is string => typeof id === 'string' && id.trim() !== '').map(personKey);
}

/**
 * The stored record with `memberIds` merged in (the current members, plus anything a browser's
 * cache remembers). @returns undefined when nothing new is added (no write needed).
 */
export function mergeTeamMembersSeen(current: unknown, memberIds: Iterable<string>, max = TEAM_MEMBERS_SEEN_MAX): TeamMembersSeenValue | undefined {
  const stored = parseTeamMembersSeen(current);
  const ids = [...new Set(stored ?? [])];
  const known = new Set(ids);
  const now = new Set<string>();
  for (const raw of memberIds) {
    const id = personKey(raw);
    if (id === '') continue;
    now.add(id);
    if (!known.has(id)) {
      known.add(id);
      ids.push(id);
    }
  }
  if (stored !== null && ids.length === stored.length && stored.length === new Set(stored).size) return undefined;
  let excess = ids.length - max;
  const bounded = excess <= 0 ? ids : ids.filter((id) => (excess > 0 && !now.has(id) ? (excess--, false) : true));
  return { ids: bounded };
}

/**
 * Whether `id` was ever a member, for ownerStatus's `wasMember`: true when seen; false when the
 * record exists and never saw them; undefined when there is no record (then an owner not in the
 * team counts as having left, the safe reading for reminders).
 */
export function wasMemberFrom(seen: ReadonlySet<string> | null, id: string): boolean | undefined {
  if (seen === null) return undefined;
  return seen.has(personKey(id));
}
