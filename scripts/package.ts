/**
 * `npm run package -- --env <name>`: writes teams-app/build/appPackage.<name>.zip, validated offline
 * against the official manifest schema. Exit code 0 on success, 1 on any problem, 2 on bad arguments.
 */
import { displayPath, packageApp } from './packaging/packageApp';
import { PackageError } from './packaging/errors';

const USAGE = 'Usage: npm run package -- --env <name>   (reads teams-app/env/.env.<name> and optional .env.<name>.user)';

/** The value of `--env <name>` or `--env=<name>`, or null when absent. */
export function parseEnvArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--env') return argv[i + 1] ?? null;
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return null;
}

async function main(argv: readonly string[]): Promise<number> {
  const env = parseEnvArg(argv);
  if (!env || env.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const root = process.cwd();
  try {
    const result = await packageApp({ root, env });
    console.log(`Packaged ${displayPath(root, result.zipPath)} (env files: ${result.envFiles.join(', ')}; schema v${String(result.manifest.manifestVersion)} valid)`);
    return 0;
  } catch (error) {
    console.error(error instanceof PackageError ? error.message : `Packaging failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
