/** Who is signed in, their teams, a team's SharePoint site, and the register list in it. */
import type { Site, Team, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { REGISTER_LIST } from '@domain/lists';
import { findOrProvisionList, findPracticeListIds } from '../lists';
import { pathSegment, queryString, pageAll, withScopes } from '../client';

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

/** A Graph `site` (selected `id,displayName,webUrl`) as the register keeps it. */
export function teamSiteOf(site: Pick<Site, 'id' | 'displayName' | 'webUrl'>): TeamSite {
  return { id: site.id ?? '', displayName: site.displayName ?? '', webUrl: site.webUrl ?? '' };
}

export async function getMe(client: GraphClient): Promise<Me> {
  const me = (await client.api('/me').get()) as Pick<User, 'id' | 'displayName' | 'userPrincipalName'>;
  return { id: me.id ?? '', displayName: me.displayName ?? '', userPrincipalName: me.userPrincipalName ?? '' };
}

export async function listJoinedTeams(client: GraphClient): Promise<TeamSummary[]> {
  const teams = await pageAll<Pick<Team, 'id' | 'displayName'>>(client, '/me/joinedTeams');
  return teams.map((team) => ({ id: team.id ?? '', displayName: team.displayName ?? '' }));
}

/**
 * `/sites/{hostname}:/{server-relative-path}` for a site URL such as the Teams context's
 * `sharePointSite.teamSiteUrl` (api-reference/v1.0/api/site-get.md, "Access a site by server-relative URL").
 * @throws Error when the URL is not an https SharePoint URL.
 */
export function sitePathOf(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`Not a SharePoint site URL: ${siteUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Not a SharePoint site URL: ${siteUrl}`);
  const path = url.pathname.replace(/\/+$/, '').split('/').filter(Boolean).map((segment) => pathSegment(decodeURIComponent(segment))).join('/');
  return `/sites/${url.hostname}:/${path}`;
}

/** The team's SharePoint site from its URL (Teams context `sharePointSite.teamSiteUrl`): the documented path. */
export async function findTeamSiteByUrl(client: GraphClient, teamSiteUrl: string): Promise<TeamSite> {
  const site = (await client.api(`${sitePathOf(teamSiteUrl)}${queryString({ $select: 'id,displayName,webUrl' })}`).get()) as Pick<Site, 'id' | 'displayName' | 'webUrl'>;
  return teamSiteOf(site);
}

/**
 * The team's SharePoint site through its group (`/groups/{id}/sites/root`). site-get.md documents this
 * path with `Sites.Read.All`; under `Sites.Selected` it is undocumented (reports say it also needs a
 * group-read permission, microsoft-graph-docs-contrib issue #211). So the tab uses it only where the
 * build says the tenant granted that permission (GROUP_SITE_LOOKUP), asking for it with this request
 * alone (`withScopes('team-site-by-group')`); everywhere else the site comes from the Teams context.
 */
export async function findTeamSite(client: GraphClient, teamId: string): Promise<TeamSite> {
  const site = (await client
    .api(`/groups/${pathSegment(teamId)}/sites/root${queryString({ $select: 'id,displayName,webUrl' })}`)
    .middlewareOptions([withScopes('team-site-by-group')])
    .get()) as Pick<Site, 'id' | 'displayName' | 'webUrl'>;
  return teamSiteOf(site);
}

/** @returns the id of the site's register list, or null when it has not been provisioned. */
export async function findRegisterList(client: GraphClient, siteId: string): Promise<string | null> {
  return (await findPracticeListIds(client, siteId)).get(REGISTER_LIST.name) ?? null;
}

/**
 * Creates the register list with its typed columns and indexes, or finds the one already there
 * (findOrProvisionList: a repeat gets 409 and the existing list is returned). An older register
 * that lacks newer columns is brought up to date by the setup (graph/lists `bringUpToDate`).
 * @returns the list id.
 */
export async function provisionRegister(client: GraphClient, siteId: string): Promise<string> {
  return (await findOrProvisionList(client, siteId, REGISTER_LIST)).id;
}
