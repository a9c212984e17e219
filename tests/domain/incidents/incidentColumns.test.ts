/**
 * The incidents list's plain fields are one schema row each: the list's columns come from the rows
 * (restore time, duration, declarer and the JSON columns are hand-written), the columns are the
 * ones every existing list was provisioned with, and incidents round-trip.
 */
import {
  INCIDENT_FIELD_NAMES,
  INCIDENT_SCHEMA,
  INCIDENTS_LIST,
  addIncidentUpdate,
  fieldsToIncident,
  incidentToFields,
  incidentUpdateKey,
  markPosted,
  restoreIncident,
  reviewIncident,
} from '../../../src/domain/incidents';
import { columnSummary, expectColumnsFromRows } from '../lists/listFromRows';
import { KEY, NOW, declared } from './fixtures';

test('the columns are the schema rows’ columns, in their places among the hand-written ones', () => {
  expectColumnsFromRows(INCIDENTS_LIST, INCIDENT_SCHEMA, ['RestoredAt', 'DurationMinutes', 'DeclaredBy', 'DeclaredByEntraId', 'Updates', 'Review', 'Thread', 'PostedKeys']);
  expect(INCIDENT_FIELD_NAMES).toEqual(['Title', ...INCIDENTS_LIST.columns.map((column) => column.name)]);
});

test('the columns are the ones existing lists were provisioned with', () => {
  expect(INCIDENTS_LIST.columns.map(columnSummary)).toEqual([
    'IncidentKey | Incident key | text indexed unique',
    'EntryId | Register entry id | text indexed',
    'ServiceTitle | Service | text',
    'Impact | Impact | choice [Down/Degraded]',
    'Seen | What is seen | note',
    'StartedAt | Started at (UTC) | text',
    'State | State | choice [Open/Restored] indexed',
    'RestoredAt | Restored at (UTC) | text',
    'DurationMinutes | Duration (minutes) | number',
    'Cause | Cause | note',
    'SupplierReference | Supplier reference | text',
    'Actions | Actions taken | note',
    'DeclaredBy | Declared by | text',
    'DeclaredByEntraId | Declared by Entra id | text',
    'Updates | Updates (JSON) | note',
    'Review | Review (JSON) | note',
    'Thread | Channel thread (JSON) | note',
    'PostedKeys | Cards posted (JSON) | note',
  ]);
});

test('the plain fields are written as their rows say, beside the hand-written ones', () => {
  const fields = incidentToFields(declared({ impact: 'degraded' }));
  expect(fields).toEqual({
    Title: 'EMIS Web degraded', IncidentKey: KEY, EntryId: '1', ServiceTitle: 'EMIS Web', Impact: 'Degraded', Seen: 'Nobody can log in; error 503 on every screen.',
    StartedAt: '2026-03-02T08:15:00.000Z', State: 'Open', RestoredAt: '', DurationMinutes: null, Cause: '', SupplierReference: '', Actions: '',
    DeclaredBy: 'Priya Shah', DeclaredByEntraId: expect.any(String), Updates: '[]', Review: '', Thread: '', PostedKeys: '[]',
  });
});

test('an open, a restored and a reviewed incident round-trip through list item fields', () => {
  const open = declared();
  let restored = addIncidentUpdate(open, { key: incidentUpdateKey(KEY, 1), text: 'Supplier says 1 hour', by: 'Tom' }, NOW);
  restored = markPosted(restored, KEY, { teamId: 't', channelId: '19:c@thread.tacv2', messageId: '1616990032035' });
  restored = restoreIncident(restored, { by: 'Tom', cause: 'Network', actions: 'Paper' }, new Date('2026-03-02T10:00:00Z'));
  const reviewed = reviewIncident(restored, { downtimeProcessRight: false, contactsNeedUpdating: true, notes: 'Call the ICB first', by: 'Priya' }, new Date('2026-03-03T10:00:00Z'));
  for (const incident of [open, restored, reviewed]) expect(fieldsToIncident(JSON.parse(JSON.stringify(incidentToFields(incident))))).toEqual(incident);
});

test('unreadable plain values read as before: impact down, state from the restore time, the service from Title', () => {
  const fields = incidentToFields(declared());
  expect(fieldsToIncident({ ...fields, Impact: 'Sideways', State: undefined, ServiceTitle: '' })).toEqual({ ...declared(), impact: 'down', serviceTitle: 'EMIS Web down' });
  expect(fieldsToIncident({ ...fields, State: 'Unknown', RestoredAt: '2026-03-02T10:00:00Z' })).toMatchObject({ state: 'restored', restoredAt: '2026-03-02T10:00:00Z' });
});
