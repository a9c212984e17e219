/**
 * What the change feature adds to the entry dialog, as seen from the register's form: the Changes
 * section, the go-live gate check before a move to Live, recording the go-live once saved, and the
 * review questions behind "Mark reviewed"; and what the network feature adds: the notes from the
 * practice's PCN or ICB. Features never import each other, so the change feature
 * fills this context once in app/ and the form reads it; outside the provider (tests, other hosts)
 * it is empty and the form behaves as before.
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { Lifecycle, RegisterEntry, StoredEntry } from '@domain';

export interface ReviewQuestionsProps {
  readonly open: boolean;
  readonly stored: StoredEntry;
  /** The form's draft: the questions that apply depend on it. */
  readonly draft: RegisterEntry;
  readonly onCancel: () => void;
  /** The reviewer answered: mark reviewed with these changes to the draft (notes). */
  readonly onConfirm: (patch: Partial<RegisterEntry>) => void;
}

export interface EntrySections {
  /** The entry dialog's Changes section (saved entries). */
  readonly ChangesSection: ComponentType<{ stored: StoredEntry }> | null;
  /** Why `entry` cannot move to Live yet, in words; null when it can. */
  readonly goLiveBlocked: ((entry: RegisterEntry) => Promise<string | null>) | null;
  /** Records the go-live of an entry just saved as Live (with the gate's outcome). */
  readonly recordGoLive: ((saved: StoredEntry, from: Lifecycle | null) => Promise<void>) | null;
  /** The questions "Mark reviewed" asks where they apply. */
  readonly ReviewQuestions: ComponentType<ReviewQuestionsProps> | null;
  /** The notes the practice's PCN or ICB left on this entry (the network feature fills it; saved entries). */
  readonly NotesSection?: ComponentType<{ stored: StoredEntry }> | null;
}

export const NO_ENTRY_SECTIONS: EntrySections = { ChangesSection: null, goLiveBlocked: null, recordGoLive: null, ReviewQuestions: null };

const Context = createContext<EntrySections>(NO_ENTRY_SECTIONS);

export const EntrySectionsProvider = Context.Provider;

export function useEntrySections(): EntrySections {
  return useContext(Context);
}
