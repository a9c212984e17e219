/**
 * Which delegated Microsoft Graph permissions the tab asks for, per feature (incremental consent:
 * a feature's scopes are asked for the first time that feature needs a token, never up front).
 * docs/permissions.md explains each one for the NHSmail application assessment; keep them in step.
 *
 * In NHSmail users cannot consent for themselves: a tenant admin consents to every scope below once,
 * for everyone. Incremental consent still matters elsewhere, and keeps each token's scopes minimal.
 */

export { FEATURE_SCOPES, type Feature } from '@graph/client';
import { FEATURE_SCOPES, type Feature } from '@graph/client';

/** What the Graph client's default `.default` request stands for in the tab: the register's scopes. */
export const DEFAULT_FEATURE: Feature = 'register';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

/**
 * Maps the scopes a Graph client asks for to the scopes MSAL requests: the Graph client's generic
 * `.default` becomes the register's explicit list (so consent never silently covers every scope the
 * app registration lists); explicit scopes pass through.
 */
export function resolveScopes(requested: readonly string[]): string[] {
  const scopes = requested.length === 0 || requested.includes(GRAPH_DEFAULT) ? [...FEATURE_SCOPES[DEFAULT_FEATURE]] : [...requested];
  return [...new Set(scopes)];
}

/** Every delegated scope the tab may ask for (the app registration's API permissions). */
export function allDelegatedScopes(): string[] {
  return [...new Set(Object.values(FEATURE_SCOPES).flat())].sort();
}
