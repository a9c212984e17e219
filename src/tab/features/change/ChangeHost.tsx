/**
 * Where change and go-live join the tab (app/App.tsx wraps the views in it). Kept tiny on purpose:
 * the Changes section, the review questions and the gate's rules are loaded the first time an entry
 * dialog needs them, so the register's first download does not grow.
 */
import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import type { StoredEntry } from '@domain';
import type { ReviewQuestionsProps } from '../../components/entrySections';
import { EntrySectionsProvider, type EntrySections } from '../../components/entrySections';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useRegisterData } from '../../state/registerData';

const LazyChanges = lazy(() => import('./EntryChangesSection').then((module) => ({ default: module.EntryChangesSection })));
const LazyReview = lazy(() => import('./ReviewQuestionsDialog').then((module) => ({ default: module.ReviewQuestionsDialog })));

// Each with its own Suspense, so loading them never suspends the entry form around them.
function ChangesSection(props: { stored: StoredEntry }) {
  return <Suspense fallback={null}><LazyChanges {...props} /></Suspense>;
}
function ReviewQuestions(props: ReviewQuestionsProps) {
  return <Suspense fallback={null}><LazyReview {...props} /></Suspense>;
}
const gateRules = () => import('./goLiveGateRules');

export function ChangeHost(props: { children: ReactNode }) {
  const { recordChange, changesList } = usePracticeRecords();
  const { workspace, today } = useRegisterData();
  const me = workspace.me.displayName;
  const value: EntrySections = useMemo(() => ({
    ChangesSection,
    ReviewQuestions,
    goLiveBlocked: async (entry) => (await gateRules()).goLiveBlockedText(entry),
    recordGoLive: async (saved, from) => {
      // Without the changes list there is nowhere to record it: the entry's Changes section says so.
      if (changesList === 'missing') return;
      const { goLiveRecord } = await gateRules();
      const key = `chg-${crypto.randomUUID().toLowerCase()}`;
      await recordChange(goLiveRecord({ key, entryId: saved.id, entry: saved.entry, fromLifecycle: from, by: me, today, at: new Date().toISOString() }));
    },
  }), [recordChange, changesList, me, today]);
  return <EntrySectionsProvider value={value}>{props.children}</EntrySectionsProvider>;
}
