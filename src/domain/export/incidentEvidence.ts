/**
 * Incidents as evidence: a "Business continuity and incident management" section for the ICB's
 * annual digital review summary, and the same incidents in the DSPT evidence (the downtime process
 * used for real). Separate steps appended to the existing tables, so those stay unchanged for a
 * practice without incidents. Text cells only; the writers neutralise formulas.
 */
import type { Incident } from '../incidents/incident';
import { incidentDurationText, londonTimeText } from '../incidents/duration';
import type { LocalDate } from '../entry';
import { addMonths, londonDateOf } from '../localDate';
import { appendSection, type Section } from './sections';

export const INCIDENTS_HEADING = 'Business continuity and incident management';

const HEADER = ['Service', 'Impact', 'Started', 'Restored', 'Duration', 'Cause', 'Supplier reference', 'Actions taken', 'Downtime process right?',
  'Contacts needed updating?', 'Declared by'];

const yesNo = (value: boolean | null | undefined): string => (value === true ? 'Yes' : value === false ? 'No' : 'Not reviewed');

function incidentRow(incident: Incident, now: Date): string[] {
  return [
    incident.serviceTitle,
    incident.impact === 'down' ? 'Down' : 'Degraded',
    londonTimeText(incident.startedAt),
    incident.restoredAt ? londonTimeText(incident.restoredAt) : 'Still open',
    incidentDurationText(incident, now),
    incident.cause,
    incident.supplierReference,
    incident.actions,
    yesNo(incident.review?.downtimeProcessRight),
    yesNo(incident.review?.contactsNeedUpdating),
    incident.declaredBy.displayName,
  ];
}

/** Incidents that started in the 12 months up to `today`, newest first. */
export function incidentsInLastYear(incidents: readonly Incident[], today: LocalDate): Incident[] {
  const yearAgo = addMonths(today, -12);
  return incidents
    .filter((incident) => londonDateOf(new Date(incident.startedAt)) > yearAgo)
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

/** The section's rows: a summary line, then the table (or a line saying there were none). */
function sectionRows(incidents: readonly Incident[], today: LocalDate, now: Date): Section {
  const recent = incidentsInLastYear(incidents, today);
  const reviewed = recent.filter((incident) => incident.review !== null).length;
  const summary = [`Incidents in the last 12 months: ${recent.length}; restored: ${recent.filter((i) => i.state === 'restored').length}; reviewed afterwards: ${reviewed}.`];
  if (recent.length === 0) return { rows: [summary, ['No incidents were declared in the register in the last 12 months.']], headerOffset: null };
  return { rows: [summary, HEADER, ...recent.map((incident) => incidentRow(incident, now))], headerOffset: 1 };
}

/** The ICB summary with the incident section appended (heading rows stay bold). */
export function withIncidentSection(
  summary: { rows: string[][]; headingRows: number[] },
  incidents: readonly Incident[],
  today: LocalDate,
  now: Date = new Date(),
): { rows: string[][]; headingRows: number[] } {
  return appendSection(summary, INCIDENTS_HEADING, sectionRows(incidents, today, now));
}

/** The DSPT evidence with the incidents after the register table (bold rows for the new heading and header). */
export function dsptWithIncidents(
  evidence: { rows: string[][]; headerRow: number },
  incidents: readonly Incident[],
  today: LocalDate,
  now: Date = new Date(),
): { rows: string[][]; headerRow: number; boldRows: number[] } {
  const start = evidence.rows.length + 1;
  const section = sectionRows(incidents, today, now);
  const boldRows = [0, evidence.headerRow, start];
  if (section.headerOffset !== null) boldRows.push(start + 1 + section.headerOffset);
  const rows = [...evidence.rows, [], [`${INCIDENTS_HEADING}: the downtime process used for real`], ...section.rows];
  return { rows, headerRow: evidence.headerRow, boldRows };
}
