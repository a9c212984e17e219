/** The register app's Sites.Selected grant on a seeded site, as a tenant admin gives it. */
import { DEMO_APP } from '../model/appPrincipal';
import { grantsOf, putGrant } from '../model/sitePermissions';
import type { EmulatorState } from '../model/state';

/**
 * What a tenant admin does for the register (docs/deployment.md): grant the app `owner` on the
 * practice site under Sites.Selected (`POST /sites/{id}/permissions {"roles":["owner"]}`, PnP's
 * "Manage"). `write` would not do: the tab's first run and the service create lists, which needs
 * more than write (model/sitePermissions.ts). Also run on a store seeded before grants existed.
 */
export function grantDemoApp(state: EmulatorState, siteId: string, grantId: string): void {
  if (grantsOf(state.storage, siteId).some((grant) => grant.application.id === DEMO_APP.appId)) return;
  putGrant(state.storage, { id: grantId, siteId, roles: ['owner'], application: { id: DEMO_APP.appId, displayName: DEMO_APP.displayName } });
}
