/**
 * One "wave" of independent GETs: sent as `POST /$batch` requests of at most 20 each, all posted at
 * once, so the wave costs one round trip however many batches it takes (concepts/json-batching.md:
 * at most 20 requests a batch; answers in any order, so they are matched by id, never by position).
 *
 * Each request's answer is its own promise, so one slow or throttled request never holds the others:
 * an inner 429/503 is sent once more on its own after its own `Retry-After` (inner responses carry it;
 * throttleWaitMs otherwise), as graph/register startup.ts batchGet does; a second 429/503 is the answer.
 */
import { GraphError, batchSlices, NO_RETRY, THROTTLED_STATUSES, baseUrlOf, innerRetryAfter, throttleWaitMs, waitBeforeRetry, type BatchInnerAnswer, type GraphClient } from '../client';

export interface WaveRequest {
  /** Unique within the wave. */
  readonly id: string;
  /** Relative to the version root, e.g. `/sites/{id}/lists`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type WaveAnswer = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly status: number; readonly message: string };

export interface Wave {
  /** Every answer the batches themselves gave, once all were posted and answered; undefined for a request being retried. */
  readonly direct: Promise<ReadonlyMap<string, WaveAnswer | undefined>>;
  /** The request's final answer (after its one retry when throttled). Never rejects. */
  answer(id: string): Promise<WaveAnswer>;
}


function messageOf(body: unknown, status: number): string {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : `Graph answered ${status}.`;
}

/** A thrown Graph layer error as an answer: its status, or 0 when there was no answer at all. */
export function failureOf(error: unknown): WaveAnswer {
  if (error instanceof GraphError) return { ok: false, status: error.status, message: error.message };
  return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
}

function answerOf(inner: BatchInnerAnswer | undefined): WaveAnswer {
  if (inner === undefined) return { ok: false, status: 0, message: 'Graph left the request out of the batch answer.' };
  const status = inner.status ?? 0;
  return status >= 200 && status < 300 ? { ok: true, body: inner.body } : { ok: false, status, message: messageOf(inner.body, status) };
}

async function postBatch(client: GraphClient, requests: readonly WaveRequest[]): Promise<ReadonlyMap<string, BatchInnerAnswer> | WaveAnswer> {
  try {
    const body = { requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url, ...(r.headers ? { headers: r.headers } : {}) })) };
    const answer = (await client.api('/$batch').post(body)) as { responses?: BatchInnerAnswer[] } | undefined;
    return new Map((answer?.responses ?? []).flatMap((inner) => (inner.id === undefined ? [] : [[inner.id, inner] as const])));
  } catch (error) {
    // The whole batch failed (after the client's own retries): each of its requests answers so.
    return failureOf(error);
  }
}

async function retryOnce(client: GraphClient, request: WaveRequest, inner: BatchInnerAnswer): Promise<WaveAnswer> {
  const status = inner.status ?? 0;
  await waitBeforeRetry(client, { status, waitMs: throttleWaitMs(innerRetryAfter(inner), 1, Date.now()), attempt: 1 });
  try {
    const body: unknown = await client.api(request.url).headers({ ...request.headers }).middlewareOptions([NO_RETRY]).get();
    return { ok: true, body };
  } catch (error) {
    return failureOf(error);
  }
}

/** Posts every request of the wave at once, in batches of at most BATCH_LIMIT. */
export function sendWave(client: GraphClient, requests: readonly WaveRequest[]): Wave {
  const posted: Promise<ReadonlyMap<string, BatchInnerAnswer> | WaveAnswer>[] = [];
  const chunkOf = new Map<string, number>();
  for (const chunk of batchSlices(requests)) {
    for (const request of chunk) chunkOf.set(request.id, posted.length);
    posted.push(postBatch(client, chunk));
  }
  const innerOf = async (id: string): Promise<BatchInnerAnswer | WaveAnswer> => {
    const result = await (posted[chunkOf.get(id) ?? -1] ?? Promise.resolve(failureOf(new Error(`No request ${id} in this wave.`))));
    return result instanceof Map ? (result.get(id) ?? answerOf(undefined)) : (result as WaveAnswer);
  };
  const isWaveAnswer = (value: BatchInnerAnswer | WaveAnswer): value is WaveAnswer => 'ok' in value;
  const finals = new Map<string, Promise<WaveAnswer>>();
  for (const request of requests)
    finals.set(
      request.id,
      innerOf(request.id).then((inner) => {
        if (isWaveAnswer(inner)) return inner;
        return THROTTLED_STATUSES.has(inner.status ?? 0) ? retryOnce(client, request, inner) : answerOf(inner);
      }),
    );
  const direct = Promise.all(
    requests.map(async (request) => {
      const inner = await innerOf(request.id);
      const first = isWaveAnswer(inner) ? inner : THROTTLED_STATUSES.has(inner.status ?? 0) ? undefined : answerOf(inner);
      return [request.id, first] as const;
    }),
  ).then((entries) => new Map(entries));
  return {
    direct,
    answer: (id) => finals.get(id) ?? Promise.resolve(failureOf(new Error(`No request ${id} in this wave.`))),
  };
}

/**
 * `link` (an absolute nextLink or deltaLink Graph gave this client) as a batch request's relative URL,
 * or null for a link on another origin or version: such a link is never sent (the token stays home).
 */
export function batchUrlOf(client: GraphClient, link: string): string | null {
  const prefix = `${baseUrlOf(client)}/v1.0/`;
  return link.startsWith(prefix) ? `/${link.slice(prefix.length)}` : null;
}
