// Lint enforces the layer boundaries (docs/architecture.md): domain <- graph <- usecases <- tab / cli, graph <- service; the emulator
// stands apart; tab features never import each other; another layer only through its public surface (@domain, @graph,
// @usecases and their rooms); no import cycles; the React hooks rules.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');
const { createNodeResolver } = require('eslint-plugin-import-x');
const reactHooks = require('eslint-plugin-react-hooks');
const fs = require('node:fs');
const path = require('node:path');

const GRAPH_CLIENT = { name: '@microsoft/microsoft-graph-client', message: 'Only src/graph imports the Graph client.' };
const MSAL = { name: '@azure/msal-browser', message: 'Only src/tab/auth imports MSAL.' };
const TEAMS_JS = { name: '@microsoft/teams-js', message: 'Only src/tab/teams imports teams-js.' };
// Classic zod cannot be tree-shaken (its methods hang off classes): about 80 KB gzipped in the tab's
// first download, against about 10 KB for the same schemas in zod/mini. Only the bare name is
// forbidden, so zod/mini and zod/v4/core stay allowed; the service (Node) may use either.
const ZOD = { name: 'zod', message: "Import zod/mini in code the tab bundles: classic zod adds about 80 KB gzipped to the first download.", exactOnly: true };

/**
 * The layer rules. The emulator is an independent oracle (issue 11): its core imports nothing from
 * the client (graph, domain, tab, service, cli), so a wrong rule in the client can never hide in it.
 * Only its seeds (`forSeeds`) may import the domain, to write demo data.
 */
function layerZones(forSeeds) {
  return [
    { target: './src/domain', from: './src', except: ['./domain'], message: 'src/domain is pure: it imports nothing else from src.' },
    { target: './src/graph', from: ['./src/tab', './src/service', './src/emulator', './src/usecases', './src/cli'], message: 'src/graph sits below the use cases, the tab, the service and the command-line tools.' },
    { target: './src/usecases', from: ['./src/tab', './src/service', './src/emulator', './src/cli'], message: 'Use cases import only the domain and the Graph layer.' },
    { target: './src/tab', from: ['./src/emulator', './src/service'], message: 'The tab never imports the emulator or the service.' },
    { target: './src/service', from: ['./src/tab', './src/emulator'], message: 'The service never imports the tab or the emulator.' },
    forSeeds
      ? { target: './src/emulator', from: ['./src/graph', './src/usecases', './src/tab', './src/service', './src/cli'], message: "The emulator's seeds may use the domain only, never the client." }
      : { target: './src/emulator', from: ['./src/graph', './src/usecases', './src/domain', './src/tab', './src/service', './src/cli'], message: "The emulator is an independent oracle: its core imports nothing from the client (only src/emulator/seed may use src/domain)." },
    { target: './src/cli', from: ['./src/tab', './src/service', './src/emulator'], message: 'The command-line tools use only the domain, the Graph layer and the use cases.' },
  ];
}

/**
 * Features in src/tab/features import shared code (state, components, domain, graph), never each other:
 * what one feature offers another goes through a slot in src/tab/components (entry sections, entry
 * list editors, incident slots) that the app fills. One zone per feature.
 */
function featureZones() {
  const root = path.join(__dirname, 'src/tab/features');
  const features = fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return features.map((feature) => ({
    target: `./src/tab/features/${feature}`,
    from: './src/tab/features',
    except: [`./${feature}`],
    message: 'Features never import each other: share through src/tab/components (a slot the app fills) or src/tab/state.',
  }));
}

/**
 * Public surfaces (docs/architecture.md, "The rules lint enforces"). Code outside a layer imports it through its
 * path alias (tsconfig.json "paths"): `@domain`, `@graph`, `@usecases` (the layer's index.ts) or one of
 * its rooms, `@graph/register` (a subfolder with an index.ts). Never a file inside a room
 * (`@graph/register/registerStore`), a layer's own file (`@domain/entry`), or a relative path that climbs
 * into another layer (`../../domain/entry`). Inside src/graph a room imports another room through its
 * index (`../lists`, not `../lists/itemStore`). Tests may reach inside (they test internals).
 */
const LAYERS = ['domain', 'graph', 'usecases'];

/** The rooms of `layer`: its subfolders with an index.ts. */
function roomsOf(layer) {
  const root = path.join(__dirname, 'src', layer);
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'index.ts')))
    .map((entry) => entry.name);
}

