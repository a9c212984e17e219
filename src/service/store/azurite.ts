/**
 * Azurite, Microsoft's storage emulator from npm, as the service's embedded local Table Storage:
 * started as a child process (`azurite-table`) on a free port with telemetry off, in memory (tests)
 * or with its data under a folder (`npm start`: under DATA_DIR), and stopped by its own process id.
 *
 * Azurite accepts the well-known development account `devstoreaccount1` and its published key
 * (learn.microsoft.com azure/storage/common/storage-use-azurite, "HTTP connection strings"); the key
 * is public, so nothing secret is written or logged here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** The emulator's documented development account and key (public, the same for every Azurite). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** The connection string of an Azurite table endpoint on 127.0.0.1:`port`. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

/** A port nobody listens on right now (Azurite reports port 0 literally, so it needs a real one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Azurite's table service. `location` keeps its data in that folder; absent = memory only.
 * @throws Error when it does not report that it started within `timeoutMs`.
 */
export async function startAzurite(options: { location?: string; timeoutMs?: number } = {}): Promise<RunningAzurite> {
  const port = await freePort();
  const script = require.resolve('azurite/dist/src/table/main.js');
  const args = [script, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry', '--silent', '--skipApiVersionCheck'];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else args.push('--inMemoryPersistence');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${options.timeoutMs ?? 20_000} ms: ${output.slice(-400)}`)), options.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully started|successfully listens/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}: ${output.slice(-400)}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    connectionString: azuriteConnectionString(port),
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
