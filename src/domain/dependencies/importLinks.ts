/**
 * The import's "depends on" column (issue 16): a cell of service names ("EMIS Web; NHSmail") becomes
 * links. Names are matched against the register's entries first, then against the other rows of the
 * same file (see nameMatching.ts for how names compare). A link to an entry already in the register
 * is made at once; a link to another row waits for that row to be created (the runner's second pass
 * adds it with If-Match, src/usecases/import/importRunner.ts). A name that matches nothing is kept in the
 * entry's Notes with a warning, so nothing typed is dropped.
 */
import type { Dependency, DependencyKind, StoredEntry } from '../entry';
import { MULTI_LINE_MAX } from '../validation';
import { cleanText } from '../spreadsheet/cellValues';
import { IMPORT_FIELD_LABELS } from '../spreadsheet/importFields';
import type { ParsedRow } from '../spreadsheet/rowParsing';
import { buildNameIndex, dependencyNameKey, matchDependencyName, splitDependencyNames, type NameCandidate } from './nameMatching';

/** A link from one row to another row of the same file, made once both exist. */
export interface RowLink {
  readonly rowNumber: number;
  /** The other row's service name. */
  readonly title: string;
  readonly kind: DependencyKind;
  readonly why: string;
}

/** Imported links are integrations unless a person says otherwise: the column does not say which kind. */
export const IMPORTED_DEPENDENCY_KIND: DependencyKind = 'integration';
export const IMPORTED_DEPENDENCY_WHY = '';
export const UNMATCHED_DEPENDS_ON_LABEL = 'Depends on (not found in the register or this file)';

export interface DependsOnCell {
  readonly rowNumber: number;
  /** The row's own service name (a row never depends on itself). */
  readonly title: string;
  /** The "depends on" cell as typed ('' when the column is absent or blank). */
  readonly text: string;
}

export interface ResolvedDependsOn {
  /** Links to entries already in the register (their ids are known). */
  readonly dependsOn: readonly Dependency[];
  /** Links to other rows of the file. */
  readonly rowLinks: readonly RowLink[];
  /** Names that matched nothing, as typed. */
  readonly unmatched: readonly string[];
  /** Names that are the row's own service. */
  readonly selfNamed: readonly string[];
}

const ROW_REF = 'row:';

export function resolveDependsOnCells(cells: readonly DependsOnCell[], existing: readonly StoredEntry[]): ResolvedDependsOn[] {
  // The register first: a name that is both in the register and a row of the file means the entry.
  const candidates: NameCandidate[] = [
    ...existing.map((stored) => ({ ref: stored.id, title: stored.entry.title })),
    ...cells.filter((cell) => cell.title.trim() !== '').map((cell) => ({ ref: `${ROW_REF}${cell.rowNumber}`, title: cell.title })),
  ];
  const index = buildNameIndex(candidates);
  return cells.map((cell) => {
    const dependsOn: Dependency[] = [];
    const rowLinks: RowLink[] = [];
    const unmatched: string[] = [];
    const selfNamed: string[] = [];
    const ownKey = dependencyNameKey(cell.title);
    const seen = new Set<string>();
    for (const name of splitDependencyNames(cell.text)) {
      const match = matchDependencyName(index, name);
      if (dependencyNameKey(name) === ownKey || match?.ref === `${ROW_REF}${cell.rowNumber}`) {
        selfNamed.push(name);
        continue;
      }
      if (!match) {
        unmatched.push(name);
        continue;
      }
      if (seen.has(match.ref)) continue;
      seen.add(match.ref);
      if (match.ref.startsWith(ROW_REF)) {
        rowLinks.push({ rowNumber: Number(match.ref.slice(ROW_REF.length)), title: match.title, kind: IMPORTED_DEPENDENCY_KIND, why: IMPORTED_DEPENDENCY_WHY });
      } else {
        dependsOn.push({ entryId: match.ref, title: match.title, kind: IMPORTED_DEPENDENCY_KIND, why: IMPORTED_DEPENDENCY_WHY });
      }
    }
    return { dependsOn, rowLinks, unmatched, selfNamed };
  });
}

