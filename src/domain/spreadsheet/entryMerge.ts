/**
 * Merging a spreadsheet row into an entry it repeats (one already in the register, or an earlier
 * row of the same file), so that nothing already there is overwritten and nothing in the row is lost:
 * - a field that is empty in the entry takes the row's value;
 * - a value the row gives differently is not applied: it is added to Notes as
 *   "Spreadsheet row 12: Supplier: …", for the owner to decide;
 * - the kinds of data processed are combined; the row's own notes are appended.
 * Merging the same row again changes nothing (every line it would add is already there), which is
 * what lets an interrupted import be retried safely (see src/usecases/import/importRunner.ts).
 */
import { emptyEntry, labelOf, type AdminRightHolder, type PersonRef, type RegisterEntry } from '../entry';
import { adminRightText } from '../entryLists/listText';
import { FIELD_LABELS } from '../fieldLabels';
import { REGISTER_SCHEMA, type FieldRow, type FieldType } from '../schema';
import { MULTI_LINE_MAX } from '../validation';
import { withDependencies } from '../dependencies/importLinks';

type Row = FieldRow<RegisterEntry>;
const rowsOf = (...types: FieldType[]): readonly Row[] => REGISTER_SCHEMA.rows.filter((row) => types.includes(row.kind.type));
/** The plain fields merged by their kind; the name is the entry's key and Notes are the merge's own output. */
const TEXT = rowsOf('text', 'note').filter((row) => row.key !== 'title' && row.key !== 'notes');
const DATES = rowsOf('date');
const CHOICES = rowsOf('choice');
const NUMBERS = rowsOf('months', 'number');

/** The same holder: the same directory person, or the same external name (ignoring case and spaces). */
function holderKey(holder: AdminRightHolder): string {
  return holder.person ? `person:${holder.person.entraId}` : `name:${holder.externalName.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

function personText(person: PersonRef): string {
  return person.upn ? `${person.displayName} (${person.upn})` : person.displayName;
}

/**
 * @param into the entry kept (the register's, or the earlier row's).
 * @param row the repeating row's entry.
 * @param source how Notes name the row, e.g. "Spreadsheet row 12".
 */
export function mergeEntries(into: RegisterEntry, row: RegisterEntry, source: string): RegisterEntry {
  const merged: Record<string, unknown> = { ...into };
  const differences: string[] = [];
  const differ = (label: string, value: string): void => {
    differences.push(`${source}: ${label}: ${value}`);
  };
  for (const { key } of TEXT) {
    const kept = into[key] as string;
    const value = (row[key] as string).trim();
    if (value === '') continue;
    if (kept.trim() === '') merged[key] = row[key];
    else if (kept.trim() !== value) differ(FIELD_LABELS[key], value);
  }
  for (const { key } of DATES) {
    const value = row[key] as string | null;
    if (value === null) continue;
    if (into[key] === null) merged[key] = value;
    else if (into[key] !== value) differ(FIELD_LABELS[key], value);
  }
  for (const key of ['owner', 'deputy'] as const) {
    const person = row[key];
    if (person === null) continue;
    if (into[key] === null) merged[key] = person;
    else if (into[key]?.entraId !== person.entraId) differ(FIELD_LABELS[key], personText(person));
  }
  // A choice the row left at a new entry's default (usually a blank cell) says nothing to merge.
  const blank = emptyEntry();
  for (const { key, kind } of CHOICES) {
    if (kind.type === 'choice' && row[key] !== into[key] && row[key] !== blank[key]) differ(FIELD_LABELS[key], labelOf(kind.choices, row[key] as string));
  }
  for (const { key, kind } of NUMBERS) {
    const value = row[key] as number;
    if (value !== into[key] && value !== blank[key]) differ(FIELD_LABELS[key], kind.type === 'months' ? `${value} months` : String(value));
  }
  // Admin rights holders are combined; one already there with other details is noted, not overwritten.
  const holders = [...into.adminRights];
  for (const holder of row.adminRights) {
    const same = holders.find((kept) => holderKey(kept) === holderKey(holder));
    if (!same) holders.push(holder);
    else if (adminRightText(same) !== adminRightText(holder)) differ(FIELD_LABELS.adminRights, adminRightText(holder));
  }
  merged.adminRights = holders;
  // Waivers: one per gate; the entry's own is kept.
  merged.goLiveWaivers = [...into.goLiveWaivers, ...row.goLiveWaivers.filter((waiver) => !into.goLiveWaivers.some((kept) => kept.gate === waiver.gate))];
  const kinds = [...new Set([...into.dataTypes, ...row.dataTypes])];
  if (kinds.includes('none') && kinds.length > 1) {
    if (row.dataTypes.join() !== into.dataTypes.join()) differ(FIELD_LABELS.dataTypes, row.dataTypes.join(', '));
  } else merged.dataTypes = kinds;
  // Links to other services are combined (never two links to one service).
  merged.dependsOn = withDependencies(into.dependsOn, row.dependsOn);

  const lines = into.notes === '' ? [] : [into.notes];
  const has = (text: string) => lines.some((line) => line.includes(text));
  if (row.notes.trim() !== '' && !has(row.notes)) lines.push(row.notes);
  for (const line of differences) if (!has(line)) lines.push(line);
  merged.notes = lines.join('\n').slice(0, MULTI_LINE_MAX);
  return merged as unknown as RegisterEntry;
}

/** True when the two entries hold the same values (the merge had nothing left to do). */
export function sameEntry(a: RegisterEntry, b: RegisterEntry): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RegisterEntry>;
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
