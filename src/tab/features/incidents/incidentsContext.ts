/** What the incident feature's own components share (the engine provides it; other features use incidentSlots). */
import { createContext, useContext } from 'react';
import type { LocalDate, StoredEntry } from '@domain';
import type { IncidentUpdateKind, ReviewInput, StoredIncident } from '@domain/incidents';
import type { DeclareInput } from './incidentChanges';
import type { PendingItem } from './notifyQueue';

export interface RestoreInput {
  readonly at: string;
  readonly cause: string;
  readonly actions: string;
  readonly text: string;
}

export interface IncidentsContextValue {
  readonly incidents: readonly StoredIncident[];
  readonly listState: 'loading' | 'ready' | 'missing' | 'failed';
  readonly entries: readonly StoredEntry[];
  readonly today: LocalDate;
  readonly me: { readonly displayName: string; readonly entraId: string };
  /** Card jobs of this browser (pending, posted, to check). */
  readonly pending: readonly PendingItem[];
  /** `key` is made once per opening of the declare dialog, so a retried declare creates one incident. */
  declare(input: DeclareInput, key: string): Promise<StoredIncident>;
  addUpdate(key: string, kind: Exclude<IncidentUpdateKind, 'restored'>, text: string): Promise<void>;
  restore(key: string, input: RestoreInput): Promise<void>;
  /** Saves the review; when it counts the incident as the continuity test, the entry's last test date too. */
  review(key: string, review: ReviewInput): Promise<void>;
  /** The person checked the channel and the card is not there: post it again. */
  confirmChecked(jobId: string): void;
  openDeclare(entryId: string, returnFocusTo?: HTMLElement | null): void;
  openIncident(key: string): void;
}

export const IncidentsContext = createContext<IncidentsContextValue | null>(null);

/** @throws when used outside the engine (a wiring mistake). */
export function useIncidents(): IncidentsContextValue {
  const value = useContext(IncidentsContext);
  if (!value) throw new Error('useIncidents must be used inside IncidentsEngine');
  return value;
}
