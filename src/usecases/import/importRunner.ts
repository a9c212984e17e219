/**
 * Writing confirmed import rows to the register, one at a time, with progress.
 *
 * A new entry carries a deterministic entry key (file fingerprint + row number), and
 * `RegisterStore.create` returns the entry an earlier attempt made for that key instead of a new
 * one: running the same rows again after an interruption neither duplicates nor loses any.
 * A row merged into an existing entry is written with `RegisterStore.update`, which sends
 * `If-Match` with the eTag read for the preview
 * (microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-update.md; SharePoint answers 412
 * when the item changed). On that conflict the entry is read again and the merge redone on what is
 * there now: the merge only fills empty fields and adds lines to Notes, so redoing it never
 * undoes someone else's change, and a merge an earlier attempt already made changes nothing.
 * The run stops at the first row that cannot be written (after the client's own retries): the
 * network or the service is down, so the rest would fail too. The result names every row.
 */
import type { RegisterEntry, StoredEntry } from '@domain';
import { mergeEntries } from '@domain/spreadsheet';
import { linkImportedRows } from './importLinks';
import { updateReapplyingOnce } from './reapply';
import type { RowDecision } from '@domain/spreadsheet';
import type { RegisterStore } from '@graph';

/** One row as the runner writes it: the preview's decision for it. */
export type ImportItem = Pick<RowDecision, 'rowNumber' | 'entryKey' | 'entry' | 'write' | 'reason'> & Partial<Pick<RowDecision, 'action' | 'mergeInto' | 'mergedInto' | 'dependsOnRows'>>;

export type RowOutcomeKind = 'imported' | 'merged' | 'skipped' | 'failed' | 'not-attempted';

export interface RowOutcome {
  readonly rowNumber: number;
  readonly title: string;
  readonly outcome: RowOutcomeKind;
  /** The list item id when imported or merged into an existing entry. */
  readonly id?: string;
  readonly message: string;
}

export interface ImportRunResult {
  readonly outcomes: readonly RowOutcome[];
  /** Entries created or updated by merging, as saved. */
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

function source(item: ImportItem): string {
  return `Spreadsheet row ${item.rowNumber}`;
}

/** Merges the row into the entry, re-reading it once if it changed since the preview. */
async function mergeRow(store: RegisterStore, target: StoredEntry, row: RegisterEntry, item: ImportItem): Promise<StoredEntry> {
  return updateReapplyingOnce(store, target, (entry) => mergeEntries(entry, row, source(item)));
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
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: item.mergedInto === undefined ? 'skipped' : 'merged', message: item.reason });
      continue;
    }
    if (stopped === null && options.signal?.aborted) stopped = 'The import was stopped before this row.';
    if (stopped !== null) {
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'not-attempted', message: stopped });
      continue;
    }
    try {
      const merging = item.action === 'merge' && item.mergeInto !== undefined;
      const saved = merging ? await mergeRow(store, item.mergeInto as StoredEntry, item.entry, item) : await store.create(item.entry, item.entryKey);
      imported.push(saved);
      outcomes.push({
        rowNumber: item.rowNumber, title, outcome: merging ? 'merged' : 'imported', id: saved.id,
        message: merging ? `Merged into the existing entry "${saved.entry.title}".` : '',
      });
      done += 1;
      options.onProgress?.(done, total);
    } catch (error) {
      outcomes.push({ rowNumber: item.rowNumber, title, outcome: 'failed', message: describe(error) });
      stopped = `Not attempted: the import stopped at row ${item.rowNumber} (${describe(error)}).`;
    }
  }
  // Second pass: "depends on" links between rows of the file, now that those rows have ids (importLinks.ts).
  const linked = await linkImportedRows(store, items, outcomes, imported);
  return { outcomes: linked.outcomes, imported: linked.imported, complete: done === total && linked.complete };
}

const OUTCOME_WORDS: Readonly<Record<RowOutcomeKind, string>> = {
  imported: 'Imported',
  merged: 'Merged',
  skipped: 'Not imported',
  failed: 'Failed',
  'not-attempted': 'Not attempted (retry)',
};

/** What a dry run would do with each row, in the same shape as a run's outcomes (nothing is written). */
export function plannedOutcomes(items: readonly ImportItem[]): RowOutcome[] {
  return items.map((item) => ({
    rowNumber: item.rowNumber,
    title: item.entry.title,
    outcome: !item.write ? (item.mergedInto === undefined ? 'skipped' : 'merged') : item.action === 'merge' ? 'merged' : 'imported',
    message: item.write && item.action === 'merge' ? `Would be merged into the existing entry "${item.mergeInto?.entry.title ?? item.entry.title}".` : item.reason,
  }));
}

/**
 * The report as rows for `toCsv`: one per spreadsheet row, what happened and why, and (when
 * `cells` gives it, from `describeRowCells`) where each of the row's filled cells went.
 */
export function importReportTable(outcomes: readonly RowOutcome[], cells: ReadonlyMap<number, string> = new Map(), options: { dryRun?: boolean } = {}): string[][] {
  const words = (kind: RowOutcomeKind) => (options.dryRun ? `Dry run: ${OUTCOME_WORDS[kind].toLowerCase()}` : OUTCOME_WORDS[kind]);
  return [
    ['Row', 'Service name', 'Outcome', 'Details', options.dryRun ? 'Where its cells would go' : 'Where its cells went'],
    ...outcomes.map((row) => [String(row.rowNumber), row.title, words(row.outcome), row.message, cells.get(row.rowNumber) ?? '']),
  ];
}
