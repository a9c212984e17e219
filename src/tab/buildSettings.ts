/**
 * The tab's build-time settings, injected by webpack's DefinePlugin as `__TAB_CONFIG__` from
 * environment variables (see webpack.config.js) and validated here once, when the page starts.
 *
 * Only public values live here: the bundle is served to every browser, so no secret may ever be
 * added to this object.
 */
import { apiScopeFor } from '@graph/client';

declare const __TAB_CONFIG__: unknown;

const ORIGIN_HINT = 'an origin such as https://graph.microsoft.com (no path), or empty for this page\'s own origin';

/**
 * The raw settings after the shape check. Checked by hand rather than with zod: this runs on the
 * first paint, and zod's schema builder would add ~20 KB (gzipped) to the tab's initial download.
 */
interface RawSettings {
  readonly AUTH_MODE: AuthMode;
  readonly GRAPH_BASE_URL: string;
  readonly MSAL_CLIENT_ID?: string;
  readonly MSAL_AUTHORITY?: string;
  readonly GROUP_SITE_LOOKUP?: string;
  readonly SERVICE_URL?: string;
  readonly SERVICE_SCOPE?: string;
}

function checkShape(raw: unknown): { ok: true; data: RawSettings } | { ok: false; problems: string[] } {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const mode = input.AUTH_MODE;
  if (mode !== 'emulator' && mode !== 'msal') problems.push(`AUTH_MODE must be "emulator" or "msal" (got ${JSON.stringify(mode)}).`);
  const base = input.GRAPH_BASE_URL;
  if (typeof base !== 'string') problems.push('GRAPH_BASE_URL must be text.');
  else if (!isOriginOrEmpty(base)) problems.push(`GRAPH_BASE_URL must be ${ORIGIN_HINT} (got ${JSON.stringify(base)}).`);
  const optionalText = (key: 'MSAL_CLIENT_ID' | 'MSAL_AUTHORITY' | 'GROUP_SITE_LOOKUP' | 'SERVICE_URL' | 'SERVICE_SCOPE'): string | undefined => {
    const value = input[key];
    if (value === undefined || typeof value === 'string') return value;
    problems.push(`${key} must be text.`);
    return undefined;
  };
  const clientId = optionalText('MSAL_CLIENT_ID');
  const authority = optionalText('MSAL_AUTHORITY');
  const groupLookup = optionalText('GROUP_SITE_LOOKUP');
  if (groupLookup !== undefined && !['', 'granted', 'off'].includes(groupLookup))
    problems.push(`GROUP_SITE_LOOKUP must be "granted", "off" or empty (got ${JSON.stringify(groupLookup)}).`);
  const serviceUrl = optionalText('SERVICE_URL');
  if (serviceUrl !== undefined && !isOriginOrEmpty(serviceUrl)) problems.push(`SERVICE_URL must be the service's origin, such as https://register-service.example.nhs.uk (no path), or empty (got ${JSON.stringify(serviceUrl)}).`);
  const serviceScope = optionalText('SERVICE_SCOPE');
  if (serviceScope !== undefined && serviceScope !== '' && !API_SCOPE.test(serviceScope))
    problems.push(`SERVICE_SCOPE must be the app's API scope, api://<tab host>/<client id>/access_as_user, or empty (got ${JSON.stringify(serviceScope)}).`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    data: {
      AUTH_MODE: mode as AuthMode, GRAPH_BASE_URL: base as string, MSAL_CLIENT_ID: clientId, MSAL_AUTHORITY: authority, GROUP_SITE_LOOKUP: groupLookup,
      SERVICE_URL: serviceUrl, SERVICE_SCOPE: serviceScope,
    },
  };
}

/** Work and school accounts of any tenant; NHSmail builds set the NHSmail tenant's id instead. */
export const DEFAULT_MSAL_AUTHORITY = 'https://login.microsoftonline.com/organizations';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_SCOPE = /^api:\/\/[a-z0-9.:-]+\/[0-9a-f-]{36}\/access_as_user$/;
/** The local emulator's registered app (its client id, as the service's EMULATOR_APP_ID): public. */
export const EMULATOR_CLIENT_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';


export type AuthMode = 'emulator' | 'msal';

