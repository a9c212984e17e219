/**
 * `notifyIncident(incidentKey, updateKey | null)`: puts an incident card (or an update in its thread)
 * into the practice channel. It tries the app's service first (HB: `POST {SERVICE_URL}/api/incidents/notify`,
 * which posts through the bot and keeps an idempotent ledger), and falls back to the person's own
 * delegated Graph post (HI's graph function) when the service is not configured or unavailable.
 * Every call goes through the pending queue (notifyQueue.ts), so a busy tenant only delays the card.
 */
import { GraphError, NetworkError } from '@graph';
import type { IncidentUpdateKind, StoredIncident } from '@domain/incidents';
import type { NotifyJob, NotifyQueue, NotifyRoute, PendingItem, PostAttempt } from './notifyQueue';

/** True when a failed request may nevertheless have been carried out (mirrors usePostDigest). */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError) return error.ambiguous;
  if (error instanceof GraphError) return error.ambiguous || (error.status >= 500 && error.status !== 501 && error.status !== 503);
  return false;
}

/** How a Graph error from the delegated post reads to the queue. */
export function attemptFromGraphError(error: unknown): PostAttempt {
  if (error instanceof GraphError && (error.status === 429 || error.status === 503) && !error.ambiguous) {
    return { kind: 'busy', retryAfterMs: error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000 };
  }
  if (outcomeUnknown(error)) return { kind: 'ambiguous', message: error instanceof Error ? error.message : String(error) };
  if (error instanceof NetworkError) return { kind: 'busy' };
  return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
}

export interface ServiceRouteOptions {
  /** The service's origin (TabConfig), or null when the build has none. */
  readonly serviceUrl: string | null;
  readonly teamId: string;
  readonly siteId: string;
  /** The signed-in person's token for the service (HB defines its audience). */
  readonly getToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

interface ServiceAnswer {
  readonly posted?: boolean;
  readonly channelName?: string;
  readonly webUrl?: string;
}

function retryAfterHeader(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The service route, or null when the build names no service. */
export function serviceRoute(options: ServiceRouteOptions): NotifyRoute | null {
  const base = options.serviceUrl?.replace(/\/$/, '') ?? '';
  if (!base) return null;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    name: 'service',
    async post(job: NotifyJob): Promise<PostAttempt> {
      let token: string;
      try {
        token = await options.getToken();
      } catch {
        // No token for the service (not consented, not configured): nothing was sent.
        return { kind: 'unavailable' };
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
      let response: Response;
      try {
        response = await doFetch(`${base}/api/incidents/notify`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ teamId: options.teamId, siteId: options.siteId, incidentKey: job.incidentKey, updateKey: job.updateKey }),
          signal: controller.signal,
        });
      } catch (error) {
        // Lost connection or timeout: the service may have posted. Its ledger makes asking again safe.
        return { kind: 'ambiguous', message: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
      if (response.ok) {
        const answer = (await response.json().catch(() => ({}))) as ServiceAnswer;
        return { kind: 'posted', channelName: answer.channelName ?? '', webUrl: answer.webUrl ?? '' };
      }
      if (response.status === 429 || response.status === 503) return { kind: 'busy', retryAfterMs: retryAfterHeader(response) };
      // The service does not offer the endpoint (older deployment) or is not set up for this team.
      if (response.status === 404 || response.status === 501 || response.status === 401 || response.status === 403) return { kind: 'unavailable' };
      if (response.status >= 500) return { kind: 'ambiguous', message: `The service answered ${response.status}.` };
      return { kind: 'refused', message: `The service refused the card (${response.status}).` };
    },
  };
}

/** The delegated Graph route: `post` is HI's function that builds the card and posts it (or its reply). */
export function graphRoute(post: (job: NotifyJob) => Promise<{ channelName: string; webUrl: string }>): NotifyRoute {
  return {
    name: 'graph',
    async post(job) {
      try {
        const posted = await post(job);
        return { kind: 'posted', ...posted };
      } catch (error) {
        return attemptFromGraphError(error);
      }
    },
  };
}

/**
 * `notifyIncident(incidentKey, updateKey | null)` over one queue: a key the incident already lists as
 * posted (its `postedKeys`) is recorded as posted and never sent again.
 */
export function createNotifyIncident(queue: NotifyQueue, incidents: () => readonly StoredIncident[]) {
  return (incidentKey: string, updateKey: string | null, kindHint?: IncidentUpdateKind): Promise<PendingItem> => {
    const incident = incidents().find((stored) => stored.incident.key === incidentKey)?.incident;
    // Just saved, the update may not be in the loaded incidents yet: the caller says what it is.
    const kind = kindHint ?? (updateKey ? incident?.updates.find((update) => update.key === updateKey)?.kind : null);
    const label = !updateKey ? 'Incident card' : kind === 'restored' ? 'Restored' : kind === 'reference' ? 'Supplier reference' : 'Update';
    const alreadyPosted = incident?.postedKeys.includes(updateKey ?? incidentKey) ?? false;
    return queue.notify(incidentKey, updateKey, label, alreadyPosted);
  };
}
