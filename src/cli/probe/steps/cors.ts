/**
 * CORS as the tab meets it: the preflight for its writes, the headers a page may read (from
 * `Access-Control-Expose-Headers`, and from a real browser page where Chromium is available).
 */
import { readableFromBrowser } from '../browserCors';
import type { ProbeStep } from '../step';
import { TAB_SCOPES } from '../tokens';
import { itemPath } from './items';

/** Any origin other than Graph's: what matters is that the request is cross-origin, as the tab's is. */
const PROBE_ORIGIN = 'https://dsr-probe.invalid';
const TAB_REQUEST_HEADERS = ['authorization', 'content-type', 'if-match', 'consistencylevel', 'prefer'];

function names(value: string | undefined): string[] {
  return (value ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean).sort();
}

export const cors: ProbeStep = {
  id: 'cors',
  title: 'CORS: the tab may call Graph from its page, and which headers it can read',
  required: true,
  writes: false,
  needs: ['sign-in-user'],
  advice: () => 'The tab cannot call Graph from the browser on this tenant. Send us probe-facts.json.',
  async run(ctx) {
    // An entry of the scratch list where there is one (its answer carries an ETag header), else /me.
    const item = ctx.state.item && ctx.state.listId ? `${itemPath(ctx, ctx.state.item.id)}?expand=fields(select=Title)` : '/me';
    const url = `${ctx.config.graphBaseUrl}/v1.0${item}`;
    const token = await ctx.userTokens.getToken(TAB_SCOPES);
    const preflight = await ctx.recorder.fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: PROBE_ORIGIN, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': TAB_REQUEST_HEADERS.join(',') },
    });
    await preflight.arrayBuffer();
    const allowed = names(preflight.headers.get('access-control-allow-headers') ?? undefined);
    const methods = names(preflight.headers.get('access-control-allow-methods') ?? undefined);
    const refusedHeaders = allowed.includes('*') ? [] : TAB_REQUEST_HEADERS.filter((header) => !allowed.includes(header));
    const refusedMethods = methods.includes('*') ? [] : ['patch', 'delete'].filter((method) => !methods.includes(method));
    const response = await ctx.recorder.fetch(url, { headers: { Authorization: `Bearer ${token}`, Origin: PROBE_ORIGIN } });
    await response.arrayBuffer();
    const allowOrigin = response.headers.get('access-control-allow-origin');
    const exposed = names(response.headers.get('access-control-expose-headers') ?? undefined);
    ctx.facts.cors.allowOrigin = allowOrigin;
    ctx.facts.cors.exposedHeaders = exposed;
    ctx.facts.cors.retryAfterExposed = exposed.includes('retry-after') || exposed.includes('*');
    let browserNote = 'browser not run (--no-browser)';
    if (ctx.config.browser) {
      const seen = await readableFromBrowser(url, token);
      if (typeof seen === 'string') browserNote = `browser not measured: ${seen}`;
      else {
        const all: string[] = [];
        response.headers.forEach((_value, name) => all.push(name.toLowerCase()));
        ctx.facts.cors.browserReadable = seen.readable;
        ctx.facts.cors.browserHidden = all.filter((name) => !seen.readable.includes(name)).sort();
        browserNote = `a page could read ${seen.readable.join(', ')}`;
      }
    }
    const problems = [
      allowOrigin === null ? 'no Access-Control-Allow-Origin' : '',
      preflight.ok ? '' : `preflight answered ${preflight.status}`,
      refusedHeaders.length ? `preflight does not allow ${refusedHeaders.join(', ')}` : '',
      refusedMethods.length ? `preflight does not allow ${refusedMethods.join(', ').toUpperCase()}` : '',
    ].filter(Boolean);
    const retryAfter = ctx.facts.cors.retryAfterExposed
      ? 'Retry-After is readable'
      : 'Retry-After is hidden from pages (the tab waits by its own policy when throttled)';
    return { ok: problems.length === 0, detail: `${problems.length ? `${problems.join('; ')}; ` : ''}${retryAfter}; exposed: ${exposed.join(', ') || '(none)'}; ${browserNote}` };
  },
};
