/** How long an incident lasted (or has lasted so far), in whole minutes and in words. Pure. */
import { formatLocalDate, londonDateOf } from '../localDate';
import type { Incident } from './incident';

/**
 * Whole minutes from start to restore; for an open incident, from start to `now` (required then).
 * Never negative. @returns null for an open incident without `now`.
 */
export function incidentDurationMinutes(incident: Pick<Incident, 'startedAt' | 'restoredAt'>, now?: Date): number | null {
  const end = incident.restoredAt !== null ? Date.parse(incident.restoredAt) : now?.getTime();
  if (end === undefined) return null;
  const minutes = Math.floor((end - Date.parse(incident.startedAt)) / 60_000);
  return Number.isFinite(minutes) ? Math.max(0, minutes) : null;
}

function unit(count: number, name: string): string {
  return `${count} ${name}${count === 1 ? '' : 's'}`;
}

/**
 * "less than a minute", "45 minutes", "2 hours 5 minutes", "1 day 3 hours" (minutes are dropped
 * once it runs to days: nobody needs them then).
 */
export function durationText(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 1) return 'less than a minute';
  const whole = Math.floor(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/**
 * The duration in words: "Down for 2 hours 5 minutes" style text without the verb, so callers
 * phrase it. Restored: "2 hours 5 minutes". Open with `now`: "2 hours 5 minutes so far". Open without
 * `now`: "still open".
 */
export function incidentDurationText(incident: Pick<Incident, 'startedAt' | 'restoredAt'>, now?: Date): string {
  const minutes = incidentDurationMinutes(incident, now);
  if (minutes === null) return 'still open';
  const text = durationText(minutes);
  return incident.restoredAt === null ? `${text} so far` : text;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14:05 on 1 March 2026" in Europe/London time (cards and the log speak local time). */
export function londonTimeText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${LONDON_TIME.format(date)} on ${formatLocalDate(londonDateOf(date))}`;
}
