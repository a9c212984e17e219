/**
 * First-run setup in a team, and the upgrade of an older one: find the team's SharePoint site, find
 * or create the register list and the register's shared settings (registerSettings.ts), then "Bring
 * the register up to date": create every other practice list and add the columns an older list
 * lacks (graph/lists). Each step is idempotent, so Retry simply starts again.
 *
 * The site comes from the Teams context's `sharePointSite.teamSiteUrl` through the documented
 * `GET /sites/{hostname}:/{path}`; in a plain browser only through `/groups/{id}/sites/root`, and only
 * where the tenant granted the permission that path is documented with (GROUP_SITE_LOOKUP).
 * The ids found are saved twice so no later open looks them up: in the tab's configuration (the
 * contentUrl and websiteUrl, see TabSetupPage) and as the "location" setting in the settings list.
 */
import { useCallback, useEffect, useState } from 'react';
import { REGISTER_LIST, REGISTER_SETTINGS_LIST, type ListGap, PRACTICE_LISTS } from '@domain/lists';
import {
  bringUpToDate,
  checkPracticeLists,
  findPracticeListIds,
  findTeamSite,
  findTeamSiteByUrl,
  listJoinedTeams,
  openRegisterSettings,
  provisionRegister,
  provisionRegisterSettings,
  type GraphClient,
  type UpToDateProgress,
} from '@graph';
import type { SetupStep } from '../../state/setupFailure';

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
  /** What "Bring the register up to date" added (one line per list), empty when nothing was missing. */
  readonly broughtUpToDate: readonly ListGap[];
  /**
   * What could not be added (e.g. a `write` grant: 403) and why. The register still works (read-only
   * where it lacks columns), so the tab can be saved; a team owner runs setup again later.
   */
  readonly stillMissing?: { readonly gaps: readonly ListGap[]; readonly error: unknown };
}

export type SetupState =
  | { readonly kind: 'working'; readonly label: string }
  /** "Bring the register up to date": adding the missing lists and columns, with progress. */
  | { readonly kind: 'updating'; readonly gaps: readonly ListGap[]; readonly progress: UpToDateProgress | null }
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

  /**
   * "Bring the register up to date": every practice list and column this release needs. A failure
   * (403 under a `write` grant, or not an owner) is kept beside the result, not thrown: the register
   * and its settings exist, so the tab can still be saved.
   */
  const upToDate = useCallback(
    async (siteId: string, ids: ReadonlyMap<string, string>): Promise<Pick<SetupResult, 'broughtUpToDate' | 'stillMissing'>> => {
      setState({ kind: 'working', label: 'Checking the register is up to date…' });
      const { gaps } = await checkPracticeLists(client, siteId, PRACTICE_LISTS, ids);
      if (gaps.length === 0) return { broughtUpToDate: [] };
      setState({ kind: 'updating', gaps, progress: null });
      try {
        await bringUpToDate(client, siteId, gaps, (progress) => setState({ kind: 'updating', gaps, progress }));
        return { broughtUpToDate: gaps };
      } catch (error) {
        return { broughtUpToDate: [], stillMissing: { gaps, error } };
      }
    },
    [client],
  );

  const run = useCallback(
    async (chosen: SetupTeam) => {
      let step: SetupStep = 'team-site';
      try {
        setState({ kind: 'working', label: `Finding the SharePoint site of ${chosen.displayName}…` });
        if (!teamSiteUrl && !groupSiteLookup) throw new NeedsTeamsError();
        const site = teamSiteUrl ? await findTeamSiteByUrl(client, teamSiteUrl) : await findTeamSite(client, chosen.id);
        step = 'find-lists';
        setState({ kind: 'working', label: 'Looking for an existing register…' });
        // One read of the site's lists finds every practice list (graph/lists). The reminder
        // service keeps its ledger in its own store, not in the practice's site.
        const ids = new Map(await findPracticeListIds(client, site.id));
        const existingList = ids.get(REGISTER_LIST.name) ?? null;
        step = 'create-register';
        if (!existingList) setState({ kind: 'working', label: 'Creating the register…' });
        const listId = existingList ?? (await provisionRegister(client, site.id));
        step = 'create-settings';
        const settingsId = ids.get(REGISTER_SETTINGS_LIST.name) ?? (await provisionRegisterSettings(client, site.id));
        ids.set(REGISTER_LIST.name, listId).set(REGISTER_SETTINGS_LIST.name, settingsId);
        step = 'update-lists';
        const { broughtUpToDate, stillMissing } = await upToDate(site.id, ids);
        // Best effort: the tab's own configuration carries the ids too; a failure here only costs a later look-up.
        const location = { teamId: chosen.id, siteId: site.id, listId, settingsId };
        await openRegisterSettings(client, { siteId: site.id, listId: settingsId })
          .update(LOCATION_SETTING, (current) => (JSON.stringify(current) === JSON.stringify(location) ? undefined : location))
          .catch(() => undefined);
        setState({ kind: 'ready', result: { team: chosen, site, listId, settingsId, created: !existingList, broughtUpToDate, ...(stillMissing ? { stillMissing } : {}) } });
      } catch (error) {
        setState({ kind: 'failed', step, team: chosen, error });
      }
    },
    [client, teamSiteUrl, groupSiteLookup, upToDate],
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

  return { state, retry: () => void start(), chooseTeam: setTeam, team };
}
