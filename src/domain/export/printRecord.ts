/**
 * What the register remembers about the last printed downtime pack, so it can say which cards have
 * changed since: when, by whom, and the version (eTag) of each card that was printed.
 *
 * Kept as JSON in the practice's shared settings (src/graph/register/registerSettings.ts), so every member
 * sees the same record. The value may have been edited by hand in SharePoint, so it is read through
 * `parsePrintRecord`, which refuses anything malformed rather than trusting it.
 */
import type { PackCard } from './downtimePack';

/** The settings key the record is stored under. */
export const PRINT_RECORD_KEY = 'downtime-pack-last-printed';

export interface PrintRecord {
  /** ISO instant of the print. */
  readonly printedAt: string;
  /** Display name of who printed it ('' when not known, e.g. a record kept by an older version). */
  readonly printedBy: string;
  /** Entry id -> the eTag of that entry when it was printed. */
  readonly versions: Readonly<Record<string, string>>;
}

export function printRecordOf(cards: readonly PackCard[], at: Date, printedBy = ''): PrintRecord {
  return { printedAt: at.toISOString(), printedBy, versions: Object.fromEntries(cards.map((card) => [card.id, card.eTag])) };
}

/**
 * Cards changed (or added) since the pack was last printed: their version differs from the one
 * printed. Compared by eTag, not by clock, so an edit in the same second as the print still counts.
 * No record (never printed) gives none: there is no printed copy to be out of date.
 */
export function changedSincePrint(cards: readonly PackCard[], printed: PrintRecord | null): PackCard[] {
  if (printed === null) return [];
  return cards.filter((card) => printed.versions[card.id] !== card.eTag);
}

/** A stored value as a PrintRecord, or null when it is absent or not one (hand-edited, truncated). */
export function parsePrintRecord(value: unknown): PrintRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.printedAt !== 'string' || Number.isNaN(Date.parse(record.printedAt))) return null;
  const versions = record.versions;
  if (typeof versions !== 'object' || versions === null || Array.isArray(versions)) return null;
  if (!Object.values(versions).every((version) => typeof version === 'string')) return null;
  return { printedAt: record.printedAt, printedBy: typeof record.printedBy === 'string' ? record.printedBy : '', versions: versions as Record<string, string> };
}

/**
 * Which record to keep when two prints race to be saved: the later print (by printedAt), so the
 * record always describes the most recent paper copy whatever order the saves arrive in. A tie
 * keeps the candidate (it is being saved now). Used as the compare-and-swap rule of the save.
 * @returns the candidate to write, or null to keep `current` (it is newer).
 */
export function laterPrint(current: PrintRecord | null, candidate: PrintRecord): PrintRecord | null {
  if (current === null) return candidate;
  return Date.parse(current.printedAt) > Date.parse(candidate.printedAt) ? null : candidate;
}
