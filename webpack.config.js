// Builds the Teams tab (src/tab) into dist/tab. `mode` comes from the CLI (`webpack --mode production`).
// Build-time settings come from environment variables through DefinePlugin; src/tab/buildSettings.ts validates
// them when the page starts. Only public settings belong here: nothing secret ever enters the bundle.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** Public build settings, with defaults that suit the local emulator. */
const PUBLIC_SETTINGS = {
  AUTH_MODE: process.env.AUTH_MODE ?? 'emulator',
  GRAPH_BASE_URL: process.env.GRAPH_BASE_URL ?? '',
  // The Entra app registration (AUTH_MODE=msal). Public by design: a client id is in every sign-in URL.
  MSAL_CLIENT_ID: process.env.MSAL_CLIENT_ID ?? '',
  MSAL_AUTHORITY: process.env.MSAL_AUTHORITY ?? '',
  // "granted" only where the tenant granted Sites.Read.All for GET /groups/{id}/sites/root (docs/permissions.md).
  GROUP_SITE_LOOKUP: process.env.GROUP_SITE_LOOKUP ?? '',
  // The app's service (incident cards through the bot, docs/bot-and-service-hosting.md): its origin, and
  // optionally the API scope (default api://{tab host}/{client id}/access_as_user). Empty: no service.
  SERVICE_URL: process.env.SERVICE_URL ?? '',
  SERVICE_SCOPE: process.env.SERVICE_SCOPE ?? '',
};

function hashOf(value) {
  return require('node:crypto').createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

/** tsconfig.json's path aliases (`@domain` -> src/domain, `@domain/schema` -> src/domain/schema, ...). */
const LAYER_ALIASES = Object.fromEntries(['domain', 'graph', 'usecases'].map((layer) => [`@${layer}`, path.resolve(__dirname, 'src', layer)]));

/** Static pages the app manifest links to (privacy statement, terms of use): no script at all. */
const LEGAL_PAGES = ['privacy.html', 'terms.html'];

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    entry: path.resolve(__dirname, 'src/tab/index.tsx'),
    output: {
      path: path.resolve(__dirname, 'dist/tab'),
      filename: production ? 'assets/[name].[contenthash].js' : 'assets/[name].js',
      chunkFilename: production ? 'assets/[name].[contenthash].js' : 'assets/[name].js',
      publicPath: '/',
      clean: true,
    },
    // The layers' public surfaces (tsconfig.json "paths"): @domain, @graph, @usecases and their rooms.
    resolve: { extensions: ['.ts', '.tsx', '.js'], alias: LAYER_ALIASES },
    module: {
      rules: [
        {
          // Our modules do nothing when merely imported (no registration, no globals), so webpack may
          // drop any that nothing uses: e.g. the spreadsheet rules re-exported by src/domain/index.ts
          // stay out of the tab's first download unless a feature that needs them is opened.
          test: /\.tsx?$/,
          include: [path.resolve(__dirname, 'src/tab'), path.resolve(__dirname, 'src/domain'), path.resolve(__dirname, 'src/graph')],
          exclude: path.resolve(__dirname, 'src/tab/index.tsx'),
          sideEffects: false,
        },
        {
          // React Flow's stylesheet (the dependency map) as text, with no CSS loader: the map puts it in
          // a <style> element while it is open (dependency-map/flowStyles.ts), so it stays in that chunk.
          test: /\.css$/,
          include: path.resolve(__dirname, 'node_modules/@xyflow/react'),
          type: 'asset/source',
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      // The favicon is copied into dist/tab and linked from index.html: without one every page logs a
      // 404 for /favicon.ico in the console.
      new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'src/tab/index.html'), favicon: path.resolve(__dirname, 'src/tab/favicon.svg') }),
      ...LEGAL_PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'src/tab/legal', page), filename: page, inject: false, chunks: [] }),
      ),
      new webpack.DefinePlugin({
        __TAB_CONFIG__: JSON.stringify(PUBLIC_SETTINGS),
      }),
    ],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    performance: { hints: false },
    // Persistent cache (node_modules/.cache/webpack): `npm start` runs a production build every time,
    // and an unchanged tab then rebuilds from the cache in seconds instead of recompiling and
    // re-minifying everything. The config file and the public settings are part of the cache key,
    // so a changed setting (e.g. AUTH_MODE) never reuses a stale bundle.
    cache: {
      type: 'filesystem',
      name: `${production ? 'production' : 'development'}-${hashOf(PUBLIC_SETTINGS)}`,
      buildDependencies: { config: [path.resolve(__dirname, 'webpack.config.js')] },
    },
  };
};
