/**
 * Finds the practice's register after sign-in, on documented paths only, in this order:
 *
 * 1. Warm start (same user, same browser tab session): the cached workspace and entries render at
 *    once with no request; the register then asks the delta query once (registerSync.ts).
 * 2. Ids known (the tab's saved contentUrl/websiteUrl, or a cached location): ONE round trip,
 *    a `$batch` of me, members and the list's delta enumeration (graph/register/startup.ts).
 * 3. In Teams without ids: the site from the context's `sharePointSite.teamSiteUrl` and the lists by
 *    title in one batch, then the entries (two round trips).
 * 4. A plain browser without ids: who am I and my teams (one batch); with the team chosen, its site
 *    through `/groups/{id}/sites/root` only where the build says the tenant granted the permission
 *    site-get.md names for it; otherwise the person is asked to open the tab in Teams once (its
 *    "open in browser" link then carries the ids).
 */
import { useCallback, useEffect, useState } from 'react';
import {
  findPracticeListIds,
  findTeamSite,
  getMe,
  isMissingFieldError,
  listTeamMembers,
  loadKnownRegister,
  loadMeAndTeams,
  loadRegisterSnapshot,
  loadTeamSiteRegister,
  provisionRegister,
  GraphError,
  TokenError,
  type GraphClient,
  type TeamMember,
} from '@graph';
import { REGISTER_LIST, REGISTER_SETTINGS_LIST } from '@domain/lists';
import type { SavedLocation } from '../../state/savedLocation';
import { readWarm } from '../../state/warmCache';
import type { Workspace } from '../../state/workspace';

type Me = Workspace['me'];
type Team = Workspace['team'];

export type WorkspaceStep =
  | { readonly kind: 'loading'; readonly label: string }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly kind: 'no-teams'; readonly me: Me }
  | { readonly kind: 'choose-team'; readonly me: Me; readonly teams: readonly Team[] }
  /** A plain browser cannot find this team's site by itself: open the tab in Teams once. */
  | { readonly kind: 'open-in-teams'; readonly me: Me; readonly team: Team }
  | {
      readonly kind: 'no-register';
      readonly me: Me;
      readonly team: Team;
      readonly isOwner: boolean;
      readonly create: () => void;
    }
  | { readonly kind: 'ready'; readonly workspace: Workspace };

/** sessionStorage: the team last opened in this browser tab (cleared on sign-out). */
export const TEAM_KEY = 'dsr.teamId';

function isOwner(members: readonly TeamMember[], userId: string): boolean {
  return members.some((member) => member.userId === userId && member.roles.includes('owner'));
}

export interface WorkspaceHints {
  /** The team the Teams host says the tab sits in (null in a browser). */
  readonly hostTeam: Team | null;
  /** The Teams context's `sharePointSite.teamSiteUrl` (null in a browser). */
  readonly teamSiteUrl: string | null;
  /** The ids the tab's configuration saved in its URL (null when absent). */
  readonly saved: SavedLocation | null;
  /** The tenant granted the permission `/groups/{id}/sites/root` is documented with. */
  readonly groupSiteLookup: boolean;
  /** The signed-in user (UPN): whose warm cache to use; undefined = always cold. */
  readonly userKey?: string;
}

