/**
 * SQLite storage on disk (better-sqlite3) for `npm start`: data survives restarts. One table of
 * JSON documents; `seq` keeps insertion order so listings match the memory implementation.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { DocKind, Storage } from './types';

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;

  /** Opens (or creates) `emulator.sqlite` in `dataDir`. */
  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'emulator.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS docs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, body TEXT NOT NULL,
      UNIQUE (kind, id));
      CREATE INDEX IF NOT EXISTS docs_parent ON docs (kind, parent, seq);`);
    this.statements = {
      get: this.db.prepare<[string, string], { body: string }>('SELECT body FROM docs WHERE kind = ? AND id = ?'),
      listAll: this.db.prepare<[string], { body: string }>('SELECT body FROM docs WHERE kind = ? ORDER BY seq'),
      listChildren: this.db.prepare<[string, string], { body: string }>('SELECT body FROM docs WHERE kind = ? AND parent = ? ORDER BY seq'),
      put: this.db.prepare(
        'INSERT INTO docs (kind, id, parent, body) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET parent = excluded.parent, body = excluded.body',
      ),
      delete: this.db.prepare('DELETE FROM docs WHERE kind = ? AND id = ?'),
      count: this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM docs WHERE kind = ?'),
    };
  }

  get<T>(kind: DocKind, id: string): T | undefined {
    const row = this.statements.get.get(kind, id);
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  list<T>(kind: DocKind, parent?: string): T[] {
    const rows = parent === undefined ? this.statements.listAll.all(kind) : this.statements.listChildren.all(kind, parent);
    return rows.map((row) => JSON.parse(row.body) as T);
  }

  put(kind: DocKind, id: string, doc: unknown, parent?: string): void {
    this.statements.put.run(kind, id, parent ?? null, JSON.stringify(doc));
  }

  delete(kind: DocKind, id: string): void {
    this.statements.delete.run(kind, id);
  }

  count(kind: DocKind): number {
    return this.statements.count.get(kind)?.n ?? 0;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
