/**
 * The slots through which other features provide editors for the entry's structured lists (depends
 * on, admin rights, go-live waivers). The form (register) renders whatever is provided; the editors
 * live in their own features (people, change), and features never import each other: the app hands
 * the editors in through `EntryListEditorsProvider`.
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { RegisterEntry } from '@domain';
import type { TeamMember } from '@graph';

export type EntryListField = 'dependsOn' | 'adminRights' | 'goLiveWaivers';
export const ENTRY_LIST_FIELDS: readonly EntryListField[] = ['dependsOn', 'adminRights', 'goLiveWaivers'];

export interface EntryListEditorProps {
  readonly field: EntryListField;
  /** The id to put on the editor's first focusable element: the error summary focuses it. */
  readonly id: string;
  readonly label: string;
  readonly hint: string | undefined;
  readonly error: string | undefined;
  /** The whole draft: an editor reads its own list and may read other fields (the entry's id is not here). */
  readonly entry: RegisterEntry;
  readonly members: readonly TeamMember[];
  /** Replace the list: `onChange({ adminRights: [...] })`. */
  readonly onChange: (patch: Partial<RegisterEntry>) => void;
  /** The saved entry's id (null while adding a service). */
  readonly entryId?: string | null;
}

export type EntryListEditors = Partial<Record<EntryListField, ComponentType<EntryListEditorProps>>>;

const EditorsContext = createContext<EntryListEditors>({});

/** Wrap the register (in the app) with the editors other features provide. */
export const EntryListEditorsProvider = EditorsContext.Provider;

/** The editors provided for the entry's lists (none outside a provider). */
export function useEntryListEditors(): EntryListEditors {
  return useContext(EditorsContext);
}
