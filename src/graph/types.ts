/**
 * The contracts the rest of the product uses to reach Microsoft Graph. Implementations live beside
 * this file; the tab, the service and the emulator's seed depend only on these shapes.
 */
import type { RegisterEntry, StoredEntry } from '@domain';

/**
 * Where access tokens come from: the emulator's local sign-in, MSAL (Nested App Authentication in
 * Teams, redirect in a browser) or an app-only identity for the unattended service.
 */
export interface TokenSource {
  /** @throws when no token can be had (signed out, consent missing). */
  getToken(scopes: readonly string[]): Promise<string>;
  /** Drops a cached token that Graph rejected (401) so the next `getToken` fetches a fresh one. */
  invalidate?(): void;
}

/** The register list of one practice team. */
export interface RegisterLocation {
  readonly teamId: string;
  readonly siteId: string;
  readonly listId: string;
}

/** One saved version of an entry, newest first in `RegisterStore.versions`. */
export interface EntryVersion {
  readonly versionLabel: string;
  readonly modifiedAt: string;
  readonly modifiedBy: string;
  readonly entry: RegisterEntry;
}

export interface RegisterStore {
  readonly location: RegisterLocation;
  /** Every entry, following `@odata.nextLink` to the end. */
  list(): Promise<StoredEntry[]>;
  /** @throws GraphError with status 404 when the entry does not exist. */
  get(id: string): Promise<StoredEntry>;
  /**
   * Creates an entry. `entryKey` is a client-generated id (a GUID per "add" form); a retry with the
   * same key returns the entry the first attempt created rather than making a duplicate.
   */
  create(entry: RegisterEntry, entryKey: string): Promise<StoredEntry>;
  /**
   * Writes every field with `If-Match: eTag`.
   * @throws ConflictError when the entry changed since `eTag` was read (412 or 409); nothing is written.
   */
  update(id: string, eTag: string, entry: RegisterEntry): Promise<StoredEntry>;
  /** @throws ConflictError when the entry changed since `eTag` was read; nothing is deleted. */
  delete(id: string, eTag: string): Promise<void>;
  versions(id: string): Promise<EntryVersion[]>;
}
