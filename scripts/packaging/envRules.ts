/**
 * What each manifest value must look like, checked before the schema so the message names the env
 * value to fix (the schema would only name a JSON path such as /developer/websiteUrl).
 * Values with no rule here must merely be present and non-empty.
 */
import type { EnvValues } from './envFile';

type Rule = (value: string, all: EnvValues) => string | null;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
/** A host name (letters, digits, hyphens, dots) with an optional port: no scheme, path or wildcard. */
const DOMAIN = /^(?=.{1,253}(:|$))[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?$/;

const guid: Rule = (v) => (GUID.test(v) ? null : `must be a GUID like 00000000-0000-0000-0000-000000000000, got "${v}"`);

const tabDomain: Rule = (v) => {
  if (v.includes('*')) return `must not contain a wildcard, got "${v}"`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return `must be a host name without a scheme (no https://), got "${v}"`;
  if (/[/?#]/.test(v)) return `must be a host name without a path, query or fragment, got "${v}"`;
  return DOMAIN.test(v) ? null : `must be a host name with an optional port (e.g. register.example.nhs.uk), got "${v}"`;
};

const tabEndpoint: Rule = (v, all) => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `must be an https URL, got "${v}"`;
  }
  if (url.protocol !== 'https:') return `must use https (Teams loads tabs only over https), got "${v}"`;
  if (v.includes('*')) return `must not contain a wildcard, got "${v}"`;
  if (v.endsWith('/') || url.search !== '' || url.hash !== '') {
    return `must not end with "/" or carry a query or fragment (paths are appended to it), got "${v}"`;
  }
  const domain = all.get('TAB_DOMAIN');
  if (domain && url.host.toLowerCase() !== domain.toLowerCase()) {
    return `host "${url.host}" must equal TAB_DOMAIN "${domain}" (Teams only loads pages from validDomains)`;
  }
  return null;
};

export const ENV_RULES: Readonly<Record<string, Rule>> = {
  TEAMS_APP_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  BOT_ID: guid,
  APP_VERSION: (v) => (SEMVER.test(v) ? null : `must be a version like 1.0.0 (major.minor.patch), got "${v}"`),
  DEVELOPER_NAME: (v) => (v.length <= 32 ? null : `must be at most 32 characters (the schema's limit), got ${v.length}`),
  TAB_DOMAIN: tabDomain,
  TAB_ENDPOINT: tabEndpoint,
};

/**
 * Checks the values the manifest uses.
 * @returns one message per missing or malformed value, each starting with the value's name.
 */
export function checkEnvValues(names: readonly string[], values: EnvValues, envName: string): string[] {
  const problems: string[] = [];
  for (const name of [...names].sort()) {
    const value = values.get(name);
    if (value === undefined || value === '') {
      problems.push(`${name} is missing: set it in teams-app/env/.env.${envName} (or .env.${envName}.user if it is a secret)`);
      continue;
    }
    const wrong = ENV_RULES[name]?.(value, values);
    if (wrong) problems.push(`${name} ${wrong}`);
  }
  return problems;
}
