import {
  addIncidentUpdate,
  affectedBy,
  affectedEntryIds,
  fieldsToIncident,
  IncidentDataError,
  incidentKeyFor,
  incidentsOfEntry,
  incidentToFields,
  incidentUpdateKey,
  INCIDENTS_LIST,
  INCIDENT_FIELD_NAMES,
  markPosted,
  openIncidents,
  openIncidentsByEntry,
  restoreIncident,
  reviewIncident,
} from '../../../src/domain/incidents';
import { PRACTICE_LISTS } from '../../../src/domain/lists/practiceLists';
import { declared, KEY, NOW, register, stored } from './fixtures';

const SECOND = incidentKeyFor('22222222-1111-4222-8333-444455556666');
const THIRD = incidentKeyFor('33333333-1111-4222-8333-444455556666');

describe('open incidents and what they affect', () => {
  const emis = declared();
  const nhsApp = declared({ key: SECOND, entryId: '4', serviceTitle: 'NHS App', impact: 'degraded', startedAt: '2026-03-02T09:00:00Z' });
  const old = restoreIncident(declared({ key: THIRD, startedAt: '2026-03-01T08:00:00Z' }), { by: 'T', restoredAt: '2026-03-01T09:00:00Z' }, NOW);

  it('lists open incidents newest first, per entry, and each entry its own history', () => {
    expect(openIncidents([emis, old, nhsApp]).map((i) => i.key)).toEqual([SECOND, KEY]);
    const byEntry = openIncidentsByEntry([emis, old, nhsApp]);
    expect([...byEntry.keys()].sort()).toEqual(['1', '4']);
    expect(byEntry.get('1')?.map((i) => i.key)).toEqual([KEY]);
    expect(incidentsOfEntry([old, emis, nhsApp], '1').map((i) => i.key)).toEqual([KEY, THIRD]);
  });

  it('marks the failed service and everything that depends on it, directly or through others', () => {
    const affected = affectedBy(register(), [emis, old, nhsApp]);
    expect([...affected.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(affected.get('1')).toEqual([{ incident: emis, direct: true, through: null }]);
    expect(affected.get('2')?.[0]).toMatchObject({ direct: false, through: { depth: 1, title: 'Docman' } });
    expect(affected.get('3')?.[0]?.through?.pathTitles).toEqual(['EMIS Web', 'Docman', 'iGPR']);
    expect(affected.get('5')?.[0]?.incident.key).toBe(SECOND);
    expect(affectedEntryIds(register(), [old])).toEqual(new Set());
  });

  it('lists both incidents for a service depending on two failed ones, the direct one first', () => {
    const entries = register();
    const docmanDown = declared({ key: SECOND, entryId: '2', serviceTitle: 'Docman' });
    const effects = affectedBy(entries, [emis, docmanDown]).get('2') ?? [];
    expect(effects.map((e) => [e.incident.key, e.direct])).toEqual([[SECOND, true], [KEY, false]]);
  });

  it('covers a 500-service register with a cycle, each affected service once per incident', () => {
    const chain = Array.from({ length: 500 }, (_, n) =>
      stored(`s${n}`, { title: `Service ${n}`, dependsOn: n === 0 ? [{ entryId: 's499', title: 'Service 499', kind: 'infrastructure', why: 'loop' }] : [{ entryId: `s${n - 1}`, title: `Service ${n - 1}`, kind: 'integration', why: '' }] }),
    );
    const first = declared({ entryId: 's0', serviceTitle: 'Service 0' });
    const middle = declared({ key: SECOND, entryId: 's250', serviceTitle: 'Service 250' });
    const affected = affectedBy(chain, [first, middle]);
    expect(affected.size).toBe(500);
    expect(affected.get('s0')?.map((e) => [e.incident.key, e.direct])).toEqual([[KEY, true], [SECOND, false]]);
    expect(affected.get('s499')?.map((e) => e.through?.depth)).toEqual([249, 499]);
    for (const effects of affected.values()) expect(new Set(effects.map((e) => e.incident.key)).size).toBe(effects.length);
  });

  it('survives a dependency cycle', () => {
    const entries = register();
    const looped = entries.map((s) => (s.id === '1' ? { ...s, entry: { ...s.entry, dependsOn: [{ entryId: '3', title: 'iGPR', kind: 'integration' as const, why: '' }] } } : s));
    expect([...affectedBy(looped, [emis]).keys()].sort()).toEqual(['1', '2', '3']);
  });
});

describe('the incidents list', () => {
  it('is one of the practice lists, with its key unique and the filtered columns indexed', () => {
    expect(PRACTICE_LISTS).toContain(INCIDENTS_LIST);
    const byName = new Map(INCIDENTS_LIST.columns.map((c) => [c.name, c]));
    expect(byName.get('IncidentKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(byName.get('EntryId')?.indexed).toBe(true);
    expect(byName.get('State')?.indexed).toBe(true);
    for (const name of ['Updates', 'Review', 'Thread', 'PostedKeys', 'Seen', 'Cause', 'Actions']) expect(byName.get(name)?.kind).toBe('note');
    expect(INCIDENT_FIELD_NAMES[0]).toBe('Title');
  });

  it('round-trips every field, including the JSON columns', () => {
    let incident = addIncidentUpdate(declared(), { key: incidentUpdateKey(KEY, 1), text: 'Supplier says 1 hour', by: 'Tom' }, NOW);
    incident = markPosted(incident, KEY, { teamId: 't', channelId: '19:c@thread.tacv2', messageId: '1616990032035' });
    incident = restoreIncident(incident, { by: 'Tom', cause: 'Network', actions: 'Paper' }, new Date('2026-03-02T10:00:00Z'));
    incident = reviewIncident(incident, { downtimeProcessRight: true, contactsNeedUpdating: null, notes: 'ok', by: 'Priya', continuityTestOn: '2026-03-02' }, new Date('2026-03-03T10:00:00Z'));
    const fields = incidentToFields(incident);
    expect(fields).toMatchObject({ IncidentKey: KEY, EntryId: '1', Impact: 'Down', State: 'Restored', DurationMinutes: 105, DeclaredBy: 'Priya Shah' });
    // A list item's fields come back as plain JSON.
    expect(fieldsToIncident(JSON.parse(JSON.stringify(fields)))).toEqual(incident);
    const open = declared();
    expect(incidentToFields(open)).toMatchObject({ State: 'Open', RestoredAt: '', DurationMinutes: null, Review: '', Thread: '' });
    expect(fieldsToIncident(incidentToFields(open))).toEqual(open);
  });

  it('refuses hand-edited JSON rather than emptying it (an emptied PostedKeys would post cards twice)', () => {
    const fields = incidentToFields(declared());
    for (const [column, value] of [
      ['PostedKeys', '{"not":"a list"}'],
      ['PostedKeys', 'inc-1, inc-2'],
      ['Updates', '[{"key":"k","at":"x","by":"y","kind":"shout","text":"t"}]'],
      ['Thread', '{"teamId":"t"}'],
      ['Review', '{"downtimeProcessRight":"yes"}'],
    ] as const) {
      expect(() => fieldsToIncident({ ...fields, [column]: value })).toThrow(IncidentDataError);
    }
    expect(() => fieldsToIncident({ ...fields, IncidentKey: '' })).toThrow(IncidentDataError);
    expect(() => fieldsToIncident({ ...fields, StartedAt: 'soon' })).toThrow(IncidentDataError);
  });
});
