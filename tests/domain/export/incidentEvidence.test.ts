/**
 * Incidents as evidence: question 8 says "Used for real on <date>", the ICB summary gets a "Business
 * continuity and incident management" section, and the DSPT evidence lists them; without incidents
 * each says so or is unchanged. Also the tab's pure incident helpers (affected rows, log sort, UK time input).
 */
import { dsptEvidence, dsptWithIncidents, icbSummary, INCIDENTS_HEADING, withIncidentSection } from '../../../src/domain/export';
import { answerTenQuestions, reviewStatus, riskFlags, withDowntimeUsedForReal, type MaturityRow } from '../../../src/domain';
import { restoreIncident, reviewIncident, type Incident } from '../../../src/domain/incidents';
import { affectedThroughDependencies, instantFromLondonInput, londonInputValue, sortIncidents } from '../../../src/tab/features/incidents/incidentViews';
import { incidentsFirst } from '../../../src/tab/features/my-services/urgency';
import { declared, register, NOW } from '../incidents/fixtures';

const TODAY = '2026-03-02';

function restoredIncident(): Incident {
  const open = declared({ startedAt: '2026-03-02T08:00:00Z' });
  const restored = restoreIncident(open, { by: 'Priya Shah', restoredAt: '2026-03-02T09:05:00Z', cause: 'Supplier network fault', actions: 'Paper lists' }, NOW);
  return reviewIncident(restored, { downtimeProcessRight: true, contactsNeedUpdating: false, notes: '', by: 'Priya Shah' }, NOW);
}

test('question 8 says when the downtime process was used for real; without incidents it is unchanged', () => {
  const rows: MaturityRow[] = register().map((s) => ({ id: s.id, entry: s.entry, status: reviewStatus(s.entry, TODAY), flags: riskFlags(s.entry, TODAY, { ownerLeft: false }) }));
  const plain = answerTenQuestions(rows, TODAY);
  expect(withDowntimeUsedForReal(plain, [], TODAY)).toEqual(plain);
  const withIncident = withDowntimeUsedForReal(plain, [restoredIncident()], TODAY);
  const q8 = withIncident.find((a) => a.id === 'downtime');
  expect(q8?.summary).toContain('Used for real on 2 March 2026 (EMIS Web); 1 incident in the last 12 months.');
  expect(withIncident.filter((a) => a.id !== 'downtime')).toEqual(plain.filter((a) => a.id !== 'downtime'));
});

test('the ICB summary gets a business continuity and incident management section with each incident', () => {
  const entries = register().map((s) => s.entry);
  const base = icbSummary(entries, { practice: 'Riverside', today: TODAY });
  const none = withIncidentSection(base, [], TODAY, NOW);
  expect(none.rows.slice(base.rows.length).flat()).toContain('No incidents were declared in the register in the last 12 months.');
  const { rows, headingRows } = withIncidentSection(base, [restoredIncident()], TODAY, NOW);
  const start = base.rows.length;
  expect(rows[start]).toEqual([INCIDENTS_HEADING]);
  expect(headingRows).toEqual([...base.headingRows, start, start + 2]);
  const row = rows[start + 3] as string[];
  expect(row.slice(0, 2)).toEqual(['EMIS Web', 'Down']);
  expect(row).toContain('1 hour 5 minutes');
  expect(row).toContain('Supplier network fault');
  expect(row[8]).toBe('Yes');
});

test('the DSPT evidence lists the incidents after the register table, bold headings kept', () => {
  const entries = register().map((s) => s.entry);
  const base = dsptEvidence(entries, { practice: 'Riverside', today: TODAY });
  const { rows, boldRows, headerRow } = dsptWithIncidents(base, [restoredIncident()], TODAY, NOW);
  expect(headerRow).toBe(base.headerRow);
  expect(rows.slice(0, base.rows.length)).toEqual(base.rows);
  const heading = base.rows.length + 1;
  expect(rows[heading]?.[0]).toContain(INCIDENTS_HEADING);
  expect(boldRows).toEqual([0, base.headerRow, heading, heading + 2]);
  expect(rows[heading + 3]?.[0]).toBe('EMIS Web');
});

test('rows affected through dependencies name the failing service; the failing one is not "affected"', () => {
  const entries = register();
  const affected = affectedThroughDependencies(entries, [declared()]);
  expect(affected.get('2')).toEqual(['EMIS Web']);
  expect(affected.get('3')).toEqual(['EMIS Web']);
  expect(affected.has('1')).toBe(false);
  expect(affected.has('5')).toBe(false);
  expect(affectedThroughDependencies(entries, [restoredIncident()]).size).toBe(0);
});

test('the log sorts by duration and by service, and UK time inputs round-trip across BST', () => {
  const long = restoredIncident();
  const short = { ...long, key: `${long.key.slice(0, -1)}0`, serviceTitle: 'Accurx', restoredAt: '2026-03-02T08:10:00Z' };
  expect(sortIncidents([short, long], { column: 'duration', direction: 'descending' }, NOW).map((i) => i.serviceTitle)).toEqual(['EMIS Web', 'Accurx']);
  expect(sortIncidents([long, short], { column: 'service', direction: 'ascending' }, NOW).map((i) => i.serviceTitle)).toEqual(['Accurx', 'EMIS Web']);
  expect(londonInputValue('2026-07-01T08:30:00Z')).toBe('2026-07-01T09:30');
  expect(instantFromLondonInput('2026-07-01T09:30')).toBe('2026-07-01T08:30:00.000Z');
  expect(instantFromLondonInput('2026-01-15T09:30')).toBe('2026-01-15T09:30:00.000Z');
  expect(instantFromLondonInput('not a time')).toBeNull();
});

test('My services puts services with an open incident first, then those affected, keeping the urgency order', () => {
  const rows = register().map((s) => ({ stored: s, status: 'up-to-date' as const, flags: [] }));
  const ordered = incidentsFirst(rows, new Map([['3', {}]]), new Map([['5', {}]]));
  expect(ordered.map((r) => r.stored.id)).toEqual(['3', '5', '1', '2', '4', '9']);
});
