/** A tiny fetch wrapper for the emulator contract tests. */
export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(url: string, token: string | undefined, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path.startsWith('http') ? path : `${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Asserts Graph's error shape and returns the error code. */
export function graphError(answer: Answer): string {
  const error = answer.body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') throw new Error(`Not a Graph error: ${JSON.stringify(answer.body)}`);
  if (!error.innerError?.['request-id'] || !error.innerError?.date) throw new Error(`No innerError: ${JSON.stringify(answer.body)}`);
  if (answer.headers.get('request-id') !== error.innerError['request-id']) throw new Error('request-id header differs from the body');
  return error.code;
}
