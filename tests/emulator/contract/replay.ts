/**
 * Replays Microsoft Graph documentation examples (examples/*.json) against a seeded emulator over
 * HTTP and reports, per example, every way the emulator's answer differs from the documented one:
 * status, the headers that matter, and the JSON shape (shape.ts).
 *
 * Each example carries the permission its page lists as least privileged; the replayer mints a
 * token with exactly that (delegated: `scp`; application: the app's consented `roles`) through
 * `POST /emulator/token`, so a route that demands more than its page documents fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appTokenFor, DEMO, tokenFor } from '../../support/emulator';
import { shapeDiff } from './shape';
import { CONTRACT_APP_ID, mapIds, type Tenant } from './tenant';

export interface DocExample {
  /** The documentation page, e.g. `api-reference/v1.0/api/listitem-list.md`. */
  readonly doc: string;
  /** The example's name on the page (its `blockType: request` name, or its heading). */
  readonly name: string;
  /** Least-privileged permission from the page's table: delegated scopes, or app-only; `none` sends no token. */
  readonly grant:
    | { readonly delegated: readonly string[]; readonly as?: 'manager' | 'staff' | 'outsider' }
    | { readonly application: readonly string[]; readonly rsc?: boolean }
    | { readonly none: true };
  readonly request: { readonly method: string; readonly path: string; readonly headers?: Readonly<Record<string, string>>; readonly body?: unknown };
  readonly response: {
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    /** Absent: the page documents no body (204, or a request-only example). */
    readonly body?: unknown;
    /** False only where the page presents the response as complete. Default true. */
    readonly truncated?: boolean;
    /** The page says what comes back without showing it, e.g. "returns this user": `value` must be non-empty. */
    readonly returnsSome?: boolean;
  };
  /** Per-example id map additions (documentation string -> tenant name). */
  readonly ids?: Readonly<Record<string, string>>;
  /** Literal substitutions in the request where the docs' sample data cannot exist here, with `why`. */
  readonly literals?: Readonly<Record<string, string>>;
  /** Dotted paths (`error.code`) whose documented VALUE must come back exactly, not just its type. */
  readonly exact?: readonly string[];
  /** JSON paths (`$.value[].mailNickname`) the documentation shows wrongly, with `why`. */
  readonly ignore?: readonly string[];
  readonly why?: string;
  /** Why the emulator cannot answer this example as documented; the replay must then FAIL, with `failsWith`. */
  readonly knownDifference?: string;
  readonly failsWith?: { readonly status: number };
}

export interface ExampleFamily {
  readonly family: string;
  readonly note?: string;
  readonly examples: readonly DocExample[];
}

const EXAMPLES_DIR = join(__dirname, 'examples');

/** Every fixture file, in file-name order (each file's examples run in their written order). */
export function loadFamilies(): ExampleFamily[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleFamily);
}

interface RegisteredApp {
  readonly appId: string;
  readonly delegated?: readonly string[];
  readonly application?: readonly string[];
}

/** The emulator's app registry (`GET /emulator/apps`); empty when the emulator has none to show. */
async function registeredApps(url: string): Promise<RegisteredApp[]> {
  const response = await fetch(`${url}/emulator/apps`);
  if (!response.ok) return [];
  const body = (await response.json()) as { value?: RegisteredApp[] } | RegisteredApp[];
  return Array.isArray(body) ? body : (body.value ?? []);
}

/** The register's own app when it is consented to every permission wanted, else another registered app that is. */
function appFor(apps: readonly RegisteredApp[], wanted: readonly string[], kind: 'delegated' | 'application'): string {
  if (apps.length === 0) return CONTRACT_APP_ID;
  const fits = (app: RegisteredApp) => wanted.every((permission) => (app[kind] ?? []).includes(permission));
  const app = apps.find((a) => a.appId === CONTRACT_APP_ID && fits(a)) ?? apps.find(fits);
  if (!app) throw new Error(`No app registered with the emulator is consented to ${kind} ${wanted.join(', ')}, the least-privileged permission the page lists (GET /emulator/apps).`);
  return app.appId;
}

/**
 * A token carrying exactly the page's permission: delegated scopes for a practice user, or an
 * app-only token whose `roles` include the page's application permission (`rsc`: a resource-specific
 * permission, held by the register's app where it is installed). `none` sends no token. The
 * register's own app is used when it is consented to the permission; otherwise another registered
 * app that is (Graph Explorer, consented to every documented permission of the emulated routes).
 */
