/**
 * `npm ci` (what CI runs) refuses a lock file that lacks an entry for any optional dependency, and
 * the registry mirror here leaves other platforms' native binaries out of the lock. This fails with
 * the fix when someone changes dependencies and forgets to complete the lock.
 */
import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  readonly optionalDependencies?: Record<string, string>;
}

test('every optional dependency in package-lock.json has an entry, so npm ci accepts the lock', () => {
  const lock = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const missing: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!lock.packages[`node_modules/${name}`] && !lock.packages[`${location}/node_modules/${name}`]) missing.push(name);
    }
  }
  if (missing.length > 0) {
    throw new Error(`package-lock.json lacks ${missing.length} optional packages (${missing.slice(0, 3).join(', ')}...): run node scripts/completeLockfile.js`);
  }
});
