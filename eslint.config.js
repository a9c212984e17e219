// Lint enforces the layer boundaries (README, "How the code is laid out"): domain <- graph <- usecases <- tab / cli, graph <- service; the emulator
// stands apart; tab features never import each other; no import cycles; the React hooks rules.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');
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

/** Forbids `packages` (and their subpaths) in `files`; each file matches exactly one such block. */
function restrictPackages(files, packages, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.map(({ name, message }) => ({ name, message })),
          patterns: packages.filter((item) => !item.exactOnly).map(({ name, message }) => ({ group: [`${name}/*`], message })),
        },
      ],
    },
  };
}

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'teams-app/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    // The TypeScript parser for files the import rules follow (no-cycle reads each imported module).
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } }, 'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] }, 'import-x/extensions': ['.ts', '.tsx', '.js'] },
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
  restrictPackages(['src/graph/**/*.ts'], [MSAL, TEAMS_JS, ZOD]),
  restrictPackages(['src/tab/auth/**/*.{ts,tsx}'], [GRAPH_CLIENT, TEAMS_JS, ZOD]),
  restrictPackages(['src/tab/teams/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, ZOD]),
  restrictPackages(['src/tab/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD], ['src/tab/auth/**', 'src/tab/teams/**']),
  restrictPackages(['src/domain/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD]),
  restrictPackages(['src/{emulator,service,cli}/**/*.{ts,tsx}'], [GRAPH_CLIENT, MSAL, TEAMS_JS]),
  // Use cases run in the tab too: no Graph client of their own, and zod/mini only.
  restrictPackages(['src/usecases/**/*.ts'], [GRAPH_CLIENT, MSAL, TEAMS_JS, ZOD]),
  { files: ['*.js', 'scripts/**/*.js', 'tests/support/*.js'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
