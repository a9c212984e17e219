/**
 * Reading and changing the request a middleware is handling. `GraphRequest` always passes the URL as
 * a string and headers as a plain object, but `Headers` instances are handled too.
 */
import type { Context } from '@microsoft/microsoft-graph-client';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function methodOf(context: Context): string {
  const request = context.request;
  const method = context.options?.method ?? (typeof request === 'string' ? undefined : request.method);
  return (method ?? 'GET').toUpperCase();
}

export function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function headerOf(context: Context, name: string): string | undefined {
  const headers = context.options?.headers;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  const wanted = name.toLowerCase();
  return entries.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

export function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
    return;
  }
  const record: Record<string, string> = Array.isArray(headers) ? Object.fromEntries(headers) : { ...(headers ?? {}) };
  for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
  record[name] = value;
  options.headers = record;
}

/** A `POST /$batch` whose inner requests are all GETs changes nothing and may be sent again. */
export function isReadOnlyBatch(context: Context): boolean {
  if (methodOf(context) !== 'POST' || !/\/\$batch(\?|$)/.test(urlOf(context))) return false;
  const body = context.options?.body;
  if (typeof body !== 'string') return false;
  try {
    const parsed = JSON.parse(body) as { requests?: Array<{ method?: string }> };
    return Array.isArray(parsed.requests) && parsed.requests.every((inner) => (inner.method ?? 'GET').toUpperCase() === 'GET');
  } catch {
    return false;
  }
}

/** True when sending the request can change something in Graph. */
export function isWrite(context: Context): boolean {
  return !READ_METHODS.has(methodOf(context)) && !isReadOnlyBatch(context);
}

/** Lets the retry middleware tell the error mapper that an earlier attempt's outcome is unknown. */
const outcomeUnknown = new WeakSet<Context>();

export function markOutcomeUnknown(context: Context): void {
  outcomeUnknown.add(context);
}

export function isOutcomeUnknown(context: Context): boolean {
  return outcomeUnknown.has(context);
}

/** Frees the connection of a response we are not going to read. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}
