/**
 * Finds the practice's register after sign-in: who am I, which team, its SharePoint site, the
 * register list in it (absent until a team owner creates it) and the team's members.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  findRegisterList,
  findTeamSite,
  getMe,
  listJoinedTeams,
  listTeamMembers,
  provisionRegister,
  type GraphClient,
  type TeamMember,
} from '../../../graph';
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
 */
export function useWorkspaceSteps(client: GraphClient, preferredTeamId: string | null) {
  const [step, setStep] = useState<WorkspaceStep>({ kind: 'loading', label: 'Finding your practice…' });

  const openTeam = useCallback(
    async (me: Me, team: Team) => {
      const retry = () => void openTeam(me, team);
      try {
        setStep({ kind: 'loading', label: `Opening the register of ${team.displayName}…` });
        window.sessionStorage.setItem(TEAM_KEY, team.id);
        const [site, members] = await Promise.all([findTeamSite(client, team.id), listTeamMembers(client, team.id)]);
        const ready = (listId: string) =>
          setStep({ kind: 'ready', workspace: { me, team, members, location: { teamId: team.id, siteId: site.id, listId } } });
        const listId = await findRegisterList(client, site.id);
        if (listId) return ready(listId);
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
    [client],
  );

  const start = useCallback(async () => {
    try {
      setStep({ kind: 'loading', label: 'Finding your practice…' });
      const [me, teams] = await Promise.all([getMe(client), listJoinedTeams(client)]);
      const remembered = preferredTeamId ?? window.sessionStorage.getItem(TEAM_KEY);
      const known = teams.find((team) => team.id === remembered);
      if (known) return openTeam(me, known);
      if (teams.length === 0) return setStep({ kind: 'no-teams', me });
      if (teams.length === 1 && teams[0]) return openTeam(me, teams[0]);
      setStep({ kind: 'choose-team', me, teams });
    } catch (error) {
      setStep({ kind: 'failed', error, retry: () => void start() });
    }
  }, [client, openTeam, preferredTeamId]);

  useEffect(() => void start(), [start]);

  return { step, chooseTeam: openTeam };
}