export function useWorkspaceSteps(client: GraphClient, hints: WorkspaceHints) {
  const { hostTeam, teamSiteUrl, saved, groupSiteLookup, userKey } = hints;
  const [step, setStep] = useState<WorkspaceStep>({ kind: 'loading', label: 'Finding your practice…' });

  /**
   * A register made by an older release lacks columns the select names, and SharePoint refuses the
   * whole read: open it read-only (every field) instead; the practice-lists banner says what is
   * missing and lets a team owner bring it up to date.
   */
  const openReadOnly = useCallback(
    async (location: SavedLocation, teamName: string, known?: { me: Me; members: TeamMember[] }) => {
      setStep({ kind: 'loading', label: `Opening the register of ${teamName} (read-only: it needs bringing up to date)…` });
      const { settingsId, ...where } = location;
      const [me, members, snapshot] = await Promise.all([
        known?.me ?? getMe(client),
        known?.members ?? listTeamMembers(client, location.teamId),
        loadRegisterSnapshot(client, where, 'fields'),
      ]);
      const team = { id: location.teamId, displayName: teamName };
      setStep({ kind: 'ready', workspace: { me, team, members, location: where, settingsId, initial: { ...snapshot, fromCache: false }, readOnly: true } });
    },
    [client],
  );

  /** One round trip: me, members and every entry of a known list. */
  const openKnown = useCallback(
    async (location: SavedLocation, teamName: string) => {
      setStep({ kind: 'loading', label: `Opening the register of ${teamName}…` });
      let known;
      try {
        known = await loadKnownRegister(client, location);
      } catch (error) {
        if (isMissingFieldError(error) === null) throw error;
        return openReadOnly(location, teamName);
      }
      const { me, team, members, snapshot } = known;
      const { settingsId, ...where } = location;
      setStep({
        kind: 'ready',
        workspace: {
          me,
          team: { id: location.teamId, displayName: team.displayName || teamName },
          members,
          location: where,
          settingsId,
          initial: { ...snapshot, fromCache: false },
          cacheKey: userKey,
        },
      });
    },
    [client, openReadOnly, userKey],
  );

  const offerCreate = useCallback(
    (me: Me, team: Team, members: TeamMember[], siteId: string, settingsId: string | undefined, retry: () => void) => {
      const create = async () => {
        try {
          setStep({ kind: 'loading', label: 'Creating the register…' });
          const listId = await provisionRegister(client, siteId);
          const snapshot = await loadRegisterSnapshot(client, { siteId, listId });
          setStep({ kind: 'ready', workspace: { me, team, members, location: { teamId: team.id, siteId, listId }, settingsId, initial: { ...snapshot, fromCache: false }, cacheKey: userKey } });
        } catch (error) {
          setStep({ kind: 'failed', error, retry });
        }
      };
      setStep({ kind: 'no-register', me, team, isOwner: isOwner(members, me.id), create: () => void create() });
    },
    [client, userKey],
  );

  /** In Teams: the site from the context's URL (documented path), then the entries. */
  const openFromSiteUrl = useCallback(
    async (team: Team, siteUrl: string) => {
      const retry = () => void openFromSiteUrl(team, siteUrl);
      try {
        setStep({ kind: 'loading', label: `Opening the register of ${team.displayName}…` });
        const found = await loadTeamSiteRegister(client, team.id, siteUrl);
        const settingsId = found.settingsId ?? undefined;
        if (!found.listId) return offerCreate(found.me, team, found.members, found.site.id, settingsId, retry);
        const location = { teamId: team.id, siteId: found.site.id, listId: found.listId };
        const snapshot = await loadRegisterSnapshot(client, location).catch((error: unknown) => {
          if (isMissingFieldError(error) === null) throw error;
          return null;
        });
        if (snapshot === null) return await openReadOnly({ ...location, settingsId }, team.displayName, found);
        setStep({ kind: 'ready', workspace: { me: found.me, team, members: found.members, location, settingsId, initial: { ...snapshot, fromCache: false }, cacheKey: userKey } });
      } catch (error) {
        setStep({ kind: 'failed', error, retry });
      }
    },
    [client, offerCreate, openReadOnly, userKey],
  );

  /** A plain browser, team chosen: only through the group where the tenant granted it. */
  const chooseTeam = useCallback(
    async (me: Me, team: Team) => {
      const retry = () => void chooseTeam(me, team);
      window.sessionStorage.setItem(TEAM_KEY, team.id);
      if (!groupSiteLookup) return setStep({ kind: 'open-in-teams', me, team });
      try {
        setStep({ kind: 'loading', label: `Opening the register of ${team.displayName}…` });
        const site = await findTeamSite(client, team.id);
        const ids = await findPracticeListIds(client, site.id);
        const listId = ids.get(REGISTER_LIST.name);
        const settingsId = ids.get(REGISTER_SETTINGS_LIST.name);
        if (listId) return await openKnown({ teamId: team.id, siteId: site.id, listId, ...(settingsId ? { settingsId } : {}) }, team.displayName);
        const members = await listTeamMembers(client, team.id);
        offerCreate(me, team, members, site.id, settingsId ?? undefined, retry);
      } catch (error) {
        // No consent for the group path after all (or no access through it): the documented way is Teams.
        const refused = error instanceof TokenError || (error instanceof GraphError && (error.status === 401 || error.status === 403));
        setStep(refused ? { kind: 'open-in-teams', me, team } : { kind: 'failed', error, retry });
      }
    },
    [client, groupSiteLookup, offerCreate, openKnown],
  );

  const start = useCallback(async () => {
    const retry = () => void start();
    try {
      const wantedTeam = hostTeam?.id ?? saved?.teamId ?? null;
      const warm = userKey ? readWarm(userKey) : null;
      const warmFits = warm && (wantedTeam === null || warm.workspace.team.id === wantedTeam);
      if (warm && warmFits && warm.entries && warm.deltaLink) {
        return setStep({
          kind: 'ready',
          workspace: { ...warm.workspace, initial: { entries: warm.entries, deltaLink: warm.deltaLink, fromCache: true }, cacheKey: userKey },
        });
      }
      if (saved) return await openKnown(saved, hostTeam?.displayName ?? (warmFits ? warm.workspace.team.displayName : null) ?? 'your practice');
      if (warm && warmFits) return await openKnown({ ...warm.workspace.location, settingsId: warm.workspace.settingsId }, warm.workspace.team.displayName);
      if (hostTeam && teamSiteUrl) return await openFromSiteUrl(hostTeam, teamSiteUrl);
      setStep({ kind: 'loading', label: 'Finding your practice…' });
      const { me, teams } = await loadMeAndTeams(client);
      const remembered = hostTeam?.id ?? window.sessionStorage.getItem(TEAM_KEY);
      const known = teams.find((team) => team.id === remembered);
      if (known) return await chooseTeam(me, known);
      if (teams.length === 0) return setStep({ kind: 'no-teams', me });
      if (teams.length === 1 && teams[0]) return await chooseTeam(me, teams[0]);
      setStep({ kind: 'choose-team', me, teams });
    } catch (error) {
      setStep({ kind: 'failed', error, retry });
    }
  }, [client, chooseTeam, hostTeam, openFromSiteUrl, openKnown, saved, teamSiteUrl, userKey]);

  useEffect(() => void start(), [start]);

  return { step, chooseTeam };
}
