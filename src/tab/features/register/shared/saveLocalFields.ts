/**
 * Saves a linked entry's local fields (issue 18): only the practice's own item is written, read
 * afresh so none of the PCN's values (which the row shows resolved) are copied into it, and with
 * If-Match on the version the form opened, so someone else's newer local notes are never lost.
 */
import type { RegisterEntry, StoredEntry } from '@domain';
import { ConflictError, type RegisterStore } from '@graph';

export type LocalFields = Pick<RegisterEntry, 'localContact' | 'localAccessProcess' | 'localNotes'>;

export const LOCAL_FIELD_KEYS: ReadonlyArray<keyof LocalFields> = ['localContact', 'localAccessProcess', 'localNotes'];

/**
 * @param openedETag the practice item's eTag when the form opened.
 * @throws ConflictError when the practice's item changed since; GraphError / NetworkError.
 */
export async function saveLocalFields(store: RegisterStore, id: string, openedETag: string, fields: LocalFields): Promise<StoredEntry> {
  const own = await store.get(id);
  if (own.eTag !== openedETag) throw new ConflictError(own);
  const local = Object.fromEntries(LOCAL_FIELD_KEYS.map((key) => [key, fields[key]])) as LocalFields;
  return store.update(id, own.eTag, { ...own.entry, ...local });
}
