/**
 * App-only callers: the reminder service's identity. An app registered here gets tokens from
 * `POST /emulator/token {"appId"}`; it may act in a team only where its bot is installed (the
 * emulator's stand-in for a Sites.Selected grant on the team site plus the RSC permissions
 * TeamsActivity.Send.Group and TeamMember.Read.Group granted at install).
 *
 * Installations: the demo app is always installed in the demo practice team; more are added with
 * `POST /emulator/bot/installations` (tests, benchmarks) and kept as 'botInstall' documents.
 */
import { fail } from '../errors';
import { installationsOf } from './installations';
import type { Storage } from '../storage/types';
import type { UserDoc } from './user';

export interface RegisteredApp {
  readonly appId: string;
  readonly displayName: string;
}

/** The app the local service signs in as (the manifest's bot and webApplicationInfo id, locally). */
export const DEMO_APP: RegisteredApp = { appId: '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a', displayName: 'Digital Services Register' };
export const REGISTERED_APPS: readonly RegisteredApp[] = [DEMO_APP];

export type { BotInstallation } from './installations';

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

/** Where the app is installed: model/installations.ts keeps the records (uninstalls, RSC). */
export { installationsOf } from './installations';

/** True when `user` is an app whose bot is installed in the team. */
export function appInstalledIn(storage: Storage, user: UserDoc, teamId: string): boolean {
  return isAppPrincipal(user) && installationsOf(storage, user.id).some((install) => install.teamId === teamId);
}
