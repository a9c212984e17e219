/**
 * Owner-left detection for the tab: every distinct owner of a loaded register is looked up in the
 * directory once per load (`checkOwners`, 20 per `$batch`), and compared with the practice team's
 * member list (already loaded with the workspace, so no request). An owner added later (a save)
 * is looked up once when it first appears. A failed check leaves owners "unknown", which
 * `ownerStatus` counts as active: a throttled directory never flags everyone as gone.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ownerStatus, personKey, wasMemberFrom, type DirectoryPresence, type OwnerLeftReason, type StoredEntry } from '@domain';
import { checkOwners, openRegisterSettings, recordTeamMembersSeen, withScopes, type GraphClient, type SettingsLocation, type TeamMember } from '@graph';

import type { OwnerLeftReasons } from './registerRows';

export { ownerLeftReasonOf, type OwnerLeftReasons } from './registerRows';

const SEEN_MEMBERS_PREFIX = 'dsr.seenTeamMembers.';
const OUTSIDE_OWNERS_PREFIX = 'dsr.ownersChosenOutsideTeam.';

function readIds(key: string): string[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Sign-out forgets what this browser remembered about team members (signOutTraces.ts). */
export function clearOwnerMemory(): void {
  try {
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(SEEN_MEMBERS_PREFIX) || key.startsWith(OUTSIDE_OWNERS_PREFIX)) window.localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing was remembered.
  }
}

/**
 * Remembers that `ownerId` was chosen as an owner while NOT a member of the team (a new starter, or
 * someone from the wider directory), so they read "not in the practice team", never "owner left".
 */
export function rememberOwnerChosenOutsideTeam(teamId: string, ownerId: string): void {
  try {
    const ids = new Set([...readIds(OUTSIDE_OWNERS_PREFIX + teamId), personKey(ownerId)]);
    window.localStorage.setItem(OUTSIDE_OWNERS_PREFIX + teamId, JSON.stringify([...ids]));
  } catch {
    // Storage blocked: the owner reads as before.
  }
}

/**
 * Whether `id` was ever a member: true when seen in the team; false when chosen as owner from
 * outside the team and never seen in it since; undefined when nothing is known (then an owner not in
 * the team counts as having left, the safe reading for reminders).
 */
export function wasMemberOf(teamId: string | undefined, seen: ReadonlySet<string> | null, id: string): boolean | undefined {
  if (seen?.has(id)) return true;
  if (teamId && readIds(OUTSIDE_OWNERS_PREFIX + teamId).includes(id)) return false;
  return undefined;
}

/**
 * Every member id this browser has seen in the team (this load's members included), kept in
 * localStorage per team: someone not in the team now who was seen before has LEFT.
 * @returns null when there is nothing to go on (no team id, storage blocked).
 */
export function seenTeamMembers(teamId: string | undefined, members: readonly TeamMember[]): ReadonlySet<string> | null {
  if (!teamId || members.length === 0) return null;
  const current = members.map((member) => personKey(member.userId));
  try {
    const stored = JSON.parse(window.localStorage.getItem(SEEN_MEMBERS_PREFIX + teamId) ?? '[]') as unknown;
    const seen = new Set([...(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []), ...current]);
    window.localStorage.setItem(SEEN_MEMBERS_PREFIX + teamId, JSON.stringify([...seen]));
    return seen;
  } catch {
    return new Set(current);
  }
}

/**
 * Why each owner counts as left (absent: active), from the team's members, the directory's answers
 * and whether each was ever a member. The reminder service decides with the same ownerStatus and
 * the same record (service/ownersLeft.ts), so both say the same words.
 */
export function ownerReasonsFrom(
  ownerIds: Iterable<string>,
  members: readonly TeamMember[],
  presence: ReadonlyMap<string, DirectoryPresence>,
  wasMember: (id: string) => boolean | undefined,
): Map<string, OwnerLeftReason> {
  const teamIds = new Set(members.map((member) => personKey(member.userId)));
  const reasons = new Map<string, OwnerLeftReason>();
  for (const raw of ownerIds) {
    const id = personKey(raw);
    const inTeam = members.length === 0 ? undefined : teamIds.has(id);
    const status = ownerStatus({ directory: presence.get(id), inTeam, wasMember: wasMember(id) });
    if (status.reason) reasons.set(id, status.reason);
  }
  return reasons;
}

