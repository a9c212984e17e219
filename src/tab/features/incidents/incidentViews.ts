/**
 * Pure helpers for the incident views: which services an open incident affects through their
 * dependencies, durations and London times in words, and the incident log's sort.
 */
import type { StoredEntry } from '@domain';
import { affectedBy, incidentDurationMinutes, incidentDurationText, type Incident } from '@domain/incidents';

/**
 * Services affected through their dependencies by open incidents (HI's `affectedBy`, built on
 * `whatElseBreaks`: cycle-safe), each with the names of the failing services it depends on.
 */
export function affectedThroughDependencies(entries: readonly StoredEntry[], incidents: readonly Incident[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [entryId, effects] of affectedBy(entries, incidents)) {
    if (effects.some((effect) => effect.direct)) continue;
    const names = [...new Set(effects.map((effect) => effect.incident.serviceTitle))].sort((a, b) => a.localeCompare(b, 'en-GB'));
    result.set(entryId, names);
  }
  return result;
}

/** "2 hours 5 minutes" (restored) or "... so far" (open), measured to `now`. */
export function durationText(incident: Pick<Incident, 'startedAt' | 'restoredAt'>, now: Date = new Date()): string {
  return incidentDurationText(incident, now);
}

export function durationMinutes(incident: Pick<Incident, 'startedAt' | 'restoredAt'>, now: Date = new Date()): number {
  return incidentDurationMinutes(incident, now) ?? 0;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** "1 Dec 2026, 09:05" in UK time. */
export function londonDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : LONDON.format(new Date(time));
}

/** The value for a `datetime-local` input showing `iso` in UK time ("2026-12-01T09:05"). */
export function londonInputValue(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hour = part('hour') === '24' ? '00' : part('hour');
  return `${part('year')}-${part('month')}-${part('day')}T${hour}:${part('minute')}`;
}

/**
 * The instant a `datetime-local` value means in UK time, or null when it is not a time. Around the
 * clock change an hour that happens twice reads as the first; one that never happens moves forward.
 */
export function instantFromLondonInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // London is UTC+0 or UTC+1: try both offsets and keep the one that reads back as the same wall time.
  for (const offset of [60, 0]) {
    const candidate = new Date(asUtc - offset * 60_000).toISOString();
    if (londonInputValue(candidate) === value) return candidate;
  }
  return new Date(asUtc - 60 * 60_000).toISOString();
}

export type LogColumn = 'service' | 'started' | 'restored' | 'duration' | 'cause' | 'reference' | 'by';
export interface LogSort {
  readonly column: LogColumn;
  readonly direction: 'ascending' | 'descending';
}

export function sortIncidents(incidents: readonly Incident[], sort: LogSort, now: Date = new Date()): Incident[] {
  const key = (incident: Incident): string | number => {
    switch (sort.column) {
      case 'service': return incident.serviceTitle.toLowerCase();
      case 'started': return incident.startedAt;
      case 'restored': return incident.restoredAt ?? '9999';
      case 'duration': return durationMinutes(incident, now);
      case 'cause': return incident.cause.toLowerCase();
      case 'reference': return incident.supplierReference.toLowerCase();
      case 'by': return incident.declaredBy.displayName.toLowerCase();
    }
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...incidents].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const byKey = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb), 'en-GB');
    return sign * byKey || b.startedAt.localeCompare(a.startedAt);
  });
}
