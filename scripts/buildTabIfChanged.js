// `npm start`: builds the tab (dist/tab) only when something it is built from has changed since the
// last build, so a restart reaches its URL in seconds. The stamp is a hash of every file webpack reads
// from this repository (src/tab, src/domain, src/graph, src/usecases, the webpack config, the lockfile) and of the
// public build settings (environment variables webpack.config.js reads). When anything differs, it
// runs `webpack --mode production`, which itself reuses its persistent cache for unchanged modules.
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['src/tab', 'src/domain', 'src/graph', 'src/usecases', 'webpack.config.js', 'package-lock.json', 'tsconfig.json'];
const SETTINGS = ['AUTH_MODE', 'GRAPH_BASE_URL', 'MSAL_CLIENT_ID', 'MSAL_AUTHORITY', 'GROUP_SITE_LOOKUP'];
const STAMP = path.join(root, 'node_modules/.cache/dsr-tab-build.stamp');

function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((item) => filesUnder(path.join(relative, item.name)))
    .sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  for (const name of SETTINGS) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = existsSync(path.join(root, 'dist/tab/index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted;
if (built) {
  process.stdout.write('The tab is up to date (dist/tab): not rebuilt.\n');
} else {
  const webpack = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  if (webpack.status !== 0) process.exit(webpack.status ?? 1);
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, wanted);
}
