/**
 * `npm run bench`: runs every benchmark module, prints a readable table, then one JSON object as the
 * last line of output (figures keyed by name; `<key>Baseline` beside any figure with a baseline;
 * dotted keys become nested objects). Modules live beside this file and are listed in MODULES.
 */
import type { BenchFigure, BenchModule } from './figures';
import { MODULES } from './modules';

function setPath(target: Record<string, unknown>, key: string, value: number): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] = typeof node[part] === 'object' && node[part] !== null ? node[part] : {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function row(figure: BenchFigure): string {
  const ratio = figure.baseline !== undefined && figure.value !== 0 ? `${(figure.baseline / figure.value).toFixed(1)}x better than naive (${figure.baseline} ${figure.unit})` : '';
  const verdict = figure.met === undefined ? '' : figure.met ? 'meets' : 'MISSES';
  return [figure.key.padEnd(34), `${figure.value} ${figure.unit}`.padEnd(18), (figure.target ?? '').padEnd(26), verdict.padEnd(7), ratio].join(' ');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const modules: readonly BenchModule[] = only.length ? MODULES.filter((m) => only.includes(m.name)) : MODULES;
  const result: Record<string, unknown> = {};
  for (const module of modules) {
    process.stdout.write(`\n== ${module.name}\n`);
    const figures = await module.run();
    for (const figure of figures) {
      process.stdout.write(`${row(figure)}\n`);
      setPath(result, figure.key, figure.value);
      if (figure.baseline !== undefined) setPath(result, `${figure.key}Baseline`, figure.baseline);
    }
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