/**
 * The practice's shared "team members seen" record (graph/register/registerSettings.ts), which the reminder
 * service reads and writes too: this load's members (and whatever this browser remembers) merged in
 * once per load. @returns null until it answers, or when there is no settings list or it failed
 * (then this browser's own memory decides, as before).
 */
function useSharedMembersSeen(client: GraphClient, members: readonly TeamMember[], teamId: string | undefined, settings: SettingsLocation | undefined): ReadonlySet<string> | null {
  const [shared, setShared] = useState<ReadonlySet<string> | null>(null);
  const siteId = settings?.siteId;
  const listId = settings?.listId;
  useEffect(() => {
    if (!siteId || !listId || members.length === 0) return;
    let live = true;
    const local = seenTeamMembers(teamId, members) ?? new Set<string>();
    recordTeamMembersSeen(openRegisterSettings(client, { siteId, listId }), [...local]).then(
      (seen) => {
        if (!live) return;
        setShared(seen);
        // Kept as this browser's cache, for the next load's first render.
        seenTeamMembers(teamId, [...seen].map((userId) => ({ userId }) as TeamMember));
      },
      () => undefined, // no record: this browser's memory decides
    );
    return () => {
      live = false;
    };
  }, [client, members, teamId, siteId, listId]);
  return shared;
}

/**
 * @param entries the loaded register; null while (re)loading, which starts a new round of checks.
 * @param teamId the practice team, under which members seen before are remembered (seenTeamMembers).
 * @param settings the register's settings list, where the shared "team members seen" record lives.
 */
export function useOwnerLeftReasons(
  client: GraphClient,
  entries: readonly StoredEntry[] | null,
  members: readonly TeamMember[],
  teamId?: string,
  settings?: SettingsLocation,
): OwnerLeftReasons {
  const shared = useSharedMembersSeen(client, members, teamId, settings);
  const [presence, setPresence] = useState<ReadonlyMap<string, DirectoryPresence>>(new Map());
  // Ids already asked about in this load, and which load it is (a late answer for an old load is dropped).
  const asked = useRef({ load: 0, ids: new Set<string>() });

  const ownerIds = useMemo(() => {
    const ids = new Set<string>();
    for (const stored of entries ?? []) if (stored.entry.owner?.entraId) ids.add(personKey(stored.entry.owner.entraId));
    return ids;
  }, [entries]);

  useEffect(() => {
    if (entries === null) {
      asked.current = { load: asked.current.load + 1, ids: new Set() };
      setPresence(new Map());
      return;
    }
    const missing = [...ownerIds].filter((id) => !asked.current.ids.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.current.ids.add(id);
    const load = asked.current.load;
    checkOwners(client, missing, [withScopes('people')]).then(
      (found) => {
        if (asked.current.load !== load) return;
        setPresence((current) => new Map([...current, ...[...found].map(([id, value]) => [personKey(id), value] as const)]));
      },
      () => undefined, // unknown: counted as active
    );
  }, [client, entries, ownerIds]);

  return useMemo(() => {
    const seen = seenTeamMembers(teamId, members);
    // The shared record first (the service reads the same one), this browser's memory without it.
    return ownerReasonsFrom(ownerIds, members, presence, (id) => (shared ? wasMemberFrom(shared, id) : wasMemberOf(teamId, seen, id)));
  }, [ownerIds, presence, members, teamId, shared]);
}

/** Team owners (the practice's managers) assign and change owners; everyone else reads. */
export function isTeamOwner(userId: string, members: readonly TeamMember[]): boolean {
  const me = personKey(userId);
  return members.some((member) => personKey(member.userId) === me && member.roles.some((role) => role.toLowerCase() === 'owner'));
}
