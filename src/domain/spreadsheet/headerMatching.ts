/**
 * Guessing which register field each spreadsheet column holds, so the import screen can offer a
 * ready-made mapping that the user confirms or adjusts.
 *
 * Headers are compared after `normaliseWords` (case, punctuation, spacing). A header that is one
 * of a field's known names is an `exact` match; one that contains a field's tell-tale words is
 * `likely`. Text in brackets is ignored for exact matching, so "Last reviewed (dd/mm/yyyy)" is
 * exactly "Last reviewed". No two headers are ever mapped to the same field: the strongest match
 * keeps it (then the leftmost column), and the weaker header is left unmapped for the user to
 * choose (it is not pushed onto a weaker guess).
 */
import type { HeaderWords } from '../schema';
import { HEADER_RULES } from './headerRules';
import { normaliseWords, type ImportField } from './importFields';

export type MatchConfidence = 'exact' | 'likely' | 'none';

export interface HeaderMatch<F extends string = ImportField> {
  readonly header: string;
  readonly field: F | null;
  readonly confidence: MatchConfidence;
}

interface Candidate<F> {
  readonly column: number;
  readonly field: F;
  readonly confidence: 'exact' | 'likely';
  /** Higher is stronger: exact beats any likely; a likely match with more words beats one with fewer. */
  readonly strength: number;
  /** Position of the rule, so ties are settled the same way every time. */
  readonly order: number;
}

const EXACT_STRENGTH = 1000;

/**
 * A header matcher for any record's fields, from each field's words (a schema row's `headers`), in
 * the order ties are settled: the first field to claim an exact name keeps it.
 */
export function headerMatcherFor<F extends string>(rules: ReadonlyArray<{ readonly field: F; readonly headers: HeaderWords }>): (headers: readonly string[]) => Array<HeaderMatch<F>> {
  const exactNames = new Map<string, F>();
  for (const { field, headers } of rules) {
    for (const name of headers.exact) {
      const key = normaliseWords(name);
      if (!exactNames.has(key)) exactNames.set(key, field);
    }
  }
  const wordSets = rules.flatMap(({ field, headers }) => headers.likely.map((set) => ({ field, words: set.split(' ').map((word) => word.split('|')) })));

  function candidatesFor(header: string, column: number): Array<Candidate<F>> {
    const full = normaliseWords(header);
    const withoutBrackets = normaliseWords(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
    const found: Array<Candidate<F>> = [];
    for (const key of [full, withoutBrackets]) {
      const field = exactNames.get(key);
      if (key !== '' && field !== undefined) found.push({ column, field, confidence: 'exact', strength: EXACT_STRENGTH, order: 0 });
    }
    const tokens = new Set(full.split(' ').filter((token) => token !== ''));
    wordSets.forEach((set, order) => {
      if (set.words.every((alternatives) => alternatives.some((word) => tokens.has(word)))) {
        found.push({ column, field: set.field, confidence: 'likely', strength: set.words.length, order: order + 1 });
      }
    });
    return found;
  }

  return (headers) => {
    // Only a header's strongest candidates count: if a stronger column took that field, the header is
    // left unmapped rather than pushed onto a weaker guess ("DPIA completed?" must not become "Data processed").
    const candidates = headers.flatMap((header, column) => {
      const found = candidatesFor(header, column);
      const best = Math.max(...found.map((candidate) => candidate.strength));
      return found.filter((candidate) => candidate.strength === best);
    });
    candidates.sort((a, b) => b.strength - a.strength || a.column - b.column || a.order - b.order);

    const fieldOf = new Map<number, Candidate<F>>();
    const taken = new Set<F>();
    for (const candidate of candidates) {
      if (fieldOf.has(candidate.column) || taken.has(candidate.field)) continue;
      fieldOf.set(candidate.column, candidate);
      taken.add(candidate.field);
    }
    return headers.map((header, column) => {
      const chosen = fieldOf.get(column);
      return chosen ? { header, field: chosen.field, confidence: chosen.confidence } : { header, field: null, confidence: 'none' };
    });
  };
}

/**
 * The register import's matcher.
 * @param headers the first row of the sheet, in column order (blank headers are allowed).
 * @returns one match per header, in the same order; `field` is null (confidence 'none') when no
 *   field fits or a stronger column already took the only field that did.
 */
export const matchHeaders: (headers: readonly string[]) => HeaderMatch[] = headerMatcherFor(HEADER_RULES);

/**
 * Applies a (confirmed) mapping to one data row.
 * @param mapping the field chosen for each column, in column order; null columns are skipped.
 * @returns the row's cells keyed by field; missing trailing cells read as ''.
 */
export function cellsByField(mapping: ReadonlyArray<ImportField | null>, row: readonly string[]): Partial<Record<ImportField, string>> {
  const cells: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, column) => {
    if (field !== null) cells[field] = row[column] ?? '';
  });
  return cells;
}
