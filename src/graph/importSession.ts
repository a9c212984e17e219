/**
 * The import core from a read sheet to rows ready to write, used as one call by the command line
 * and the tests (the tab runs the same steps one screen at a time, letting the user adjust each):
 * find the header row and map it, plan every row against the register, look up the people named,
 * and decide which rows are written.
 */
import type { LocalDate, PersonRef } from '../domain/entry';
import type { HeaderMatch } from '../domain/spreadsheet/headerMatching';
import type { ImportField } from '../domain/spreadsheet/importFields';
import { defaultDecision, entryWithPeople, guessHeaderRow, peopleHints, planImport, type PlannedRow } from '../domain/spreadsheet/importPlan';
import type { PersonMatch } from '../domain/spreadsheet/ownerMatching';
import type { SheetData } from '../domain/spreadsheet/sheetData';
import type { GraphClient } from './client';
import type { TeamMember } from './directory';
import { lookUpPeople, type OwnerLookupOptions } from './importOwners';
import type { ImportItem } from './importRunner';
import type { RegisterStore } from './types';

export interface PrepareOptions {
  readonly client: GraphClient;
  readonly store: RegisterStore;
  readonly members: readonly TeamMember[];
  readonly sheet: SheetData;
  readonly today: LocalDate;
  /** Write rows that have warnings (fields left at their defaults). Default false. */
  readonly includeWarnings?: boolean;
  /** Overrides the automatic mapping (one field or null per column of the header row). */
  readonly mapping?: ReadonlyArray<ImportField | null>;
  /** The user's choice for ambiguous people, by hintKey. */
  readonly chosen?: ReadonlyMap<string, PersonRef | null>;
  readonly lookup?: OwnerLookupOptions;
}

export interface PreparedImport {
  readonly headerRowNumber: number;
  readonly headers: readonly HeaderMatch[];
  readonly mapping: ReadonlyArray<ImportField | null>;
  readonly rows: readonly PlannedRow[];
  readonly people: ReadonlyMap<string, PersonMatch>;
  readonly items: readonly ImportItem[];
}

/** @throws GraphError / NetworkError when the register or the directory cannot be read. */
export async function prepareImport(options: PrepareOptions): Promise<PreparedImport> {
  const guess = guessHeaderRow(options.sheet);
  const mapping = options.mapping ?? guess.matches.map((match) => match.field);
  const existing = await options.store.list();
  const rows = planImport({
    sheet: options.sheet, headerIndex: guess.headerIndex, mapping, existingTitles: existing.map((stored) => stored.entry.title), today: options.today,
  });
  const people = await lookUpPeople(options.client, peopleHints(rows), options.members, options.lookup);
  const items = rows.map((row) => ({ ...defaultDecision(row, options.includeWarnings ?? false), entry: entryWithPeople(row, people, options.chosen) }));
  return {
    headerRowNumber: options.sheet.rows[guess.headerIndex]?.rowNumber ?? 1,
    headers: guess.matches,
    mapping,
    rows,
    people,
    items,
  };
}
