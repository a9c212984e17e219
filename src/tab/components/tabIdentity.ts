/**
 * Who the tab is, as Teams deep links name it. The digest preview, the incident card's links and the
 * tab's configuration page all use these, and they must match the service's defaults.
 */

/**
 * The Teams app id (manifest `id`) the local build uses in deep links. It must equal the service's
 * LOCAL_TEAMS_APP_ID (src/service/config.ts), which a unit test checks: the tab may not import the
 * service. A production build should take the id from the Teams host context.
 */
export const TAB_TEAMS_APP_ID = '6a0d2c1e-9b7f-4e3a-8c5d-0000000000a1';

/** The channel tab's entity id: the service's TAB_ENTITY_ID default, so its deep links (subEntityId = entry id) land here. */
export const TAB_ENTITY_ID = 'register';
