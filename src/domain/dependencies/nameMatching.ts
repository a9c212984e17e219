/**
 * Matching the names a person typed in a "depends on" cell ("EMIS Web; NHSmail") to register
 * entries or other rows of the same file. Names compare ignoring case and all spacing, as the
 * duplicate check does ("Systm One" = "SystmOne"); a name that matches no title exactly may still
 * match a title without its bracketed note ("Docman" = "Docman (document management and workflow)")
 * when exactly one title does, so a short name never picks one of two candidates by chance.
 */
import { titleKey } from '../spreadsheet/duplicates';

/** How two service names compare. */
export function dependencyNameKey(name: string): string {
  return titleKey(name);
}

/** The name without bracketed notes: "Docman (document management)" -> "Docman". */
function shortKey(name: string): string {
  return titleKey(name.replace(/\([^()]*\)|\[[^[\]]*\]/g, ''));
}

/**
 * @returns the names in a cell, split at semicolons, commas and line breaks (not inside brackets,
 *   so "Accurx (messaging, video)" stays one name), trimmed, blanks and repeats left out, in order.
 */
export function splitDependencyNames(text: string): readonly string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let depth = 0;
  let current = '';
  const flush = () => {
    const name = current.trim();
    current = '';
    const key = dependencyNameKey(name);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    names.push(name);
  };
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0 && (char === ';' || char === ',' || char === '\n' || char === '\r')) flush();
    else current += char;
  }
  flush();
  return names;
}

export interface NameCandidate {
  /** Whatever identifies the candidate to the caller (an entry id, or a row's position). */
  readonly ref: string;
  readonly title: string;
}

export interface NameMatch {
  readonly name: string;
  readonly ref: string;
  readonly title: string;
}

export interface NameMatchResult {
  readonly matched: readonly NameMatch[];
  /** Names that matched nothing (or more than one candidate by short name), as typed. */
  readonly unmatched: readonly string[];
}

/** An index of candidates by full and short name, built once for a whole file. */
export interface NameIndex {
  readonly byKey: ReadonlyMap<string, NameCandidate>;
  readonly byShortKey: ReadonlyMap<string, readonly NameCandidate[]>;
}

/** Earlier candidates win a tie on the full name (pass register entries before rows of the file). */
export function buildNameIndex(candidates: readonly NameCandidate[]): NameIndex {
  const byKey = new Map<string, NameCandidate>();
  const byShortKey = new Map<string, NameCandidate[]>();
  for (const candidate of candidates) {
    const key = dependencyNameKey(candidate.title);
    if (key === '') continue;
    if (!byKey.has(key)) byKey.set(key, candidate);
    const short = shortKey(candidate.title);
    if (short === '') continue;
    const list = byShortKey.get(short) ?? [];
    if (!list.some((other) => dependencyNameKey(other.title) === key)) list.push(candidate);
    byShortKey.set(short, list);
  }
  return { byKey, byShortKey };
}

export function matchDependencyName(index: NameIndex, name: string): NameCandidate | undefined {
  const exact = index.byKey.get(dependencyNameKey(name));
  if (exact) return exact;
  const short = index.byShortKey.get(shortKey(name)) ?? index.byShortKey.get(dependencyNameKey(name));
  return short && short.length === 1 ? short[0] : undefined;
}

export function matchDependencyNames(index: NameIndex, names: readonly string[]): NameMatchResult {
  const matched: NameMatch[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const candidate = matchDependencyName(index, name);
    if (candidate) matched.push({ name, ref: candidate.ref, title: candidate.title });
    else unmatched.push(name);
  }
  return { matched, unmatched };
}
