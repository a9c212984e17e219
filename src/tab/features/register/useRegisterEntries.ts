/**
 * The register's entries, loaded once when the register opens, with the review status and risk
 * flags each row shows. Saves and deletes update the loaded rows in place, so the table reflects a
 * write without another round trip.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  reviewStatus,
  riskFlags,
  type LocalDate,
  type ReviewStatus,
  type RiskFlag,
  type StoredEntry,
} from '../../../domain';
import type { TeamMember } from '../../../graph';
import type { RegisterStore } from '../../../graph/types';

export interface RegisterRow {
  readonly stored: StoredEntry;
  readonly status: ReviewStatus;
  readonly flags: readonly RiskFlag[];
}

export type RegisterState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly rows: readonly RegisterRow[] };

function byTitle(a: StoredEntry, b: StoredEntry): number {
  return a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' });
}

export function useRegisterEntries(store: RegisterStore, members: readonly TeamMember[], today: LocalDate) {
  const [entries, setEntries] = useState<StoredEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    setError(null);
    setEntries(null);
    store.list().then(setEntries, setError);
  }, [store]);
  useEffect(reload, [reload]);

  const memberIds = useMemo(() => new Set(members.map((member) => member.userId)), [members]);

  const state: RegisterState = useMemo(() => {
    if (error) return { kind: 'failed', error };
    if (!entries) return { kind: 'loading' };
    const rows = [...entries].sort(byTitle).map((stored) => {
      const owner = stored.entry.owner;
      const ownerLeft = owner !== null && !memberIds.has(owner.entraId);
      return { stored, status: reviewStatus(stored.entry, today), flags: riskFlags(stored.entry, today, { ownerLeft }) };
    });
    return { kind: 'ready', rows };
  }, [entries, error, memberIds, today]);

  /** Puts a saved entry into the table (adds it, or replaces the row with the same id). */
  const upsert = useCallback((saved: StoredEntry) => {
    setEntries((current) => (current ? [...current.filter((item) => item.id !== saved.id), saved] : [saved]));
  }, []);
  const remove = useCallback((id: string) => {
    setEntries((current) => current?.filter((item) => item.id !== id) ?? null);
  }, []);

  return { state, reload, upsert, remove };
}
