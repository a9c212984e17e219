/**
 * The import's second pass (issue 16): a row whose "depends on" cell names other rows of the same
 * file gets those links once every row has been written and has its list item id. Each entry is
 * patched once, with `If-Match` on the eTag its own write returned (RegisterStore.update;
 * microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-update.md: SharePoint answers 412
 * when the item changed since). On that conflict the entry is read again (the ConflictError carries
 * it) and the links added to what is there now, so nobody's change is undone. Adding a link that is
 * already there changes nothing, so running the import again after an interruption is safe.
 * A link to a row that was not written (skipped, failed) is kept in the entry's Notes instead.
 */
import type { RegisterEntry, StoredEntry } from '@domain';
import { rowLinksToDependencies, withDependencies, type RowLink } from '@domain/dependencies';
import { MULTI_LINE_MAX } from '@domain';
import type { ImportItem, RowOutcome } from './importRunner';
import { updateReapplyingOnce } from './reapply';
import type { RegisterStore } from '@graph';

export interface LinkResult {
  readonly outcomes: readonly RowOutcome[];
  readonly imported: readonly StoredEntry[];
  /** False when a link could not be written (the run can be repeated safely). */
  readonly complete: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function missingNote(missing: readonly RowLink[]): string {
  return `Depends on (row not imported): ${missing.map((link) => `${link.title} (row ${link.rowNumber})`).join('; ')}`;
}

function linked(entry: RegisterEntry, dependsOn: ReturnType<typeof rowLinksToDependencies>['dependsOn'], note: string): RegisterEntry {
  const notes = note === '' || entry.notes.includes(note) ? entry.notes : [entry.notes, note].filter((line) => line !== '').join('\n').slice(0, MULTI_LINE_MAX);
  return { ...entry, dependsOn: withDependencies(entry.dependsOn, dependsOn), notes };
}


export async function linkImportedRows(
  store: RegisterStore,
  items: readonly ImportItem[],
  outcomes: readonly RowOutcome[],
  imported: readonly StoredEntry[],
): Promise<LinkResult> {
  if (!items.some((item) => item.write && (item.dependsOnRows?.length ?? 0) > 0)) return { outcomes, imported, complete: true };
  const latest = new Map(imported.map((saved) => [saved.id, saved]));
  const ids = new Map<number, { id: string; title: string }>();
  for (const outcome of outcomes) {
    const saved = outcome.id === undefined ? undefined : latest.get(outcome.id);
    if (saved) ids.set(outcome.rowNumber, { id: saved.id, title: saved.entry.title });
  }
  // A row folded into an earlier row of the file is that row's entry.
  for (const item of items) {
    const into = item.mergedInto === undefined ? undefined : ids.get(item.mergedInto);
    if (into) ids.set(item.rowNumber, into);
  }
  const byRow = new Map(outcomes.map((outcome, index) => [outcome.rowNumber, index]));
  const nextOutcomes = [...outcomes];
  let complete = true;
  for (const item of items) {
    const links = item.dependsOnRows ?? [];
    const self = ids.get(item.rowNumber);
    const saved = self ? latest.get(self.id) : undefined;
    const at = byRow.get(item.rowNumber);
    if (!item.write || links.length === 0 || !saved || at === undefined) continue;
    const { dependsOn, missing } = rowLinksToDependencies(links, ids, saved.id);
    const note = missing.length > 0 ? missingNote(missing) : '';
    const outcome = nextOutcomes[at] as RowOutcome;
    const say = (text: string) => {
      nextOutcomes[at] = { ...outcome, message: [outcome.message, text].filter((part) => part !== '').join(' ') };
    };
    try {
      const after = await updateReapplyingOnce(store, saved, (entry) => linked(entry, dependsOn, note));
      latest.set(after.id, after);
      if (dependsOn.length > 0) say(`Linked to ${dependsOn.map((dependency) => `“${dependency.title}”`).join(', ')} from this file.`);
      if (missing.length > 0) say(`${missing.map((link) => `Row ${link.rowNumber}`).join(', ')} named in “Depends on” ${missing.length === 1 ? 'was' : 'were'} not imported: kept in Notes.`);
    } catch (error) {
      complete = false;
      say(`Its links to other rows of the file could not be added (${describe(error)}); import the file again to add them.`);
    }
  }
  return { outcomes: nextOutcomes, imported: imported.map((saved) => latest.get(saved.id) ?? saved), complete };
}
