/**
 * Opens the service's tables from its settings. Locally (no storage account configured) that is the
 * Azurite `npm start` runs, found through the file it writes under DATA_DIR; when `npm start` is not
 * running, an Azurite is started here with its data in DATA_DIR/azurite and stopped on close.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreSetting } from '../config';
import { InstallationStore } from './installations';
import { LedgerStore } from './ledger';
import { LeaseStore } from './leases';
import { azuriteConnectionString, startAzurite } from './azurite';
import { ensureTables, openServiceTables, type ServiceTables, type StoreConnection } from './tables';

export interface OpenStores {
  readonly installations: InstallationStore;
  readonly ledger: LedgerStore;
  readonly leases: LeaseStore;
  readonly tables: ServiceTables;
  /** How the store was reached, for the start-up line (no secrets). */
  readonly description: string;
  close(): Promise<void>;
}

/** Where `npm start` records the Azurite it runs, so other commands use the same one. */
export function localAzuriteFile(dataDir: string): string {
  return join(dataDir, 'service', 'azurite.json');
}

async function reachable(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/devstoreaccount1/Tables`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function localConnection(dataDir: string): Promise<{ connection: StoreConnection; stop: () => Promise<void>; description: string }> {
  const file = localAzuriteFile(dataDir);
  if (existsSync(file)) {
    const { port } = JSON.parse(readFileSync(file, 'utf8')) as { port: number };
    if (await reachable(port)) return { connection: { kind: 'connectionString', connectionString: azuriteConnectionString(port) }, stop: async () => undefined, description: `the local Azurite of npm start (port ${port})` };
  }
  const azurite = await startAzurite({ location: join(dataDir, 'azurite') });
  return { connection: { kind: 'connectionString', connectionString: azurite.connectionString }, stop: () => azurite.stop(), description: `an Azurite started for this run (data in ${join(dataDir, 'azurite')})` };
}

/** @param create make the tables when missing (false for a dry run, which writes nothing). */
export async function openStores(setting: StoreSetting, prefix: string, create: boolean): Promise<OpenStores> {
  let connection: StoreConnection;
  let stop = async () => undefined as void;
  let description: string;
  if (setting.kind === 'local') ({ connection, stop, description } = await localConnection(setting.dataDir));
  else if (setting.kind === 'connectionString') {
    connection = setting;
    description = 'Azure Table Storage (connection string)';
  } else {
    connection = setting;
    description = `Azure Table Storage at ${setting.endpoint} (managed identity)`;
  }
  const tables = openServiceTables(connection, prefix);
  if (create) await ensureTables(tables);
  return {
    installations: new InstallationStore(tables.installations),
    ledger: new LedgerStore(tables.ledger),
    leases: new LeaseStore(tables.leases),
    tables,
    description,
    close: stop,
  };
}
