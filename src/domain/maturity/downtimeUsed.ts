/**
 * Question 8 ("What is the downtime process?") with the evidence of incidents: "Used for real on
 * 1 December 2026 (EMIS Web)". A separate step over the answers, so the questions stay as they were
 * for a practice without incidents. Pure.
 */
import type { Incident } from '../incidents/incident';
import type { LocalDate } from '../entry';
import { addMonths, formatLocalDate, londonDateOf } from '../localDate';
import type { MaturityAnswer } from './questions';

export const DOWNTIME_QUESTION_ID = 'downtime';

/** "Used for real on <date> (<services>)", from the latest incident's start; null without incidents. */
export function downtimeUsedForReal(incidents: readonly Pick<Incident, 'startedAt' | 'serviceTitle'>[], today: LocalDate): string | null {
  if (incidents.length === 0) return null;
  const byDay = new Map<LocalDate, Set<string>>();
  for (const incident of incidents) {
    const day = londonDateOf(new Date(incident.startedAt));
    byDay.set(day, (byDay.get(day) ?? new Set()).add(incident.serviceTitle));
  }
  const latest = [...byDay.keys()].sort().at(-1) as LocalDate;
  const names = [...(byDay.get(latest) ?? [])].sort((a, b) => a.localeCompare(b, 'en-GB')).join(', ');
  const yearAgo = addMonths(today, -12);
  const lastYear = incidents.filter((incident) => londonDateOf(new Date(incident.startedAt)) > yearAgo).length;
  const count = lastYear === 1 ? '1 incident' : `${lastYear} incidents`;
  return `Used for real on ${formatLocalDate(latest)} (${names}); ${count} in the last 12 months.`;
}

/** The answers with question 8's summary extended by `downtimeUsedForReal`; unchanged without incidents. */
export function withDowntimeUsedForReal(answers: readonly MaturityAnswer[], incidents: readonly Pick<Incident, 'startedAt' | 'serviceTitle'>[], today: LocalDate): MaturityAnswer[] {
  const used = downtimeUsedForReal(incidents, today);
  return answers.map((item) => (used && item.id === DOWNTIME_QUESTION_ID ? { ...item, summary: `${item.summary} ${used}` } : item));
}
