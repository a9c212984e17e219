/**
 * Finds the practice's register after sign-in: who am I, which team, its SharePoint site, the
 * register list in it (absent until a team owner creates it) and the team's members.
 *
 * Cold start: two sequential round trips, each one `$batch` (graph/startup.ts): [me, joinedTeams],
 * then [site, members, list, delta link, entries]. Warm start (the tab reopened in the same browser
 * session by the same user): the cached workspace and entries are ready at once, with no request;
 * the register then brings them up to date with the delta query (registerData.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { listTeamMembers, loadMeAndTeams, loadRegisterSnapshot, loadTeamRegister, provisionRegister, type GraphClient, type TeamMember } from '../../../graph';
import { readWarm } from '../../api/warmCache';
import type { Workspace } from '../../api/workspace';

type Me = Workspace['me'];
type Team = Workspace['team'];

export type WorkspaceStep =
  | { readonly kind: 'loading'; readonly label: string }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly kind: 'no-teams'; readonly me: Me }
  | { readonly kind: 'choose-team'; readonly me: Me; readonly teams: readonly Team[] }
  | {
      readonly kind: 'no-register';
      readonly me: Me;
      readonly team: Team;
      readonly isOwner: boolean;
      readonly create: () => void;
    }
  | { readonly kind: 'ready'; readonly workspace: Workspace };

const TEAM_KEY = 'dsr.teamId';

function isOwner(members: readonly TeamMember[], userId: string): boolean {
  return members.some((member) => member.userId === userId && member.roles.includes('owner'));
}

/**
 * @param preferredTeamId the team the Teams host says the tab sits in (null in a browser).
 * @param userKey the signed-in user (UPN): whose warm cache to use; undefined = always cold.
 */
export function useWorkspaceSteps(client: GraphClient, preferredTeamId: string | null, userKey?: string) {
  const [step, setStep] = useState<WorkspaceStep>({ kind: 'loading', label: 'Finding your practice…' });

  const openTeam = useCallback(
    async (me: Me, team: Team) => {
      const retry = () => void openTeam(me, team);
      try {
        setStep({ kind: 'loading', label: `Opening the register of ${team.displayName}…` });
        window.sessionStorage.setItem(TEAM_KEY, team.id);
        const { site, members, listId, snapshot } = await loadTeamRegister(client, team.id);
        const ready = (id: string, initial?: Workspace['initial']) =>
          setStep({ kind: 'ready', workspace: { me, team, members, location: { teamId: team.id, siteId: site.id, listId: id }, initial, cacheKey: userKey } });
        if (listId) return ready(listId, snapshot ? { ...snapshot, fromCache: false } : undefined);
        const create = async () => {
          try {
            setStep({ kind: 'loading', label: 'Creating the register…' });
            ready(await provisionRegister(client, site.id));
          } catch (error) {
            setStep({ kind: 'failed', error, retry });
          }
        };
        setStep({ kind: 'no-register', me, team, isOwner: isOwner(members, me.id), create: () => void create() });
      } catch (error) {
        setStep({ kind: 'failed', error, retry });
      }
    },
    [client, userKey],
  );

  const start = useCallback(async () => {
    try {
      const warm = userKey ? readWarm(userKey) : null;
      const warmTeamFits = warm && (preferredTeamId === null || warm.workspace.team.id === preferredTeamId);
      if (warm && warmTeamFits && warm.entries && warm.deltaLink) {
        return setStep({
          kind: 'ready',
          workspace: { ...warm.workspace, initial: { entries: warm.entries, deltaLink: warm.deltaLink, fromCache: true }, cacheKey: userKey },
        });
      }
      if (warm && warmTeamFits) {
        // Only the location was kept (the register was too big to cache): one round trip.
        setStep({ kind: 'loading', label: `Opening the register of ${warm.workspace.team.displayName}…` });
        const known = await Promise.all([loadRegisterSnapshot(client, warm.workspace.location), listTeamMembers(client, warm.workspace.team.id)]).catch(() => null);
        if (known) {
          const [snapshot, members] = known;
          return setStep({ kind: 'ready', workspace: { ...warm.workspace, members, initial: { ...snapshot, fromCache: false }, cacheKey: userKey } });
        }
      }
      setStep({ kind: 'loading', label: 'Finding your practice…' });
      const { me, teams } = await loadMeAndTeams(client);
      const remembered = preferredTeamId ?? window.sessionStorage.getItem(TEAM_KEY);
      const known = teams.find((team) => team.id === remembered);
      if (known) return openTeam(me, known);
      if (teams.length === 0) return setStep({ kind: 'no-teams', me });
      if (teams.length === 1 && teams[0]) return openTeam(me, teams[0]);
      setStep({ kind: 'choose-team', me, teams });
    } catch (error) {
      setStep({ kind: 'failed', error, retry: () => void start() });
    }
  }, [client, openTeam, preferredTeamId, userKey]);

  useEffect(() => void start(), [start]);

  return { step, chooseTeam: openTeam };
}
