/**
 * Where the network feature joins the entry dialog (app/App.tsx wraps the views in it): the notes
 * the practice's PCN or ICB left on an entry. Kept tiny: the section and the network's Graph room load
 * the first time an entry dialog shows it, so the register's first download does not grow.
 */
import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import type { StoredEntry } from '@domain';
import { EntrySectionsProvider, useEntrySections } from '../../components/entrySections';

const LazyNotes = lazy(() => import('./practice/EntryNetworkNotes').then((module) => ({ default: module.EntryNetworkNotes })));

function NotesSection(props: { stored: StoredEntry }) {
  return <Suspense fallback={null}><LazyNotes {...props} /></Suspense>;
}

export function NetworkHost(props: { children: ReactNode }) {
  const parent = useEntrySections();
  const value = useMemo(() => ({ ...parent, NotesSection }), [parent]);
  return <EntrySectionsProvider value={value}>{props.children}</EntrySectionsProvider>;
}
