// Builds the Teams tab (src/tab) into dist/tab. `mode` comes from the CLI (`webpack --mode production`).
// Build-time settings come from environment variables through DefinePlugin; src/tab/config.ts validates
// them when the page starts. Only public settings belong here: nothing secret ever enters the bundle.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** Public build settings, with defaults that suit the local emulator. */
const PUBLIC_SETTINGS = {
  AUTH_MODE: process.env.AUTH_MODE ?? 'emulator',
  GRAPH_BASE_URL: process.env.GRAPH_BASE_URL ?? '',
};

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
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
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
      new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'src/tab/index.html') }),
      new webpack.DefinePlugin({
        __TAB_CONFIG__: JSON.stringify(PUBLIC_SETTINGS),
      }),
    ],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    performance: { hints: false },
  };
};
