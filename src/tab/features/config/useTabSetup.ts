/**
 * First-run setup in a team: find the team's SharePoint site, find or create the register list and
 * the register's shared settings (registerSettings.ts). Each step is
 * idempotent, so Retry simply starts again.
 *
 * The site comes from the Teams context's `sharePointSite.teamSiteUrl` through the documented
 * `GET /sites/{hostname}:/{path}`; in a plain browser only through `/groups/{id}/sites/root`, and only
 * where the tenant granted the permission that path is documented with (GROUP_SITE_LOOKUP).
 * The ids found are saved twice so no later open looks them up: in the tab's configuration (the
 * contentUrl and websiteUrl, see ConfigPage) and as the "location" setting in the settings list.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  findRegisterList,
  findRegisterSettings,
  findTeamSite,
  findTeamSiteByUrl,
  listJoinedTeams,
  openRegisterSettings,
  provisionRegister,
  provisionRegisterSettings,
  type GraphClient,
} from '../../../graph';
import type { SetupStep } from './setupFailure';

export interface SetupTeam {
  readonly id: string;
  readonly displayName: string;
}

export interface SetupResult {
  readonly team: SetupTeam;
  readonly site: { readonly id: string; readonly displayName: string; readonly webUrl: string };
  readonly listId: string;
  readonly settingsId: string;
  /** True when this run created the register (false: it was already there). */
  readonly created: boolean;
}

export type SetupState =
  | { readonly kind: 'working'; readonly label: string }
  | { readonly kind: 'choose-team'; readonly teams: readonly SetupTeam[] }
  | { readonly kind: 'failed'; readonly step: SetupStep; readonly team: SetupTeam; readonly error: unknown }
  | { readonly kind: 'ready'; readonly result: SetupResult };

/** The settings-list key under which setup records where the register is. */
export const LOCATION_SETTING = 'location';

/** A plain browser cannot find the site without the group permission: setup must run in Teams. */
export class NeedsTeamsError extends Error {
  constructor() {
    super('Set the register up from Microsoft Teams: add the Digital Services Register tab to a channel of the practice team.');
    this.name = 'NeedsTeamsError';
  }
}

/**
 * @param hostTeam the team Teams says the tab is being added to (null in a browser: the user chooses).
 * @param teamSiteUrl the Teams context's `sharePointSite.teamSiteUrl` (null in a browser).
 * @param groupSiteLookup the tenant granted the permission `/groups/{id}/sites/root` is documented with.
 */
export function useTabSetup(client: GraphClient, hostTeam: SetupTeam | null, teamSiteUrl: string | null = null, groupSiteLookup = false) {
  const [state, setState] = useState<SetupState>({ kind: 'working', label: 'Finding your team…' });
  const [team, setTeam] = useState<SetupTeam | null>(hostTeam);

  const run = useCallback(
    async (chosen: SetupTeam) => {
      let step: SetupStep = 'team-site';
      try {
        setState({ kind: 'working', label: `Finding the SharePoint site of ${chosen.displayName}…` });
        if (!teamSiteUrl && !groupSiteLookup) throw new NeedsTeamsError();
        const site = teamSiteUrl ? await findTeamSiteByUrl(client, teamSiteUrl) : await findTeamSite(client, chosen.id);
        step = 'find-lists';
        setState({ kind: 'working', label: 'Looking for an existing register…' });
        // Two reads of the site's lists, in parallel (setup only, not every open). The reminder
        // service keeps its ledger in its own store, not in the practice's site.
        const [existingList, existingSettings] = await Promise.all([findRegisterList(client, site.id), findRegisterSettings(client, site.id)]);
        step = 'create-register';
        if (!existingList) setState({ kind: 'working', label: 'Creating the register…' });
        const listId = existingList ?? (await provisionRegister(client, site.id));
        step = 'create-settings';
        const settingsId = existingSettings ?? (await provisionRegisterSettings(client, site.id));
        // Best effort: the tab's own configuration carries the ids too; a failure here only costs a later look-up.
        const location = { teamId: chosen.id, siteId: site.id, listId, settingsId };
        await openRegisterSettings(client, { siteId: site.id, listId: settingsId })
          .update(LOCATION_SETTING, (current) => (JSON.stringify(current) === JSON.stringify(location) ? undefined : location))
          .catch(() => undefined);
        setState({ kind: 'ready', result: { team: chosen, site, listId, settingsId, created: !existingList } });
      } catch (error) {
        setState({ kind: 'failed', step, team: chosen, error });
      }
    },
    [client, teamSiteUrl, groupSiteLookup],
  );

  const start = useCallback(async () => {
    if (team) return run(team);
    try {
      setState({ kind: 'working', label: 'Finding your teams…' });
      const teams = await listJoinedTeams(client);
      if (teams.length === 1 && teams[0]) {
        setTeam(teams[0]);
        return run(teams[0]);
      }
      setState({ kind: 'choose-team', teams });
    } catch (error) {
      setState({ kind: 'failed', step: 'team-site', team: { id: '', displayName: 'your team' }, error });
    }
  }, [client, run, team]);

  useEffect(() => void start(), [start]);

  return { state, retry: () => void start(), chooseTeam: setTeam };
}
