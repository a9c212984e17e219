/**
 * Route table matching: `/v1.0/sites/:siteId/lists` patterns, path segments URL-decoded (site ids
 * contain commas, channel ids `19:...@thread.tacv2`). The most literal pattern wins, so
 * `items/delta` beats `items/:itemId`. Unknown path -> 400 BadRequest; known path, wrong method -> 405.
 */
import type { TokenClaims } from './auth';
import { fail, GraphHttpError } from './errors';
import type { EmuRequest, EmuResponse } from './http';
import type { EmulatorState } from './model/state';
import type { UserDoc } from './model/user';
import type { QueryOptions } from './odata/query';

export interface RouteContext {
  readonly req: EmuRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryOptions;
  /** The signed-in user (Graph routes); undefined on `/emulator/...` routes. */
  readonly user: UserDoc;
  readonly state: EmulatorState;
  /** The caller's token claims (Graph routes; undefined on `/emulator/...` routes). */
  readonly token?: TokenClaims;
  /** Runs another request through the whole pipeline (for `$batch`). */
  readonly dispatch: (req: EmuRequest) => Promise<EmuResponse>;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** e.g. `/v1.0/sites/:siteId/lists/:listId`. */
  readonly path: string;
  /** Query options this route implements, without `$`, lower-case. Anything else is a 400. */
  readonly query?: readonly string[];
  readonly handler: (ctx: RouteContext) => EmuResponse | Promise<EmuResponse>;
}

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
  readonly literals: number;
}

export class Router {
  private readonly routes: Compiled[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => {
      const segments = route.path.split('/').filter(Boolean);
      return { route, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
    });
  }

  /** @throws GraphHttpError 400 (no such resource) or 405 (method not allowed). */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } {
    const parts = pathname.split('/').filter(Boolean);
    let decoded: string[];
    try {
      decoded = parts.map((part) => decodeURIComponent(part));
    } catch {
      throw fail.badRequest('The request URL is not valid.');
    }
    const candidates: { compiled: Compiled; params: Record<string, string> }[] = [];
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, decoded);
      if (params) candidates.push({ compiled, params });
    }
    if (candidates.length === 0) throw fail.badRequest(`Resource not found for the segment '${unknownSegment(this.routes, decoded)}'.`);
    const best = Math.max(...candidates.map((c) => c.compiled.literals));
    const sameShape = candidates.filter((c) => c.compiled.literals === best);
    const found = sameShape.find((c) => c.compiled.route.method === method.toUpperCase());
    if (!found) throw new GraphHttpError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    return { route: found.compiled.route, params: found.params };
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = parts[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  return params;
}

/** The first segment no route pattern accepts at its position, for Graph's "Resource not found for the segment" message. */
function unknownSegment(routes: readonly Compiled[], parts: readonly string[]): string {
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1);
    const known = routes.some((r) => r.segments.length > i && matchSegments(r.segments.slice(0, i + 1), prefix));
    if (!known) return parts[i] as string;
  }
  return parts[parts.length - 1] ?? '';
}
