/**
 * The service's own state in Azure Table Storage (`@azure/data-tables`): three tables, named with a
 * prefix so several deployments (or tests) can share one account.
 *
 *   {prefix}installations  where the bot is installed (installations.ts), written by the bot endpoint
 *   {prefix}ledger         the reminder ledger: digest records claimed -> posted -> notified (ledger.ts)
 *   {prefix}leases         one lease per practice, shared by every worker (leases.ts)
 *
 * Nothing is kept in the practice's SharePoint site, so a team member cannot edit or stop it.
 * Every conditional change uses the entity's ETag (`updateEntity(..., { etag })` -> 412 when stale,
 * `createEntity` -> 409 when the key exists), which is all claim -> post -> record and the leases need.
 *
 * Connection, in this order: a connection string (Azurite locally, or a storage account key), or an
 * account's table endpoint with a managed identity through `@azure/identity` (production, no secret).
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export type StoreConnection =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  /** `https://<account>.table.core.windows.net`; `clientId` picks a user-assigned managed identity. */
  | { readonly kind: 'managedIdentity'; readonly endpoint: string; readonly clientId?: string };

export interface ServiceTables {
  readonly installations: TableClient;
  readonly ledger: TableClient;
  readonly leases: TableClient;
}

/** Table names: letters and digits, starting with a letter, 3 to 63 characters. */
export const TABLE_PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,49}$/;

function client(connection: StoreConnection, table: string, credential: TokenCredential | null): TableClient {
  if (connection.kind === 'connectionString') {
    // Azurite serves plain http on 127.0.0.1; a real account's connection string is https.
    const options: TableServiceClientOptions = { allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(connection.connectionString) };
    return TableClient.fromConnectionString(connection.connectionString, table, options);
  }
  return new TableClient(connection.endpoint, table, credential as TokenCredential);
}

export function openServiceTables(connection: StoreConnection, prefix = 'dsr'): ServiceTables {
  if (!TABLE_PREFIX_PATTERN.test(prefix)) throw new Error(`The table prefix "${prefix}" must be letters and digits, starting with a letter.`);
  const credential =
    connection.kind === 'managedIdentity' ? (connection.clientId ? new ManagedIdentityCredential({ clientId: connection.clientId }) : new DefaultAzureCredential()) : null;
  return {
    installations: client(connection, `${prefix}installations`, credential),
    ledger: client(connection, `${prefix}ledger`, credential),
    leases: client(connection, `${prefix}leases`, credential),
  };
}

/** Creates the tables when missing (idempotent: createTable ignores "already exists"). */
export async function ensureTables(tables: ServiceTables): Promise<void> {
  await Promise.all([tables.installations.createTable(), tables.ledger.createTable(), tables.leases.createTable()]);
}

/** The HTTP status of a storage error, or null for anything else. */
export function storageStatus(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** True for "the table does not exist yet": a dry run on a fresh account reads nothing rather than failing. */
export function isMissingTable(error: unknown): boolean {
  return storageStatus(error) === 404 && /TableNotFound/i.test(String((error as { code?: unknown }).code ?? (error as Error).message));
}
