/**
 * Storage behind the emulator, as in Azurite (Loki for tests, SQL on disk): a small document store
 * of JSON documents grouped by kind, with an optional parent key for listing children in insertion
 * order. The Graph model (`../model`) is written once against this interface.
 */
export type DocKind = 'meta' | 'user' | 'team' | 'channel' | 'message' | 'site' | 'list' | 'item' | 'version' | 'tombstone' | 'botInstall' | 'notification' | 'sitePermission' | 'signInUser';

export interface Storage {
  get<T>(kind: DocKind, id: string): T | undefined;
  /** Documents of `kind` (with `parent` when given) in insertion order; updates keep their place. */
  list<T>(kind: DocKind, parent?: string): T[];
  put(kind: DocKind, id: string, doc: unknown, parent?: string): void;
  delete(kind: DocKind, id: string): void;
  count(kind: DocKind): number;
  /** Runs `fn` atomically: when it throws, nothing it wrote is kept. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
