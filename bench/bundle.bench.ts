/**
 * `initialJsGzipKb`: the JavaScript a browser must download before the tab can paint (the scripts
 * index.html loads, gzipped), after a fresh production build of the tab into a temporary folder.
 * Target: at most 250 KB, with MSAL, teams-js, the setup page and the other views loaded on demand.
 * Baseline (naive): every chunk the build emits, as if it were one bundle loaded up front.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import type { BenchFigure, BenchModule } from './figures';

const TARGET_KB = 250;
const ROOT = path.resolve(__dirname, '..');

type ConfigFactory = (env: unknown, argv: { mode: string }) => webpack.Configuration;

async function buildInto(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const factory = require(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const base = factory({}, { mode: 'production' });
  const config: webpack.Configuration = { ...base, mode: 'production', devtool: false, output: { ...base.output, path: outDir } };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const gzipKb = (buffers: readonly Buffer[]) => Math.round((gzipSync(Buffer.concat(buffers)).length / 1024) * 10) / 10;

export const bundleBench: BenchModule = {
  name: 'bundle',
  async run(): Promise<BenchFigure[]> {
    const outDir = mkdtempSync(path.join(tmpdir(), 'dsr-bundle-'));
    try {
      await buildInto(outDir);
      const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?\/?([^"' >]+)/g)].map((match) => match[1] as string);
      if (initial.length === 0) throw new Error('index.html loads no script: the build changed shape.');
      const initialBuffers = initial.map((file) => readFileSync(path.join(outDir, file)));
      const allChunks = readdirSync(path.join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
      const allBuffers = allChunks.map((file) => readFileSync(path.join(outDir, 'assets', file)));
      // Each script is compressed on its own, as a server sends it.
      const value = Math.round(initialBuffers.reduce((sum, buffer) => sum + gzipSync(buffer).length / 1024, 0) * 10) / 10;
      return [
        {
          key: 'initialJsGzipKb',
          value,
          unit: 'KB',
          target: `at most ${TARGET_KB} KB`,
          met: value <= TARGET_KB,
          baseline: gzipKb(allBuffers),
          note: `${initial.length} initial script(s); ${allChunks.length - initial.length} chunk(s) on demand (MSAL, teams-js, views)`,
        },
      ];
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
