/**
 * The emulator's app registry: the Entra apps it knows, with the permissions a tenant admin has
 * consented to each (what Entra puts in their tokens), and app-only callers shaped as principals.
 *
 * - Delegated tokens (`POST /emulator/token {"upn","scopes"}`) carry in `scp` only scopes consented
 *   to the app they are issued for; asking for another is refused, as Entra refuses a scope nobody
 *   consented to when user consent is off (NHSmail's case).
 * - App-only tokens (`{"appId"}`) carry in `roles` the app's consented application permissions.
 *
 * What an app may do on a site under Sites.Selected is a grant (model/sitePermissions.ts); in a
 * team, its resource-specific consent (model/installations.ts, rscPermissionsOf).
 */
import { fail } from '../errors';
import { ROUTE_PERMISSIONS } from '../permissions';
import type { Storage } from '../storage/types';
import type { UserDoc } from './user';

export interface RegisteredApp {
  readonly appId: string;
  readonly displayName: string;
  /** Delegated permissions consented for the tenant: the most a user's token for this app may carry. */
  readonly delegated: readonly string[];
  /** Application permissions consented (app roles): what an app-only token carries in `roles`. */
  readonly application: readonly string[];
}

/**
 * The register's one Entra app (the tab's client id, the manifest's webApplicationInfo id and the
 * bot id, locally). Its consents are the README's permissions table: the tab's delegated scopes,
 * and for the unattended service Sites.Selected plus User.Read.All. The service reads single users
 * app-only (`GET /users/{id}`), whose documentation lists User.Read.All as the least privileged
 * application permission (api-reference/v1.0/api/user-get.md); User.ReadBasic.All is delegated there.
 */
export const DEMO_APP: RegisteredApp = {
  appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a',
  displayName: 'Digital Services Register',
  delegated: ['User.Read', 'Team.ReadBasic.All', 'TeamMember.Read.All', 'Sites.Selected', 'User.ReadBasic.All', 'People.Read', 'Channel.ReadBasic.All', 'ChannelMessage.Send'],
  application: ['Sites.Selected', 'User.Read.All'],
};

/** A tenant administrator's tool (PnP or Graph PowerShell): grants Sites.Selected roles with Sites.FullControl.All. */
export const ADMIN_APP: RegisteredApp = {
  appId: '0d5e6f70-1a2b-4c3d-8e9f-0000000ad411',
  displayName: 'Tenant administration (emulator)',
  delegated: ['Sites.FullControl.All'],
  application: ['Sites.FullControl.All'],
};

/** Another tenant app with no consents and no grants: what a wrong app id in a deployment looks like. */
export const OTHER_APP: RegisteredApp = {
  appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000beef',
  displayName: 'Some other app (emulator)',
  delegated: ['User.Read'],
  application: [],
};

/**
 * Graph Explorer (its public client id), consented in this tenant to every permission any emulated
 * route's documentation lists (RSC excepted: that comes with an installation). The contract suite
 * replays Microsoft's examples with it, each with exactly the permission its page names.
 */
export const EXPLORER_APP: RegisteredApp = {
  appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
  displayName: 'Graph Explorer',
  delegated: [...new Set(Object.values(ROUTE_PERMISSIONS).flatMap((p) => p.delegated))],
  application: [...new Set(Object.values(ROUTE_PERMISSIONS).flatMap((p) => p.application).filter((p) => !p.endsWith('.Group')))],
};

export const REGISTERED_APPS: readonly RegisteredApp[] = [DEMO_APP, ADMIN_APP, OTHER_APP, EXPLORER_APP];

export type { BotInstallation } from './installations';
/** Where the app is installed: model/installations.ts keeps the records (uninstalls, RSC). */
export { installationsOf } from './installations';

const principals = new WeakSet<UserDoc>();

export function findApp(appId: string): RegisteredApp | undefined {
  return REGISTERED_APPS.find((app) => app.appId === appId);
}

/** The caller of an app-only token, shaped like a user so every route can name it. @throws 401 for an unknown app. */
export function appPrincipal(claims: { appid?: string }): UserDoc {
  const app = claims.appid === undefined ? undefined : findApp(claims.appid);
  if (!app) throw fail.unauthorized('The application of this token is not registered with the emulator.');
  const principal: UserDoc = {
    id: app.appId, displayName: app.displayName, givenName: '', surname: '', mail: '', userPrincipalName: '', jobTitle: null, department: null,
    companyName: null, officeLocation: null, accountEnabled: true, businessPhones: [], mobilePhone: null, preferredLanguage: null,
  };
  principals.add(principal);
  return principal;
}

export function isAppPrincipal(user: UserDoc | undefined): boolean {
  return user !== undefined && principals.has(user);
}

interface ExtraConsent {
  delegated: string[];
  application: string[];
}

/** Permissions an admin consented to `app` in this tenant beyond its registration (`POST /emulator/apps/{id}/consents`). */
function extraConsent(storage: Storage, appId: string): ExtraConsent {
  return storage.get<ExtraConsent>('meta', `consent/${appId}`) ?? { delegated: [], application: [] };
}

/** What the tenant consented to `app`: its registration's permissions plus any added by an admin. */
export function consentsOf(storage: Storage, app: RegisteredApp): { delegated: readonly string[]; application: readonly string[] } {
  const extra = extraConsent(storage, app.appId);
  return { delegated: [...new Set([...app.delegated, ...extra.delegated])], application: [...new Set([...app.application, ...extra.application])] };
}

/** An admin consents more (a tenant that grants what the app only asks for optionally), or `null` to withdraw the extras. */
export function addConsent(storage: Storage, appId: string, more: Partial<ExtraConsent> | null): void {
  if (more === null) {
    storage.delete('meta', `consent/${appId}`);
    return;
  }
  const extra = extraConsent(storage, appId);
  storage.put('meta', `consent/${appId}`, {
    delegated: [...new Set([...extra.delegated, ...(more.delegated ?? [])])],
    application: [...new Set([...extra.application, ...(more.application ?? [])])],
  } satisfies ExtraConsent);
}
