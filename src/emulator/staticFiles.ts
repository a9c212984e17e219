/**
 * Serves the built tab (dist/tab): `/` is index.html; paths never leave the static root; a missing
 * file with an extension is 404; an extension-less path (a client-side route) gets index.html.
 * Every file carries the tab's security headers (securityHeaders.ts: CSP with frame-ancestors...).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fail } from './errors';
import type { EmuResponse } from './http';
import { contentSecurityPolicyWith, TAB_SECURITY_HEADERS } from './securityHeaders';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** @param serviceOrigins the app's service, which the tab may call (added to the CSP's connect-src). */
export function staticServer(staticDir: string, serviceOrigins: readonly string[] = []): (pathname: string) => Promise<EmuResponse> {
  const root = resolve(staticDir);
  const securityHeaders = { ...TAB_SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicyWith(serviceOrigins) };
  return async (pathname) => {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      throw fail.badRequest('The request URL is not valid.');
    }
    if (relative.includes('\0')) throw fail.badRequest('The request URL is not valid.');
    const target = resolve(root, '.' + normalize('/' + relative));
    if (target !== root && !target.startsWith(root + sep)) throw fail.notFound('Not found.', 'NotFound');
    let file = target === root || relative.endsWith('/') ? join(target, 'index.html') : target;
    if (!(await isFile(file))) {
      if (extname(file) !== '') throw fail.notFound(`No file at '${pathname}'.`, 'NotFound');
      file = join(root, 'index.html');
      if (!(await isFile(file))) throw fail.notFound('The tab is not built: run `npm run build:tab`.', 'NotFound');
    }
    const isHtml = extname(file) === '.html';
    return {
      status: 200,
      headers: {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=300',
        ...securityHeaders,
      },
      body: await readFile(file),
    };
  };
}
