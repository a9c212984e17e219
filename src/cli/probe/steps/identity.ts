/** Sign-in (both identities), where to probe, and the site from its URL. */
import { GraphError, findTeamSite, findTeamSiteByUrl, getMe, listChannels, listJoinedTeams, pathSegment, preferredDigestChannelOf } from '../graphParts';
import type { Check, ProbeContext, ProbeStep } from '../step';
import { claimsOf, TAB_SCOPES } from '../tokens';

function listOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String).sort();
  return typeof claim === 'string' && claim !== '' ? claim.split(' ').sort() : [];
}

export const signInApp: ProbeStep = {
  id: 'sign-in-app',
  title: 'App-only sign-in (certificate), as the reminder service',
  required: true,
  writes: false,
  advice: () =>
    'The reminder service cannot sign in, so no digest or notification is sent. Check APP_ID and TENANT_ID, that the certificate in CERTIFICATE_PATH is uploaded to the app registration, and that admin consent was granted for the application permission Sites.Selected.',
  async run(ctx) {
    const claims = claimsOf(await ctx.appTokens.getToken(['https://graph.microsoft.com/.default']));
    const roles = listOf(claims.roles);
    ctx.facts.grants.appRoles = roles;
    ctx.state.tenantId = typeof claims.tid === 'string' ? claims.tid : ctx.config.tenantId;
    return { ok: true, detail: `token for app ${String(claims.appid ?? claims.azp ?? ctx.config.appId)}; roles: ${roles.join(' ') || '(none in the token)'}` };
  },
};

export const signInUser: ProbeStep = {
  id: 'sign-in-user',
  title: "Delegated sign-in with the tab's scopes, then GET /me",
  required: true,
  writes: false,
  advice: (f) =>
    f.status === 403 || f.code === 'token'
      ? 'Nobody can open the tab: grant admin consent for the delegated permissions in docs/permissions.md (in NHSmail users cannot consent themselves).'
      : 'Nobody can open the tab: check the app registration (docs/deployment.md section 1; the probe signs in by device code, so "Allow public client flows" must be on while it runs) and that this account may sign in to it.',
  async run(ctx) {
    let token: string;
    try {
      token = await ctx.userTokens.getToken(TAB_SCOPES);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // AADSTS65001: no consent; AADSTS7000218 / 50059 and friends: the registration itself.
      const consent = /AADSTS65001|consent/i.test(message);
      return { ok: false, detail: `sign-in refused: ${message}`, advice: consent ? signInUser.advice({ code: 'token' }) : signInUser.advice({}) };
    }
    const granted = listOf(claimsOf(token).scp);
    ctx.facts.grants.delegatedScopes = granted;
    ctx.state.me = await getMe(ctx.user);
    // Scope names compare case-insensitively (Entra may answer User.Read as user.read).
    const lower = new Set(granted.map((scope) => scope.toLowerCase()));
    const missing = granted.length === 0 ? [] : TAB_SCOPES.filter((scope) => !lower.has(scope.toLowerCase()));
    const who = `signed in as ${ctx.state.me.displayName} (${ctx.state.me.userPrincipalName})`;
    if (missing.length > 0) {
      return { ok: false, detail: `${who}, but the token lacks ${missing.join(', ')}`, advice: `Grant admin consent for ${missing.join(', ')}: the tab asks for them and the features that use them fail without (docs/permissions.md).` };
    }
    return { ok: true, detail: `${who}; scopes: ${granted.join(' ') || '(not shown in the token)'}` };
  },
};

/** Locally the team, channel and site default to the signed-in user's first team; on a tenant they are configured. */
export const workspace: ProbeStep = {
  id: 'workspace',
  title: 'Team and channel to probe',
  required: true,
  writes: false,
  needs: ['sign-in-user'],
  advice: () => 'Set PROBE_TEAM_ID and PROBE_CHANNEL_ID to a team the signed-in person belongs to.',
  async run(ctx) {
    const { config, state } = ctx;
    state.teamId = config.teamId ?? (await listJoinedTeams(ctx.user))[0]?.id;
    if (!state.teamId) return { ok: false, detail: 'the signed-in user is in no team' };
    state.channelId = config.channelId ?? preferredDigestChannelOf(await listChannels(ctx.user, state.teamId))?.id;
    if (!state.channelId) return { ok: false, detail: `team ${state.teamId} has no channel the user can see` };
    state.siteWebUrl = config.siteUrl;
    state.botServiceUrl = config.botServiceUrl ?? `${config.graphBaseUrl}/emulator/botframework/`;
    return { ok: true, detail: `team ${state.teamId}, channel ${state.channelId}, site ${state.siteWebUrl}` };
  },
};

async function readSite(ctx: ProbeContext, asApp: boolean): Promise<Check> {
  // Delegated: the tab's own lookup from the Teams context's teamSiteUrl. App-only: the service reads the site by id.
  const site = asApp
    ? ((await ctx.app.api(`/sites/${pathSegment(ctx.state.siteId as string)}`).get()) as { id: string; displayName?: string })
    : await findTeamSiteByUrl(ctx.user, ctx.state.siteWebUrl as string);
  if (!asApp) ctx.state.siteId = site.id;
  return { ok: typeof site.id === 'string' && site.id !== '', detail: `"${site.displayName ?? ''}" (${site.id})` };
}

export const siteFromUrl: ProbeStep = {
  id: 'site-from-url',
  title: 'Site from its URL, delegated (GET /sites/{host}:/{path})',
  required: true,
  writes: false,
  needs: ['workspace'],
  advice: (f) =>
    f.status === 403 || f.status === 401
      ? 'The tab cannot reach this site: a tenant admin must grant the app on it (Sites.Selected: POST /sites/{site-id}/permissions, docs/deployment.md section 2), and the person needs access to the site too.'
      : f.status === 404
        ? 'No site at PROBE_SITE_URL: give the full site URL, e.g. https://contoso.sharepoint.com/sites/PracticeTeam.'
        : 'The tab finds the practice site this way in Teams; without it, setup cannot find the register.',
  run: (ctx) => readSite(ctx, false),
};

export const siteAppOnly: ProbeStep = {
  id: 'site-app-only',
  title: 'Same site, app-only (GET /sites/{id})',
  required: true,
  writes: false,
  needs: ['site-from-url', 'sign-in-app'],
  advice: () =>
    'The reminder service (app-only) cannot reach the site: the application permission Sites.Selected needs admin consent, and the per-site grant must name this app (docs/deployment.md section 2).',
  run: (ctx) => readSite(ctx, true),
};

export const siteByGroup: ProbeStep = {
  id: 'site-by-group',
  title: "The team's site through its group (GET /groups/{id}/sites/root; a fact)",
  required: false,
  writes: false,
  needs: ['workspace'],
  advice: () =>
    'Expected without Sites.Read.All: in a plain browser without saved ids the tab asks the person to open it in Teams once. Build with GROUP_SITE_LOOKUP=granted only if the tenant grants that permission.',
  async run(ctx) {
    try {
      const site = await findTeamSite(ctx.user, ctx.state.teamId as string);
      return { ok: true, detail: `answered with ${site.webUrl}: the tab could find the site this way too (GROUP_SITE_LOOKUP=granted)` };
    } catch (error) {
      if (!(error instanceof GraphError) || (error.status !== 403 && error.status !== 401)) throw error;
      return { ok: true, detail: `refused (${error.status} ${error.code}), as expected without Sites.Read.All: the tab finds the site from the Teams context instead` };
    }
  },
};
