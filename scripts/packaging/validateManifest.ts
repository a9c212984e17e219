/**
 * Offline validation of a finished (substituted) manifest: the official JSON schema bundled in
 * `@microsoft/app-manifest` for the manifest's own `manifestVersion`, plus the Teams rules that the
 * schema does not express but the Developer Portal and Teams enforce (no wildcard domains, every tab
 * page on a valid domain, icons beside the manifest).
 *
 * The schema is read from the package's files (never fetched), and run with the package's own
 * validator settings (see schemaValidator.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateAgainstSchema } from './schemaValidator';

/** The fields of the manifest these checks read; the schema checks everything else. */
export interface ManifestShape {
  $schema?: string;
  manifestVersion?: string;
  icons?: { color?: string; outline?: string };
  validDomains?: string[];
  configurableTabs?: { configurationUrl?: string }[];
  staticTabs?: { contentUrl?: string; websiteUrl?: string; searchUrl?: string }[];
  bots?: { botId?: string }[];
  webApplicationInfo?: { id?: string };
}

const VERSION = /^1\.\d{1,2}$/;

/**
 * The bundled official schema for a manifest version (e.g. '1.22'), as the package itself loads it
 * (it patches `\a` and `\v`, invalid JSON escapes in some schema versions' regexes).
 * @throws Error if the version is malformed or not bundled.
 */
export function loadBundledSchema(manifestVersion: string): object {
  if (!VERSION.test(manifestVersion)) throw new Error(`manifestVersion "${manifestVersion}" is not like 1.22`);
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) throw new Error(`manifestVersion ${manifestVersion} has no bundled schema in @microsoft/app-manifest`);
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as object;
}

function teamsRuleProblems(manifest: ManifestShape): string[] {
  const problems: string[] = [];
  const version = manifest.manifestVersion ?? '';
  const schemaVersion = /\/teams\/v([^/]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? '')?.[1];
  if (schemaVersion !== version) {
    problems.push(`$schema must point at the v${version} MicrosoftTeams.schema.json, got "${manifest.$schema ?? ''}"`);
  }
  const domains = manifest.validDomains ?? [];
  for (const domain of domains) {
    if (domain.includes('*')) problems.push(`validDomains must not contain wildcards, got "${domain}"`);
    if (/[/]/.test(domain)) problems.push(`validDomains entries are host names without a scheme or path, got "${domain}"`);
  }
  const pages = [
    ...(manifest.configurableTabs ?? []).map((t) => t.configurationUrl),
    ...(manifest.staticTabs ?? []).flatMap((t) => [t.contentUrl, t.websiteUrl, t.searchUrl]),
  ].filter((url): url is string => typeof url === 'string');
  const allowed = new Set(domains.map((d) => d.toLowerCase()));
  for (const page of pages) {
    let host = '';
    try {
      host = new URL(page).host.toLowerCase();
    } catch {
      problems.push(`tab URL "${page}" is not a URL`);
      continue;
    }
    if (!allowed.has(host)) problems.push(`tab URL "${page}" is not on a domain listed in validDomains`);
  }
  // One identity: RSC permissions and activity notifications are granted to the app named in
  // webApplicationInfo (msteams-docs graph-api/rsc/grant-resource-specific-consent.md,
  // teams-send-activityfeednotifications.md), so the bot that uses them must be that same app.
  const appId = (manifest.webApplicationInfo?.id ?? '').toLowerCase();
  for (const bot of manifest.bots ?? []) {
    if ((bot.botId ?? '').toLowerCase() !== appId) {
      problems.push(`bots[].botId "${bot.botId ?? ''}" must be the same Entra app as webApplicationInfo.id "${manifest.webApplicationInfo?.id ?? ''}" (set BOT_ID to AAD_APP_CLIENT_ID): RSC permissions and activity notifications belong to that app`);
    }
  }
  for (const [kind, file] of Object.entries(manifest.icons ?? {})) {
    if (typeof file === 'string' && /[/\\]/.test(file)) {
      problems.push(`icons.${kind} must be a file beside manifest.json (the package is flat), got "${file}"`);
    }
  }
  return problems;
}

/**
 * Validates a substituted manifest.
 * @returns every problem found (empty when valid): schema errors as "schema: <path> <message>".
 */
export function validateManifest(manifest: ManifestShape): string[] {
  const problems: string[] = [];
  if (JSON.stringify(manifest).includes('${{')) problems.push('a ${{...}} placeholder was left unsubstituted');
  let schema: object;
  try {
    schema = loadBundledSchema(manifest.manifestVersion ?? '');
  } catch (error) {
    return [...problems, (error as Error).message];
  }
  const schemaErrors = validateAgainstSchema(manifest, schema);
  problems.push(...schemaErrors.map((e) => `schema: ${e.startsWith(' ') ? `(root)${e}` : e}`));
  problems.push(...teamsRuleProblems(manifest));
  return problems;
}