/** `no-restricted-imports` regex patterns for deep imports (for files in src/graph, also `graphRooms`). */
function deepImportPatterns({ graphRooms = false } = {}) {
  const patterns = LAYERS.flatMap((layer) => {
    const rooms = roomsOf(layer);
    return [
      ...rooms.map((room) => ({
        regex: `^@${layer}/${room}/`,
        message: `Import '@${layer}/${room}' (the room's index.ts), not a file inside it; if the name is missing, export it from src/${layer}/${room}/index.ts.`,
      })),
      {
        regex: `^@${layer}/(?!(${rooms.join('|')})(/|$))`,
        message: `Import '@${layer}' (src/${layer}/index.ts) or one of its rooms (${rooms.map((room) => `'@${layer}/${room}'`).join(', ')}), not a file of the layer.`,
      },
      {
        regex: `^(\\.\\./)+(src/)?${layer}(/|$)`,
        message: `Import src/${layer} through its alias, '@${layer}' or '@${layer}/<room>' (e.g. '@${layer}/${rooms[0]}'), never a relative path into another layer.`,
      },
    ];
  });
  if (graphRooms) {
    patterns.push({
      regex: `^(\\.\\./)+(${roomsOf('graph').join('|')})/`,
      message: "Import another room of src/graph through its index ('../lists'), not a file inside it.",
    });
  }
  return patterns;
}

/** The same patterns for `import()` (which no-restricted-imports does not see), as no-restricted-syntax selectors. */
function deepDynamicImports(options) {
  // esquery ends a regex at the first '/', so slashes are written \x2F.
  return deepImportPatterns(options).map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replace(/\//g, '\\x2F')}/]`,
    message,
  }));
}

/**
 * Forbids `packages` (and their subpaths) in `files`, and deep imports (`deepImportPatterns`); each
 * file matches exactly one such block (a later block would replace the rule).
 */
function restrictPackages(files, packages, ignores = [], { graphRooms = false } = {}) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.map(({ name, message }) => ({ name, message })),
          patterns: [
            ...packages.filter((item) => !item.exactOnly).map(({ name, message }) => ({ group: [`${name}/*`], message })),
            ...deepImportPatterns({ graphRooms }),
          ],
        },
      ],
    },
  };
}

/** Deep `import()`s, as `restrictPackages` forbids deep static imports. */
function restrictDeepDynamicImports(files, ignores = [], options = {}) {
  return { files, ignores, rules: { 'no-restricted-syntax': ['error', ...deepDynamicImports(options)] } };
}

/** Code that imports the layers and is not a test: src/, the benchmarks, the scripts. */
const NOT_TESTS = ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts'];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'teams-app/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    // The TypeScript parser for files the import rules follow (no-cycle reads each imported module).
    // The resolver reads tsconfig.json's "paths", so the rules follow @domain, @graph and @usecases too.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], tsconfig: { configFile: path.join(__dirname, 'tsconfig.json') } })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones(false) }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones(false), ...featureZones()] }],
    },
  },
  // The emulator's seeds may use the domain (demo entries, dates, the register's columns), nothing more.
  { files: ['src/emulator/seed/**/*.ts'], rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones(true) }] } },
  // Only src/graph imports the Graph client, only src/tab/auth imports MSAL, only src/tab/teams imports teams-js.
  // Each block also forbids deep imports (past a layer's public surface; between src/graph's rooms).
  restrictPackages(['src/graph/**/*.ts'], [MSAL, TEAMS_JS, ZOD], [], { graphRooms: true }),
  restrictPackages(['src/tab/auth/**/*.{ts,tsx}'], [GRAPH_CLIENT, TEAMS_JS, ZOD]),
  restrictPackages(['src/tab/teams/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, ZOD]),
  restrictPackages(['src/tab/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD], ['src/tab/auth/**', 'src/tab/teams/**']),
  restrictPackages(['src/domain/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD]),
  restrictPackages(['src/{emulator,service,cli}/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS]),
  // Use cases run in the tab too: no Graph client of their own, and zod/mini only.
  restrictPackages(['src/usecases/**/*.ts'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD]),
  // The rest of the code that is not a test: only deep imports are forbidden.
  restrictPackages(NOT_TESTS, [], ['src/{graph,tab,domain,emulator,service,cli,usecases}/**']),
  restrictDeepDynamicImports(NOT_TESTS, ['src/graph/**']),
  restrictDeepDynamicImports(['src/graph/**/*.ts'], [], { graphRooms: true }),
  { files: ['*.js', 'scripts/**/*.js', 'tests/support/*.js'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
