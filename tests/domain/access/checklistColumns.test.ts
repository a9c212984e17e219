/**
 * The checklists list's plain fields are one schema row each (the person is one row of three
 * columns): the list's columns come from the rows (previous role, state and lines are
 * hand-written), the columns are the ones every existing list was provisioned with, and
 * checklists round-trip.
 */
import {
  CHECKLIST_FIELD_NAMES,
  CHECKLIST_SCHEMA,
  CHECKLISTS_LIST,
  UnreadableChecklistError,
  checklistToFields,
  fieldsToChecklist,
  type Checklist,
} from '../../../src/domain/access';
import { columnSummary, expectColumnsFromRows } from '../lists/listFromRows';

const HELEN = { entraId: '33333333-3333-3333-3333-333333333333', displayName: 'Helen Carter', upn: 'helen.carter@nhs.net' };
const checklist = (overrides: Partial<Checklist> = {}): Checklist => ({
  key: 'chk-1', kind: 'joiner', person: HELEN, role: 'clinician', previousRole: null, date: '2026-06-30', createdBy: 'Priya Shah',
  createdAt: '2026-06-01T09:00:00.000Z', lines: [{ key: 'access:1', kind: 'access', entryId: '1', serviceTitle: 'EMIS Web', instruction: 'Ask the RA.', status: { state: 'open' } }],
  ...overrides,
});

test('the columns are the schema rows’ columns, in their places among the hand-written ones', () => {
  expectColumnsFromRows(CHECKLISTS_LIST, CHECKLIST_SCHEMA, ['PreviousRole', 'ChecklistState', 'Lines']);
  expect(CHECKLIST_FIELD_NAMES).toEqual(['Title', ...CHECKLISTS_LIST.columns.map((column) => column.name)]);
});

test('the columns are the ones existing lists were provisioned with', () => {
  expect(CHECKLISTS_LIST.columns.map(columnSummary)).toEqual([
    'ChecklistKey | Checklist key | text indexed unique',
    'Kind | Kind | choice [Joiner/Leaver/Role change]',
    'PersonEntraId | Person Entra id | text indexed',
    'PersonDisplayName | Person | text',
    'PersonUpn | Person UPN | text',
    'StaffRole | Role | choice [All staff/Clinician/Reception and admin/Manager]',
    'PreviousRole | Previous role | text',
    'ChecklistDate | Date | date indexed',
    'ChecklistState | State | choice [Open/Complete] indexed',
    'Lines | Lines (JSON) | note',
    'CreatedByName | Started by | text',
    'StartedAt | Started at | text',
  ]);
});

test('the plain fields are written as their rows say, beside the hand-written ones', () => {
  const record = checklist({ kind: 'role-change', previousRole: 'reception-admin' });
  expect(checklistToFields(record)).toEqual({
    Title: 'Role change: Helen Carter', ChecklistKey: 'chk-1', Kind: 'Role change', PersonEntraId: HELEN.entraId, PersonDisplayName: 'Helen Carter',
    PersonUpn: 'helen.carter@nhs.net', StaffRole: 'Clinician', PreviousRole: 'Reception and admin', ChecklistDate: '2026-06-30T12:00:00Z',
    ChecklistState: 'Open', Lines: JSON.stringify({ v: 1, lines: record.lines }), CreatedByName: 'Priya Shah', StartedAt: '2026-06-01T09:00:00.000Z',
  });
});

test.each([
  ['a joiner', checklist()],
  ['a role change from another role', checklist({ kind: 'role-change', role: 'manager', previousRole: 'reception-admin' })],
  ['a complete leaver', checklist({ kind: 'leaver', lines: [] })],
  ['a person without an Entra id', checklist({ person: { entraId: '', displayName: 'Locum GP', upn: 'locum@nhs.net' } })],
])('%s round-trips through list item fields', (_name, record) => {
  expect(fieldsToChecklist('7', JSON.parse(JSON.stringify(checklistToFields(record))))).toEqual(record);
});

test('a missing kind or date is unreadable; an unknown role reads as all staff, as before', () => {
  const fields = checklistToFields(checklist());
  expect(() => fieldsToChecklist('7', { ...fields, Kind: 'Visitor' })).toThrow(UnreadableChecklistError);
  expect(() => fieldsToChecklist('7', { ...fields, ChecklistDate: null })).toThrow(UnreadableChecklistError);
  expect(fieldsToChecklist('7', { ...fields, StaffRole: 'Partner' }).role).toBe('all-staff');
});
