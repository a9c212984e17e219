/** Who is signed in, their teams, a team's SharePoint site, and the register list in it. */
import type { GraphClient } from './client';
import { GraphError, isAmbiguousFailure } from './errors';
import { pathSegment, queryString } from './odata';
import { pageAll } from './paging';
import { REGISTER_COLUMNS, REGISTER_LIST_NAME, toColumnDefinition } from './registerColumns';

export interface Me {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface TeamSummary {
  id: string;
  displayName: string;
}

export interface TeamSite {
  id: string;
  displayName: string;
  webUrl: string;
}

export async function getMe(client: GraphClient): Promise<Me> {
  const me = (await client.api('/me').get()) as Me;
  return { id: me.id, displayName: me.displayName, userPrincipalName: me.userPrincipalName };
}

export async function listJoinedTeams(client: GraphClient): Promise<TeamSummary[]> {
  const teams = await pageAll<TeamSummary>(client, '/me/joinedTeams');
  return teams.map((team) => ({ id: team.id, displayName: team.displayName }));
}

/** The team's SharePoint site (every team has one, made with its Microsoft 365 group). */
export async function findTeamSite(client: GraphClient, teamId: string): Promise<TeamSite> {
  const site = (await client.api(`/groups/${pathSegment(teamId)}/sites/root`).get()) as TeamSite;
  return { id: site.id, displayName: site.displayName, webUrl: site.webUrl };
}

/** @returns the id of the site's register list, or null when it has not been provisioned. */
export async function findRegisterList(client: GraphClient, siteId: string): Promise<string | null> {
  const lists = await pageAll<{ id: string; displayName: string }>(
    client,
    `/sites/${pathSegment(siteId)}/lists${queryString({ $select: 'id,displayName' })}`,
  );
  return lists.find((list) => list.displayName === REGISTER_LIST_NAME)?.id ?? null;
}

/**
 * Creates the register list with its typed columns and indexes, or finds the one already there.
 * Safe to repeat: a second create gets 409 `nameAlreadyExists` and the existing list is returned.
 * @returns the list id.
 */
export async function provisionRegister(client: GraphClient, siteId: string): Promise<string> {
  try {
    const created = (await client.api(`/sites/${pathSegment(siteId)}/lists`).post({
      displayName: REGISTER_LIST_NAME,
      columns: REGISTER_COLUMNS.map(toColumnDefinition),
      list: { template: 'genericList' },
    })) as { id: string };
    return created.id;
  } catch (error) {
    const alreadyThere = error instanceof GraphError && error.status === 409;
    if (!alreadyThere && !isAmbiguousFailure(error)) throw error;
    const existing = await findRegisterList(client, siteId);
    if (existing !== null) return existing;
    throw error;
  }
}
