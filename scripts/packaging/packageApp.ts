/**
 * Builds the Teams app package for one environment, entirely offline:
 *   env files -> check every value the manifest uses -> substitute -> schema + Teams rules -> icons -> zip.
 * Every stage reports all of its problems at once; nothing is written unless everything passed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadEnv } from './envFile';
import { checkEnvValues } from './envRules';
import { PackageError } from './errors';
import { checkColorIcon, checkOutlineIcon } from './icons';
import { placeholderNames, substitute } from './substitute';
import { validateManifest, type ManifestShape } from './validateManifest';
import { buildZip } from './zip';

export interface PackageOptions {
  /** The repository root (holds manifest/ and teams-app/). */
  readonly root: string;
  /** The environment name: reads teams-app/env/.env.<env> (+ .user). */
  readonly env: string;
  /** Where to write the zip; default <root>/teams-app/build. */
  readonly outDir?: string;
}

export interface PackageResult {
  readonly zipPath: string;
  readonly manifest: Record<string, unknown>;
  readonly envFiles: readonly string[];
}

function readIcon(manifestDir: string, file: string | undefined, label: string, problems: string[]): Uint8Array | null {
  if (!file) return null; // the schema reports the missing field
  const path = join(manifestDir, file);
  if (!existsSync(path)) {
    problems.push(`${label} manifest/${file} does not exist (run: npx tsx scripts/makeIcons.ts)`);
    return null;
  }
  return readFileSync(path);
}

/**
 * @throws PackageError listing every missing/malformed env value, schema error, Teams rule or icon problem.
 */
export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const manifestDir = join(options.root, 'manifest');
  const template = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const { values, files } = loadEnv(join(options.root, 'teams-app', 'env'), options.env);

  const envProblems = checkEnvValues(placeholderNames(template), values, options.env);
  if (envProblems.length > 0) {
    throw new PackageError(`Cannot package --env ${options.env} (read ${files.join(', ')}): fix these values:`, envProblems);
  }
  const manifest = substitute(template, values);

  const problems = validateManifest(manifest as ManifestShape);
  const icons = (manifest as ManifestShape).icons ?? {};
  const color = readIcon(manifestDir, icons.color, 'colour icon', problems);
  const outline = readIcon(manifestDir, icons.outline, 'outline icon', problems);
  if (color) problems.push(...checkColorIcon(color, `colour icon ${icons.color}`));
  if (outline) problems.push(...checkOutlineIcon(outline, `outline icon ${icons.outline}`));
  if (problems.length > 0 || !color || !outline || !icons.color || !icons.outline) {
    throw new PackageError(`The --env ${options.env} manifest is not valid:`, problems);
  }

  const entries = new Map<string, Uint8Array>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')],
    [icons.color, color],
    [icons.outline, outline],
  ]);
  const outDir = options.outDir ?? join(options.root, 'teams-app', 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, buildZip(entries));
  return { zipPath, manifest, envFiles: files };
}

/** A path for messages: relative to the root when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}
