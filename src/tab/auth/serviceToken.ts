/**
 * The token the tab sends to the app's own service (`POST {SERVICE_URL}/api/incidents/notify`): the
 * Teams tab SSO pattern (msteams-docs tabs/how-to/authentication/tab-sso-register-aad.md, "To expose
 * an API"; tab-sso-code.md): a delegated token for the app's API, scope
 * `api://{tab host}/{client id}/access_as_user`, which the service validates itself.
 *
 * It comes from the same sign-in as the Graph tokens (MSAL with Nested App Authentication in Teams,
 * MSAL redirect in a browser, the emulator's sign-in locally), asked for on its own: one resource per
 * token, as Entra issues them, so the Graph token never reaches the service and this token never
 * reaches Graph.
 */
import type { TokenSource } from '@graph';
import type { TabConfig } from '../buildSettings';

/** @returns a getter for the service's token, or null when the build names no service. */
export function serviceTokenGetter(tokenSource: TokenSource, config: Pick<TabConfig, 'serviceUrl' | 'serviceScope'>): (() => Promise<string>) | null {
  const scope = config.serviceScope;
  if (config.serviceUrl === null || scope === null) return null;
  return () => tokenSource.getToken([scope]);
}

/** True for a scope of the app's own API rather than Microsoft Graph. */
export function isOwnApiScope(scope: string): boolean {
  return scope.startsWith('api://');
}