/** The Entra app registration the MSAL sign-in uses (AUTH_MODE "msal" only). */
export interface MsalSettings {
  /** The Entra application (client) id: a GUID, public by design (it is in every sign-in URL). */
  readonly clientId: string;
  /** `https://login.microsoftonline.com/<tenant id | organizations>`, no trailing slash. */
  readonly authority: string;
}

export interface TabConfig {
  readonly authMode: AuthMode;
  /** Present exactly when `authMode` is "msal". */
  readonly msal?: MsalSettings;
  /** Where Graph lives, without `/v1.0`; resolved to the page's origin when the setting is empty. */
  readonly graphBaseUrl: string;
  /**
   * True where the tenant granted `Sites.Read.All`, the permission site-get.md names for
   * `GET /groups/{id}/sites/root` (GROUP_SITE_LOOKUP "granted"; like NHSmail, the local emulator's demo
   * tenant has not consented it). Only then may a plain browser without the tab's saved ids find a
   * team's site by itself; otherwise the person is asked to open the tab in Teams once.
   */
  readonly groupSiteLookup: boolean;
  /**
   * The app's service (SERVICE_URL, an origin): incident cards go through its bot
   * (`POST {serviceUrl}/api/incidents/notify`). Null: the tab posts them as the person (delegated) only.
   */
  readonly serviceUrl: string | null;
  /**
   * The scope of the token the service takes (Teams tab SSO, "Expose an API"): SERVICE_SCOPE, else
   * `api://{the tab's host}/{client id}/access_as_user` (the manifest's webApplicationInfo.resource plus
   * the scope). Null exactly when `serviceUrl` is null.
   */
  readonly serviceScope: string | null;
}

/** One message that lists every bad setting, so a broken build is fixed in one pass. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The tab's build settings are not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isOriginOrEmpty(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/**
 * @param raw the injected settings (defaults to the build's `__TAB_CONFIG__`).
 * @param pageOrigin the origin that an empty GRAPH_BASE_URL stands for.
 * @throws ConfigError listing every invalid or missing value.
 */
export function loadConfig(raw: unknown = readInjected(), pageOrigin: string = window.location.origin): TabConfig {
  const parsed = checkShape(raw ?? {});
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const base = parsed.data.GRAPH_BASE_URL.replace(/\/$/, '');
  const graphBaseUrl = base === '' ? pageOrigin : base;
  const lookup = parsed.data.GROUP_SITE_LOOKUP ?? '';
  const serviceUrl = (parsed.data.SERVICE_URL ?? '').replace(/\/$/, '') || null;
  const service = (clientId: string) => ({ serviceUrl, serviceScope: serviceUrl === null ? null : parsed.data.SERVICE_SCOPE || apiScopeFor(new URL(pageOrigin).host, clientId) });
  if (parsed.data.AUTH_MODE === 'emulator') return { authMode: 'emulator', graphBaseUrl, groupSiteLookup: lookup === 'granted', ...service(EMULATOR_CLIENT_ID) };
  const msal = msalSettings(parsed.data.MSAL_CLIENT_ID, parsed.data.MSAL_AUTHORITY);
  return { authMode: 'msal', graphBaseUrl, groupSiteLookup: lookup === 'granted', msal, ...service(msal.clientId) };
}

/** @throws ConfigError naming each missing or malformed MSAL setting. */
function msalSettings(clientId: string | undefined, authority: string | undefined): MsalSettings {
  const problems: string[] = [];
  const id = (clientId ?? '').trim();
  if (!GUID.test(id)) {
    problems.push(
      `MSAL_CLIENT_ID must be the Entra app registration's application (client) id, a GUID (got ${JSON.stringify(clientId ?? '')}).`,
    );
  }
  const chosen = (authority ?? '').trim().replace(/\/$/, '') || DEFAULT_MSAL_AUTHORITY;
  if (!isAuthority(chosen)) {
    problems.push(
      `MSAL_AUTHORITY must be https://login.microsoftonline.com/<tenant id or "organizations"> (got ${JSON.stringify(authority)}).`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { clientId: id, authority: chosen };
}

function isAuthority(value: string): boolean {
  try {
    const url = new URL(value);
    const segments = url.pathname.split('/').filter(Boolean);
    return url.protocol === 'https:' && url.search === '' && url.hash === '' && segments.length === 1;
  } catch {
    return false;
  }
}

function readInjected(): unknown {
  return typeof __TAB_CONFIG__ === 'undefined' ? undefined : __TAB_CONFIG__;
}
