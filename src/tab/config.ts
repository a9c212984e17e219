/**
 * The tab's build-time settings, injected by webpack's DefinePlugin as `__TAB_CONFIG__` from
 * environment variables (see webpack.config.js) and validated here once, when the page starts.
 *
 * Only public values live here: the bundle is served to every browser, so no secret may ever be
 * added to this object.
 */
import { z } from 'zod';

declare const __TAB_CONFIG__: unknown;

const ORIGIN_HINT = 'an origin such as https://graph.microsoft.com (no path), or empty for this page\'s own origin';

const configSchema = z.object({
  AUTH_MODE: z.enum(['emulator', 'msal'], {
    error: (issue) => `AUTH_MODE must be "emulator" or "msal" (got ${JSON.stringify(issue.input)}).`,
  }),
  GRAPH_BASE_URL: z.string({ error: 'GRAPH_BASE_URL must be text.' }).refine(isOriginOrEmpty, {
    error: (issue) => `GRAPH_BASE_URL must be ${ORIGIN_HINT} (got ${JSON.stringify(issue.input)}).`,
  }),
});

export type AuthMode = 'emulator' | 'msal';

export interface TabConfig {
  readonly authMode: AuthMode;
  /** Where Graph lives, without `/v1.0`; resolved to the page's origin when the setting is empty. */
  readonly graphBaseUrl: string;
}

/** One message that lists every bad setting, so a broken build is fixed in one pass. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The tab's build settings are not valid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isOriginOrEmpty(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/**
 * @param raw the injected settings (defaults to the build's `__TAB_CONFIG__`).
 * @param pageOrigin the origin that an empty GRAPH_BASE_URL stands for.
 * @throws ConfigError listing every invalid or missing value.
 */
export function loadConfig(raw: unknown = readInjected(), pageOrigin: string = window.location.origin): TabConfig {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const base = parsed.data.GRAPH_BASE_URL.replace(/\/$/, '');
  return { authMode: parsed.data.AUTH_MODE, graphBaseUrl: base === '' ? pageOrigin : base };
}

function readInjected(): unknown {
  return typeof __TAB_CONFIG__ === 'undefined' ? undefined : __TAB_CONFIG__;
}
