/**
 * The incident endpoint's settings from the service's own: used by `npm run reminders -- --serve`
 * (main.ts) and by `npm start` (src/dev/start.ts), so both serve the same route the same way.
 *
 * - Tokens are checked against Entra's keys for the app's tenant (emulator mode: the emulator's
 *   published keys), audience the app id or `api://{tab host}/{app id}`.
 * - Graph: the same client, token source and pacing as the reminder run (Sites.Selected, app-only).
 * - CORS: the tab's origin; in emulator mode both loopback spellings of it.
 */
import type { GraphClient, TokenSource } from '@graph';
import type { InstallationStore } from '../store/installations';
import type { ServiceTables } from '../store/tables';
import { CardLedger } from './cardLedger';
import type { IncidentRouteOptions } from './httpRoute';
import { entraOpenIdMetadataUrl, userTokenValidator } from './userToken';

export interface IncidentWiring {
  readonly appId: string;
  readonly tenantId: string;
  /** The tab's origin (config TAB_ORIGIN). */
  readonly tabOrigin: string;
  /** The emulator's origin in emulator mode; null in production. */
  readonly emulatorOrigin: string | null;
  readonly teamsAppId: string;
  readonly tabEntityId: string;
  readonly tokenSource: TokenSource;
  readonly graph: GraphClient;
  readonly installations: InstallationStore;
  readonly tables: ServiceTables;
  readonly log: (line: string) => void;
}

function loopbackTwins(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return [url.origin];
  return [`${url.protocol}//localhost:${url.port}`, `${url.protocol}//127.0.0.1:${url.port}`].map((o) => o.replace(/:$/, ''));
}

export function incidentRoute(w: IncidentWiring): IncidentRouteOptions {
  const tab = new URL(w.tabOrigin);
  const openIdMetadataUrl = w.emulatorOrigin === null ? entraOpenIdMetadataUrl(w.tenantId) : `${w.emulatorOrigin}/emulator/login/${encodeURIComponent(w.tenantId)}/v2.0/.well-known/openid-configuration`;
  return {
    allowedOrigins: w.emulatorOrigin === null ? [tab.origin] : loopbackTwins(tab.origin),
    validateUser: userTokenValidator({ tenantId: w.tenantId, appId: w.appId, appIdUri: `api://${tab.host}/${w.appId}`, openIdMetadataUrl }),
    deps: {
      installations: w.installations, ledger: new CardLedger(w.tables.ledger), graph: w.graph, teamsAppId: w.teamsAppId, tabEntityId: w.tabEntityId,
      now: () => new Date(), log: w.log,
      bot: { tokenSource: w.tokenSource, botAppId: w.appId, emulatorOrigin: w.emulatorOrigin, onRetryWait: (wait) => w.log(`incidents: Bot Connector throttled, waiting ${Math.ceil(wait.waitMs / 1000)} s as asked`) },
    },
  };
}