/**
 * The parsed row with its "depends on" cell applied: register links on the entry, unmatched and
 * self-named names in Notes with a warning, and where the cell landed (field, Notes or both).
 * @param where names the cell in messages ("row 7, column F (“Depends on”)").
 */
export function applyDependsOn(row: ParsedRow, resolved: ResolvedDependsOn, where: string, cellText = ''): ParsedRow {
  const linked = resolved.dependsOn.length + resolved.rowLinks.length;
  const kept = [...resolved.unmatched, ...resolved.selfNamed];
  if (linked === 0 && kept.length === 0) return row;
  // The row parser may have kept the whole cell in Notes, not knowing the register: this replaces that.
  const parserLine = `${IMPORT_FIELD_LABELS.dependsOn}: ${cleanText(cellText, false)}`;
  const problems = row.problems.filter((problem) => problem.field !== 'dependsOn');
  const before = row.entry.notes.split('\n').filter((line) => line !== parserLine).join('\n').trim();
  const notes: string[] = before === '' ? [] : [before];
  if (resolved.unmatched.length > 0) {
    const names = resolved.unmatched.map((name) => `“${name}”`).join(', ');
    problems.push({ field: 'dependsOn', message: `Depends on, ${where}: ${names} ${resolved.unmatched.length === 1 ? 'matches' : 'match'} no service in the register or this file. Kept in Notes; link ${resolved.unmatched.length === 1 ? 'it' : 'them'} from the entry once ${resolved.unmatched.length === 1 ? 'it is' : 'they are'} added.` });
    notes.push(`${UNMATCHED_DEPENDS_ON_LABEL}: ${resolved.unmatched.join('; ')}`);
  }
  if (resolved.selfNamed.length > 0) {
    problems.push({ field: 'dependsOn', message: `Depends on, ${where}: a service cannot depend on itself (“${resolved.selfNamed.join('”, “')}”). Kept in Notes.` });
    notes.push(`Depends on (names this service itself): ${resolved.selfNamed.join('; ')}`);
  }
  const landing = kept.length === 0 ? 'field' : linked === 0 ? 'notes' : 'both';
  return {
    ...row,
    entry: { ...row.entry, dependsOn: [...row.entry.dependsOn, ...resolved.dependsOn], notes: notes.join('\n').slice(0, MULTI_LINE_MAX) },
    problems,
    landed: { ...row.landed, dependsOn: landing },
  };
}

/**
 * The ids of rows' links once the rows exist: `ids` maps a row number to the entry it became
 * (created, or merged into). @returns the links to add, and the rows that were not written.
 */
export function rowLinksToDependencies(links: readonly RowLink[], ids: ReadonlyMap<number, { id: string; title: string }>, selfId: string): {
  readonly dependsOn: readonly Dependency[];
  readonly missing: readonly RowLink[];
} {
  const dependsOn: Dependency[] = [];
  const missing: RowLink[] = [];
  for (const link of links) {
    const target = ids.get(link.rowNumber);
    if (!target) missing.push(link);
    else if (target.id !== selfId && !dependsOn.some((dependency) => dependency.entryId === target.id)) {
      dependsOn.push({ entryId: target.id, title: target.title, kind: link.kind, why: link.why });
    }
  }
  return { dependsOn, missing };
}

/** The entry's links with `extra` added (links to a service already named are not repeated). */
export function withDependencies(current: readonly Dependency[], extra: readonly Dependency[]): readonly Dependency[] {
  const ids = new Set(current.map((dependency) => dependency.entryId));
  const added = extra.filter((dependency) => !ids.has(dependency.entryId) && (ids.add(dependency.entryId), true));
  return added.length === 0 ? current : [...current, ...added];
}
