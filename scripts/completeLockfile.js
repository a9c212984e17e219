#!/usr/bin/env node
/**
 * Adds lock-file entries for other platforms' optional native binaries (e.g. @swc/core-darwin-arm64).
 *
 * Why: the npm registry mirror these machines reach does not serve packages built for other
 * platforms, so `npm install` leaves them out of package-lock.json, and `npm ci` then refuses the
 * lock as "not in sync". An entry that names the package's os/cpu lets `npm ci` see the lock is
 * complete and skip the package on this platform, as it would with a lock made elsewhere.
 * Run after changing dependencies: `node scripts/completeLockfile.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS_WORDS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU_WORDS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** The os and cpu a platform package is for, read from its name (`core-linux-arm-gnueabihf` -> linux, arm). */
function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = OS_WORDS.find((word) => words.includes(word));
  const cpu = CPU_WORDS.find((word) => words.includes(word));
  return os && cpu ? { os, cpu } : null;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const nested = `${location}/node_modules/${name}`;
    if (packages[target] || packages[nested]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[target] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [platform.os],
      cpu: [platform.cpu],
    };
    added += 1;
  }
}

// Keep the lock's key order stable (npm sorts `packages` by location).
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`completeLockfile: added ${added} entries for other platforms' optional packages\n`);
