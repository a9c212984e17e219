/**
 * Creating register entries from ticked catalogue items, one at a time with progress. Each entry's
 * key is derived from the team and the item, so pressing "Add" again after a failure (or in a
 * second window) returns the entries already made instead of duplicating them.
 *
 * The catalogue's proposed dependencies (issue 16) are filled in as each entry is created: items a
 * new entry links to are created first (`orderForCreation`), so a link is written with the entry
 * itself, to an entry already in the register or one added in the same go.
 */
import { useCallback, useState } from 'react';
import {
  dependenciesForItem, entryFromCatalogue, orderForCreation, proposeCatalogueDependencies, type CatalogueItem, type StoredEntry,
} from '@domain';
import type { RegisterStore } from '@graph';

export type AddState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'adding'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly added: readonly string[] }
  | { readonly kind: 'failed'; readonly added: readonly string[]; readonly failedOn: string; readonly error: unknown };

export function catalogueEntryKey(teamId: string, itemKey: string): string {
  return `catalogue-${teamId}-${itemKey}`;
}

export function useAddFromCatalogue(store: RegisterStore, teamId: string, onSaved: (saved: StoredEntry) => void) {
  const [state, setState] = useState<AddState>({ kind: 'idle' });
  const add = useCallback(
    async (chosen: readonly CatalogueItem[], existing: readonly StoredEntry[] = []) => {
      const added: string[] = [];
      const proposals = proposeCatalogueDependencies(chosen, existing);
      const items = orderForCreation(chosen, proposals);
      const created = new Map<string, { id: string; title: string }>();
      setState({ kind: 'adding', done: 0, total: items.length });
      for (const item of items) {
        try {
          const entry = { ...entryFromCatalogue(item), dependsOn: dependenciesForItem(item.key, proposals, created) };
          const saved = await store.create(entry, catalogueEntryKey(teamId, item.key));
          created.set(item.key, { id: saved.id, title: saved.entry.title });
          onSaved(saved);
          added.push(item.title);
          setState({ kind: 'adding', done: added.length, total: items.length });
        } catch (error) {
          setState({ kind: 'failed', added, failedOn: item.title, error });
          return;
        }
      }
      setState({ kind: 'done', added });
    },
    [store, teamId, onSaved],
  );
  return { state, add, reset: useCallback(() => setState({ kind: 'idle' }), []) };
}