export async function mintToken(url: string, grant: DocExample['grant']): Promise<string | undefined> {
  if ('none' in grant) return undefined;
  const apps = await registeredApps(url);
  if ('application' in grant) return appTokenFor(url, grant.rsc ? CONTRACT_APP_ID : appFor(apps, grant.application, 'application'));
  const upn = DEMO[grant.as ?? 'manager'].upn;
  const appId = appFor(apps, grant.delegated, 'delegated');
  if (appId === CONTRACT_APP_ID) return tokenFor(url, upn, undefined, grant.delegated);
  // tests/support's tokenFor signs in to the register's app only; another client names its app id.
  const body = { upn, scopes: grant.delegated, appId };
  const response = await fetch(`${url}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { access_token?: string };
  if (!response.ok || !answer.access_token) throw new Error(`No token for ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(answer)}`);
  return answer.access_token;
}

/** The documented URL as a path on the emulator: host dropped, `/v1.0` added, query values encoded. */
export function emulatorPath(documented: string): string {
  let path = documented.replace(/^https:\/\/graph\.microsoft\.com/i, '');
  if (!/^\/v1\.0(\/|$)/i.test(path)) path = `/v1.0${path.startsWith('/') ? '' : '/'}${path}`;
  const at = path.indexOf('?');
  if (at < 0) return path;
  const query = path
    .slice(at + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      return `${part.slice(0, eq)}=${encodeURIComponent(safeDecode(part.slice(eq + 1)))}`;
    })
    .join('&');
  return `${path.slice(0, at)}?${query}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface Replayed {
  readonly status: number;
  readonly body: unknown;
  /** Every difference from the documented response; empty when the example passes. */
  readonly problems: string[];
}

function substitute(text: string, example: DocExample, tenant: Tenant): string {
  let out = mapIds(text, tenant, example.ids);
  for (const [from, to] of Object.entries(example.literals ?? {})) out = out.split(from).join(to);
  return out;
}

/** Sends one documented request and compares the answer with the documented response. */
export async function replay(url: string, example: DocExample, tenant: Tenant): Promise<Replayed> {
  const token = await mintToken(url, example.grant);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(example.request.headers ?? {})) headers[name] = substitute(value, example, tenant);
  if (token) headers.Authorization = `Bearer ${token}`;
  const body = example.request.body === undefined ? undefined : substitute(JSON.stringify(example.request.body), example, tenant);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const path = emulatorPath(substitute(example.request.path, example, tenant));
  const response = await fetch(`${url}${path}`, { method: example.request.method, headers, body });
  const text = await response.text();
  let actual: unknown = text;
  try {
    actual = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (e.g. text/plain from /$count): compared as text.
  }
  const documented = example.response;
  const problems: string[] = [];
  if (response.status !== documented.status) problems.push(`status: documented ${documented.status}, emulator sent ${response.status} ${preview(actual)}`);
  for (const [name, value] of Object.entries(documented.headers ?? {})) {
    const got = response.headers.get(name);
    if (name.toLowerCase() === 'content-length') continue;
    if (got === null) problems.push(`header ${name}: documented '${value}', missing`);
    else if (name.toLowerCase() === 'content-type' && mediaType(got) !== mediaType(value)) problems.push(`header ${name}: documented '${value}', emulator sent '${got}'`);
  }
  if (documented.status === 204 && text !== '') problems.push(`body: documented none (204), emulator sent ${preview(actual)}`);
  if (documented.body !== undefined)
    problems.push(...shapeDiff(documented.body, actual, { truncated: documented.truncated ?? true, ignore: (example.ignore ?? []).map((p) => p.replace(/^\$?\.?/, '$.')) }));
  for (const path of example.exact ?? []) {
    const want = valueAt(documented.body, path);
    const got = valueAt(actual, path);
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`${path}: documented exactly ${preview(want)}, emulator sent ${preview(got)}`);
  }
  if (documented.returnsSome) {
    const value = (actual as { value?: unknown } | undefined)?.value;
    if (!Array.isArray(value) || value.length === 0) problems.push(`value: the page says results come back, emulator sent ${preview(actual)}`);
  }
  return { status: response.status, body: actual, problems };
}

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

function mediaType(value: string): string {
  return value.split(';')[0]?.trim().toLowerCase() ?? '';
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** A readable failure message for one example. */
export function describeFailure(example: DocExample, replayed: Replayed): string {
  return [
    `${example.doc} — "${example.name}": ${example.request.method} ${example.request.path}`,
    ...replayed.problems.map((line) => `  - ${line}`),
  ].join('\n');
}
