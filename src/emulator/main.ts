/**
 * `npm start`: the tab (dist/tab) at `/`, Microsoft Graph under `/v1.0`, the emulator's own
 * endpoints under `/emulator/`. PORT (default 53000), DATA_DIR (default `.data`, relative to the
 * working directory), HOST (default 127.0.0.1). Data is kept across restarts; Ctrl-C stops cleanly.
 */
import { resolve } from 'node:path';
import { startEmulator } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 53000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${process.env.PORT}'.`);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const emulator = await startEmulator({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir,
    staticDir: resolve('dist/tab'),
  });
  const shown = emulator.url.replace('127.0.0.1', 'localhost');
  console.log(`Digital Services Register running at ${shown}/`);
  console.log(`Data in ${dataDir}. Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  // A start-up refusal (a bad token-signing secret) is a sentence saying what to do: print just that.
  console.error(code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 53000} is in use: set PORT to another port.` : error instanceof Error ? error.message : error);
  process.exit(1);
});
