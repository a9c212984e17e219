/**
 * Which response headers a web page can read from Graph: the tab runs in a browser, where CORS hides
 * every header Graph does not list in `Access-Control-Expose-Headers` (Retry-After among them, per
 * microsoft-graph-docs-contrib issue #2011). A blank page is served from a local port (another origin
 * than Graph), opened in Chromium through playwright-core, and asked to fetch one Graph URL.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrowserHeaders {
  readonly status: number;
  /** Header names the page could read, lower-case, sorted. */
  readonly readable: string[];
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.CHROME_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/**
 * @returns what the page could read, or a reason it could not be measured (no Chromium, no playwright-core).
 */
export async function readableFromBrowser(url: string, token: string): Promise<BrowserHeaders | string> {
  const executablePath = chromiumPath();
  if (!executablePath) return 'no Chromium found (set CHROME_PATH, or apt-get install chromium)';
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm install with dev dependencies)';
  }
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>Digital Services Register probe</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await playwright.chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const result = await page.evaluate(
      async ({ target, bearer }) => {
        try {
          const response = await fetch(target, { headers: { Authorization: `Bearer ${bearer}` } });
          return { status: response.status, names: [...response.headers.keys()] };
        } catch (error) {
          return { status: 0, names: [], error: String(error) };
        }
      },
      { target: url, bearer: token },
    );
    if ('error' in result && result.error) return `the page's request failed (${result.error}): CORS refused it`;
    return { status: result.status, readable: result.names.map((name) => name.toLowerCase()).sort() };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
