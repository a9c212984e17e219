/** Chooses the sign-in for the build's AUTH_MODE and the host the tab runs in. */
import type { TabConfig } from '../buildSettings';
import type { Host } from '../teams/detectHost';
import { createEmulatorSignIn } from './emulatorSignIn';
import { createMsalSignIn, type MsalSignInOptions } from './msalSignIn';
import type { SignIn } from './types';

/**
 * - AUTH_MODE "emulator": the local demo sign-in.
 * - AUTH_MODE "msal" in Teams when the host recommends NAA: Nested App Authentication.
 * - AUTH_MODE "msal" in Teams without NAA: the standard client, by popup (no sign-in page in an iframe).
 * - AUTH_MODE "msal" in a plain browser: the standard client, by redirect.
 * @throws Error when AUTH_MODE is "msal" without MSAL settings (loadConfig never returns that).
 */
export function createSignIn(config: TabConfig, host: Host = { kind: 'browser' }, origin: string = window.location.origin): SignIn {
  if (config.authMode === 'emulator') return createEmulatorSignIn(config.graphBaseUrl);
  if (!config.msal) throw new Error('AUTH_MODE "msal" needs MSAL_CLIENT_ID (and optionally MSAL_AUTHORITY).');
  return createMsalSignIn({ settings: config.msal, redirectUri: origin, ...msalPlan(host) });
}

/** Which MSAL client and interaction suit the host (exported for tests). */
export function msalPlan(host: Host): Pick<MsalSignInOptions, 'flavour' | 'interaction' | 'hints'> {
  if (host.kind !== 'teams') return { flavour: 'standard', interaction: 'redirect' };
  return {
    flavour: host.naaRecommended ? 'nested' : 'standard',
    interaction: 'popup',
    hints: { loginHint: host.loginHint, tenantId: host.tenantId, userObjectId: host.userId },
  };
}
