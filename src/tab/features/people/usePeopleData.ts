/**
 * The checklists and access reviews of the practice, loaded when People and access opens, and the
 * actions on them. Entry changes (handover, admin rights removed, last access review) go through
 * the register's own store and are put into the register's loaded rows, so every view shows them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccessReviewRecord, Checklist, StoredAccessReview, StoredChecklist } from '@domain/access';
import type { PersonRef } from '@domain';
import {
  handOver,
  markNotApplicableLine,
  openAccessReviewStore,
  openChecklistStore,
  recordAccessReview,
  tick,
  type ActionResult,
} from '@graph/access';
import { useGraphClient } from '../../state/ApiContext';
import { useRegisterData } from '../../state/registerData';

export type PeopleLoad = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready' };

export interface PeopleData {
  readonly load: PeopleLoad;
  readonly checklists: readonly StoredChecklist[];
  readonly unreadable: number;
  readonly reviews: readonly StoredAccessReview[];
  readonly reload: () => void;
  readonly start: (checklist: Checklist) => Promise<StoredChecklist>;
  readonly tickLine: (stored: StoredChecklist, lineKey: string) => Promise<void>;
  readonly notApplicable: (stored: StoredChecklist, lineKey: string, reason: string) => Promise<void>;
  readonly handOverLine: (stored: StoredChecklist, lineKey: string, to: PersonRef | null) => Promise<void>;
  readonly recordReview: (review: AccessReviewRecord) => Promise<void>;
}

export function usePeopleData(siteId: string, checklistsListId: string, reviewsListId: string): PeopleData {
  const client = useGraphClient();
  const { store: register, upsert, workspace } = useRegisterData();
  const checklistStore = useMemo(() => openChecklistStore(client, { siteId, listId: checklistsListId }), [client, siteId, checklistsListId]);
  const reviewStore = useMemo(() => openAccessReviewStore(client, { siteId, listId: reviewsListId }), [client, siteId, reviewsListId]);
  const [load, setLoad] = useState<PeopleLoad>({ kind: 'loading' });
  const [checklists, setChecklists] = useState<readonly StoredChecklist[]>([]);
  const [unreadable, setUnreadable] = useState(0);
  const [reviews, setReviews] = useState<readonly StoredAccessReview[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    Promise.all([checklistStore.list(), reviewStore.list()]).then(
      ([listed, reviewed]) => {
        if (!live) return;
        setChecklists(listed.checklists);
        setUnreadable(listed.unreadable);
        setReviews(reviewed);
        setLoad({ kind: 'ready' });
      },
      (error: unknown) => live && setLoad({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [checklistStore, reviewStore, attempt]);

  const put = useCallback((saved: StoredChecklist) => {
    setChecklists((current) => [...current.filter((item) => item.id !== saved.id), saved]);
  }, []);
  const settle = useCallback(
    (result: ActionResult) => {
      put(result.checklist);
      if (result.entry) upsert(result.entry);
    },
    [put, upsert],
  );
  const context = useCallback(
    () => ({ checklists: checklistStore, register, by: workspace.me.displayName, at: new Date().toISOString() }),
    [checklistStore, register, workspace.me.displayName],
  );

  return {
    load,
    checklists,
    unreadable,
    reviews,
    reload: () => setAttempt((value) => value + 1),
    start: async (checklist) => {
      const saved = await checklistStore.create(checklist);
      put(saved);
      return saved;
    },
    tickLine: async (stored, lineKey) => settle(await tick(context(), stored, lineKey)),
    notApplicable: async (stored, lineKey, reason) => settle(await markNotApplicableLine(context(), stored, lineKey, reason)),
    handOverLine: async (stored, lineKey, to) => settle(await handOver(context(), stored, lineKey, to)),
    recordReview: async (review) => {
      const result = await recordAccessReview(reviewStore, register, review);
      setReviews((current) => [...current.filter((item) => item.id !== result.review.id), result.review]);
      upsert(result.entry);
    },
  };
}
