/**
 * Writing confirmed import rows to the register, one at a time, with progress.
 *
 * Every row carries a deterministic entry key (file fingerprint + row number), and
 * `RegisterStore.create` returns the entry an earlier attempt made for that key instead of a new
 * one: running the same rows again after an interruption neither duplicates nor loses any.
 * The run stops at the first row that cannot be written (after the client's own retries): the
 * network or the service is down, so the rest would fail too. The result names every row.
 */
import type { RegisterEntry, StoredEntry } from '../domain/entry';
import type { RegisterStore } from './types';

export interface ImportItem {
  readonly rowNumber: number;
  readonly entryKey: string;
  readonly entry: RegisterEntry;
  readonly write: boolean;
  /** Why the row is not written; '' when it is. */
  readonly reason: string;
}

export type RowOutcomeKind = 'imported' | 'skipped' | 'failed' | 'not-attempted';

export interface RowOutcome {
  readonly rowNumber: number;
  readonly title: string;
  readonly outcome: RowOutcomeKind;
  /** The list item id when imported. */
  readonly id?: string;
  readonly message: string;
}

export interface ImportRunResult {
  readonly outcomes: readonly RowOutcome[];
  readonly imported: readonly StoredEntry[];
  /** True when every row meant to be written was written. */
  readonly complete: boolean;
}

export interface ImportRunOptions {
  /** Called after each written row: `done` of `total` rows to write. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runImport(store: RegisterStore, items: readonly ImportItem[], options: ImportRunOptions = {}): Promise<ImportRunResult> {
  const total = items.filter((item) => item.write).length;
  const outcomes: RowOutcome[] = [];
  const imported: StoredEntry[] = [];
  let done = 0;
  let stopped: string | null = null;
  options.onProgress?.(0, total);
  for (const item of items) {
    const title = item.entry.title;
    if (!item.write) {
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'skipped', message: item.reason });
      continue;
    }
    if (stopped === null && options.signal?.aborted) stopped = 'The import was stopped before this row.';
    if (stopped !== null) {
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'not-attempted', message: stopped });
      continue;
    }
    try {
      const saved = await store.create(item.entry, item.entryKey);
      imported.push(saved);
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'imported', id: saved.id, message: '' });
      done += 1;
      options.onProgress?.(done, total);
    } catch (error) {
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'failed', message: describe(error) });
      stopped = `Not attempted: the import stopped at row ${item.rowNumber} (${describe(error)}).`;
    }
  }
  return { outcomes, imported, complete: done === total };
}

const OUTCOME_WORDS: Readonly<Record<RowOutcomeKind, string>> = {
  imported: 'Imported',
  skipped: 'Not imported',
  failed: 'Failed',
  'not-attempted': 'Not attempted (retry)',
};

/** The report as rows for `toCsv`: one per spreadsheet row, what happened and why. */
export function importReportTable(outcomes: readonly RowOutcome[]): string[][] {
  return [['Row', 'Service name', 'Outcome', 'Details'], ...outcomes.map((row) => [String(row.rowNumber), row.title, OUTCOME_WORDS[row.outcome], row.message])];
}
