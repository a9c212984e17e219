/**
 * The import, one step at a time: choose a file -> confirm the columns -> look up people -> preview
 * every row -> confirm -> write with progress -> result (with a report, and "retry" after an
 * interruption that re-runs the same rows with the same entry keys: no duplicates, no loss).
 * Nothing is written before `write` is called.
 */
import { useCallback, useState } from 'react';
import {
  decideImport,
  defaultMapping,
  guessHeaderRow,
  peopleHints,
  planImport,
  type DuplicateChoice,
  type HeaderMatch,
  type ImportField,
  type PersonMatch,
  type PersonRef,
  type PlannedRow,
  type SheetData,
  type StoredEntry,
} from '@domain';
import { lookUpPeople } from '@graph/people';
import { runImport, type ImportItem, type ImportRunResult } from '@usecases';
import { useGraphClient } from '../../state/ApiContext';
import { useRegisterData } from '../../state/registerData';
import { useAudit } from '../../state/auditData';

export type ImportStep =
  | { readonly kind: 'choose'; readonly reading: boolean; readonly error: string | null }
  | { readonly kind: 'map'; readonly headers: readonly HeaderMatch[]; readonly mapping: ReadonlyArray<ImportField | null> }
  | { readonly kind: 'looking'; readonly done: number; readonly total: number }
  | { readonly kind: 'preview'; readonly rows: readonly PlannedRow[]; readonly people: ReadonlyMap<string, PersonMatch> }
  | { readonly kind: 'writing'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly result: ImportRunResult; readonly items: readonly ImportItem[] };

export interface LoadedFile {
  readonly name: string;
  readonly sheet: SheetData;
  readonly headerIndex: number;
}

export function useImport() {
  const client = useGraphClient();
  const { workspace, store, today, state, upsert } = useRegisterData();
  const audit = useAudit();
  const [step, setStep] = useState<ImportStep>({ kind: 'choose', reading: false, error: null });
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [confirmedMapping, setConfirmedMapping] = useState<ReadonlyArray<ImportField | null> | null>(null);
  const [planned, setPlanned] = useState<readonly PlannedRow[]>([]);

  const choose = useCallback(async (picked: File) => {
    setStep({ kind: 'choose', reading: true, error: null });
    try {
      const { readSpreadsheet } = await import('@domain/spreadsheetFiles');
      const read = await readSpreadsheet(picked.name, new Uint8Array(await picked.arrayBuffer()));
      if (!read.ok) {
        setStep({ kind: 'choose', reading: false, error: read.message });
        return;
      }
      const guess = guessHeaderRow(read.sheet);
      setFile({ name: picked.name, sheet: read.sheet, headerIndex: guess.headerIndex });
      setStep({ kind: 'map', headers: guess.matches, mapping: defaultMapping(read.sheet, guess) });
    } catch (error) {
      setStep({ kind: 'choose', reading: false, error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }, []);

  const setMapping = useCallback((column: number, field: ImportField | null) => {
    setStep((current) => (current.kind === 'map' ? { ...current, mapping: current.mapping.map((value, index) => (index === column ? field : value)) } : current));
  }, []);

  const preview = useCallback(async (mapping: ReadonlyArray<ImportField | null>) => {
    if (!file || state.kind !== 'ready') return;
    setConfirmedMapping(mapping);
    const rows = planImport({
      sheet: file.sheet, headerIndex: file.headerIndex, mapping, today,
      existing: state.rows.map((row) => row.stored),
    });
    setPlanned(rows);
    setLookupError(null);
    setStep({ kind: 'looking', done: 0, total: 0 });
    let people = new Map<string, PersonMatch>();
    try {
      people = await lookUpPeople(client, peopleHints(rows), workspace.members, { onProgress: (done, total) => setStep({ kind: 'looking', done, total }) });
    } catch (error) {
      // The directory could not be searched: the preview still shows, with people left unmatched.
      setLookupError(error);
    }
    setStep({ kind: 'preview', rows, people });
  }, [client, file, state, today, workspace.members]);

  const write = useCallback(async (items: readonly ImportItem[]) => {
    setStep({ kind: 'writing', done: 0, total: items.filter((item) => item.write).length });
    const result = await runImport(store, items, { onProgress: (done, total) => setStep({ kind: 'writing', done, total }) });
    result.imported.forEach((saved: StoredEntry) => upsert(saved));
    // Imports write owners for many services at once: recorded like owner changes (src/domain/audit.ts).
    // Undoing an import deletes the entries it created, so only those are listed; an entry a row was
    // merged into existed before and must survive an undo: if the merge gave it an owner or deputy,
    // that is recorded as an owner change (undone by putting the old people back).
    const created = new Set(result.outcomes.filter((row) => row.outcome === 'imported').map((row) => row.id));
    const createdEntries = result.imported.filter((saved) => created.has(saved.id));
    if (createdEntries.length > 0) {
      void audit.record({ kind: 'import', entryId: null, title: file?.name ?? '', entryIds: createdEntries.map((saved) => saved.id) });
    }
    for (const item of items) {
      const saved = item.mergeInto ? result.imported.find((entry) => entry.id === item.mergeInto?.id) : undefined;
      const before = item.mergeInto?.entry;
      if (!saved || !before || (saved.entry.owner?.entraId === before.owner?.entraId && saved.entry.deputy?.entraId === before.deputy?.entraId)) continue;
      void audit.record({
        kind: 'owner-change', entryId: saved.id, title: saved.entry.title,
        before: { owner: before.owner, deputy: before.deputy }, after: { owner: saved.entry.owner, deputy: saved.entry.deputy },
      });
    }
    setStep({ kind: 'done', result, items });
  }, [store, upsert, audit, file]);

  /** The items to write: the user's row choices (warnings, duplicates), with people resolved. */
  const itemsFor = useCallback(
    (rows: readonly PlannedRow[], people: ReadonlyMap<string, PersonMatch>, includeWarnings: boolean, chosen: ReadonlyMap<string, PersonRef | null>,
      choices: ReadonlyMap<number, DuplicateChoice>): ImportItem[] => decideImport(rows, { includeWarnings, people, chosen, choices }),
    [],
  );

  const restart = useCallback(() => {
    setFile(null);
    setConfirmedMapping(null);
    setStep({ kind: 'choose', reading: false, error: null });
  }, []);
  const backToMapping = useCallback(() => {
    if (!file) return;
    const guess = guessHeaderRow(file.sheet);
    setStep({ kind: 'map', headers: guess.matches, mapping: confirmedMapping ?? defaultMapping(file.sheet, guess) });
  }, [file, confirmedMapping]);

  return { step, file, planned, lookupError, choose, setMapping, preview, write, itemsFor, restart, backToMapping, registerReady: state.kind === 'ready' };
}
