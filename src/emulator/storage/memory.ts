/** In-memory storage for tests: documents are kept as JSON text so callers never share objects. */
import type { DocKind, Storage } from './types';

interface Row {
  parent: string | undefined;
  body: string;
}

type Undo = () => void;

export class MemoryStorage implements Storage {
  private readonly kinds = new Map<DocKind, Map<string, Row>>();
  private journal: Undo[] | undefined;

  private rows(kind: DocKind): Map<string, Row> {
    let rows = this.kinds.get(kind);
    if (!rows) this.kinds.set(kind, (rows = new Map()));
    return rows;
  }

  get<T>(kind: DocKind, id: string): T | undefined {
    const row = this.rows(kind).get(id);
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  list<T>(kind: DocKind, parent?: string): T[] {
    const out: T[] = [];
    for (const row of this.rows(kind).values()) if (parent === undefined || row.parent === parent) out.push(JSON.parse(row.body) as T);
    return out;
  }

  put(kind: DocKind, id: string, doc: unknown, parent?: string): void {
    const rows = this.rows(kind);
    this.remember(rows, id);
    rows.set(id, { parent, body: JSON.stringify(doc) });
  }

  delete(kind: DocKind, id: string): void {
    const rows = this.rows(kind);
    this.remember(rows, id);
    rows.delete(id);
  }

  count(kind: DocKind): number {
    return this.rows(kind).size;
  }

  transaction<T>(fn: () => T): T {
    if (this.journal) return fn();
    this.journal = [];
    try {
      const result = fn();
      this.journal = undefined;
      return result;
    } catch (error) {
      const undo = this.journal ?? [];
      this.journal = undefined;
      for (const step of undo.reverse()) step();
      throw error;
    }
  }

  close(): void {
    this.kinds.clear();
  }

  /** Records how to restore `id` if the current transaction fails (order is not restored). */
  private remember(rows: Map<string, Row>, id: string): void {
    if (!this.journal) return;
    const previous = rows.get(id);
    this.journal.push(() => (previous ? rows.set(id, previous) : rows.delete(id)));
  }
}
