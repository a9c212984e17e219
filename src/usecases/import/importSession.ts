/**
 * The import core from a read sheet to rows ready to write, used as one call by the command line
 * and the tests (the tab runs the same steps one screen at a time, letting the user adjust each):
 * find the header row and map it, plan every row against the register, look up the people named,
 * and decide what happens to each row (duplicates by the user's choice, or the defaults).
 */
import type { LocalDate, PersonRef } from '@domain';
import type { HeaderMatch, ImportField, PersonMatch, SheetData } from '@domain/spreadsheet';
import {
  accountCells,
  decideImport,
  peopleHints,
  type CellAccount,
  type DuplicateChoice,
  defaultMapping,
  guessHeaderRow,
  planImport,
  type PlannedRow,
} from '@domain/spreadsheet';
import type { GraphClient, TeamMember, RegisterStore } from '@graph';
import { lookUpPeople, type OwnerLookupOptions } from '@graph';
import type { ImportItem } from './importRunner';

export interface PrepareOptions {
  readonly client: GraphClient;
  readonly store: RegisterStore;
  readonly members: readonly TeamMember[];
  readonly sheet: SheetData;
  readonly today: LocalDate;
  /** Write rows that have warnings (their unreadable text kept in Notes). Default true. */
  readonly includeWarnings?: boolean;
  /** Overrides the automatic mapping (one field or null per column). */
  readonly mapping?: ReadonlyArray<ImportField | null>;
  /** One choice for every duplicate row (skip, merge, new); per row with `choices`. Default: merge repeats within the file, skip services already in the register. */
  readonly duplicates?: DuplicateChoice;
  readonly choices?: ReadonlyMap<number, DuplicateChoice>;
  /** The user's choice for ambiguous people, by hintKey. */
  readonly chosen?: ReadonlyMap<string, PersonRef | null>;
  readonly lookup?: OwnerLookupOptions;
}

export interface PreparedImport {
  readonly headerRowNumber: number;
  /** The header row's cells, in column order. */
  readonly headerCells: readonly string[];
  readonly headers: readonly HeaderMatch[];
  readonly mapping: ReadonlyArray<ImportField | null>;
  readonly rows: readonly PlannedRow[];
  readonly people: ReadonlyMap<string, PersonMatch>;
  readonly items: readonly ImportItem[];
  /** Where every filled cell went. */
  readonly account: CellAccount;
}

/** @throws GraphError / NetworkError when the register or the directory cannot be read. */
export async function prepareImport(options: PrepareOptions): Promise<PreparedImport> {
  const guess = guessHeaderRow(options.sheet);
  const mapping = options.mapping ?? defaultMapping(options.sheet, guess);
  const existing = await options.store.list();
  const rows = planImport({ sheet: options.sheet, headerIndex: guess.headerIndex, mapping, existing, today: options.today });
  const people = await lookUpPeople(options.client, peopleHints(rows), options.members, options.lookup);
  const all = options.duplicates;
  const choices = options.choices ?? (all === undefined ? undefined : new Map(rows.filter((row) => row.duplicate !== null).map((row) => [row.rowNumber, all])));
  const items = decideImport(rows, { includeWarnings: options.includeWarnings ?? true, choices, people, chosen: options.chosen });
  return {
    headerRowNumber: options.sheet.rows[guess.headerIndex]?.rowNumber ?? 1,
    headerCells: options.sheet.rows[guess.headerIndex]?.cells ?? [],
    headers: guess.matches,
    mapping,
    rows,
    people,
    items,
    account: accountCells(rows, items),
  };
}
