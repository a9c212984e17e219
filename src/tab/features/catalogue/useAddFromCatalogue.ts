/**
 * Creating register entries from ticked catalogue items, one at a time with progress. Each entry's
 * key is derived from the team and the item, so pressing "Add" again after a failure (or in a
 * second window) returns the entries already made instead of duplicating them.
 */
import { useCallback, useState } from 'react';
import { entryFromCatalogue, type CatalogueItem, type StoredEntry } from '../../../domain';
import type { RegisterStore } from '../../../graph/types';

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
    async (items: readonly CatalogueItem[]) => {
      const added: string[] = [];
      setState({ kind: 'adding', done: 0, total: items.length });
      for (const item of items) {
        try {
          onSaved(await store.create(entryFromCatalogue(item), catalogueEntryKey(teamId, item.key)));
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
