/** The new entry fields in SharePoint (issues 16 and 17): columns, the round trip, bad JSON and older lists. */
import { emptyEntry, type RegisterEntry } from '../../../src/domain/entry';
import { fieldToAdminRights, fieldToDependencies, fieldToGateWaivers } from '../../../src/domain/entryLists';
import { REGISTER_COLUMNS } from '../../../src/domain/registerColumns';
import { entryToFields, fieldsToEntry } from '../../../src/domain/registerFields';
import { healthyEntry } from '../entryFixture';

const WITH_NEW_FIELDS: RegisterEntry = healthyEntry({
  accessReviewIntervalMonths: 6,
  adminRights: [
    { person: { entraId: 'aaaa', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' }, externalName: '', organisation: 'Practice', agreementOnFile: true, reviewedOn: '2026-03-01' },
    { person: null, externalName: 'Jo Bloggs', organisation: 'EMIS', agreementOnFile: false, reviewedOn: null },
  ],
  trainingLink: 'https://learning.example.nhs.uk/quick-guide',
  staffTrainedOn: '2026-02-01',
  supplierDsptStatus: 'met',
  supplierDsptCheckedOn: '2026-01-20',
  escalationRoute: 'ICB service desk, then the account manager',
  goLiveWaivers: [{ gate: 'dcb0160', reason: 'Supplier safety case accepted', by: 'Priya Shah', on: '2026-03-02' }],
  dependsOn: [{ entryId: '4', title: 'NHSmail', kind: 'shared-login', why: 'Sign-in' }],
});

describe('columns for the new fields', () => {
  it.each([
    ['AccessReviewIntervalMonths', 'number'], ['TrainingLink', 'text'], ['StaffTrainedOn', 'date'], ['SupplierDsptStatus', 'choice'],
    ['SupplierDsptCheckedOn', 'date'], ['EscalationRoute', 'note'], ['AdminRights', 'note'], ['GoLiveWaivers', 'note'], ['DependsOn', 'note'],
  ])('%s is a %s column', (name, kind) => {
    expect(REGISTER_COLUMNS.find((column) => column.name === name)?.kind).toBe(kind);
  });

  it('writes every column the list has, and nothing else', () => {
    const written = Object.keys(entryToFields(WITH_NEW_FIELDS)).filter((name) => name !== 'Title').sort();
    expect(written).toEqual(REGISTER_COLUMNS.map((column) => column.name).filter((name) => name !== 'EntryKey').sort());
  });
});

describe('entry -> fields -> entry', () => {
  it('keeps every new field', () => {
    expect(fieldsToEntry(entryToFields(WITH_NEW_FIELDS))).toEqual(WITH_NEW_FIELDS);
  });

  it('stores the lists as JSON and the choice as its label; empty lists as blank columns', () => {
    const fields = entryToFields(WITH_NEW_FIELDS);
    expect(JSON.parse(fields.AdminRights as string)).toHaveLength(2);
    expect(fields.SupplierDsptStatus).toBe('Standards met');
    expect(fields.StaffTrainedOn).toBe('2026-02-01T12:00:00Z');
    const blank = entryToFields(emptyEntry());
    expect([blank.AdminRights, blank.GoLiveWaivers, blank.DependsOn]).toEqual(['', '', '']);
  });

  it('keeps 0 (no access review cycle) and reads a missing or blank interval as the default', () => {
    expect(fieldsToEntry(entryToFields({ ...WITH_NEW_FIELDS, accessReviewIntervalMonths: 0 })).accessReviewIntervalMonths).toBe(0);
    for (const value of [undefined, null, '', 'often', -1, 61, 2.5]) {
      expect(fieldsToEntry({ ...entryToFields(WITH_NEW_FIELDS), AccessReviewIntervalMonths: value }).accessReviewIntervalMonths).toBe(12);
    }
  });

  it('reads an item from a list made before these columns as the defaults', () => {
    const fields = entryToFields(WITH_NEW_FIELDS);
    for (const name of ['AccessReviewIntervalMonths', 'AdminRights', 'TrainingLink', 'StaffTrainedOn', 'SupplierDsptStatus', 'SupplierDsptCheckedOn',
      'EscalationRoute', 'GoLiveWaivers', 'DependsOn']) delete fields[name];
    const entry = fieldsToEntry(fields);
    const blank = emptyEntry();
    for (const key of ['accessReviewIntervalMonths', 'adminRights', 'trainingLink', 'staffTrainedOn', 'supplierDsptStatus', 'supplierDsptCheckedOn',
      'escalationRoute', 'goLiveWaivers', 'dependsOn'] as const) expect(entry[key]).toEqual(blank[key]);
    expect(entry.title).toBe(WITH_NEW_FIELDS.title);
  });
});

describe('JSON lists read defensively', () => {
  it.each([
    ['missing', undefined], ['null', null], ['empty', ''], ['not JSON', '{oops'], ['an object', '{"entryId":"1"}'], ['a number', 42],
    ['a string in JSON', '"EMIS"'], ['JSON null', 'null'],
  ])('%s reads as an empty list and never throws', (_label, value) => {
    expect(fieldToDependencies(value)).toEqual([]);
    expect(fieldToAdminRights(value)).toEqual([]);
    expect(fieldToGateWaivers(value)).toEqual([]);
  });

  it('keeps the good elements of a list and drops only the bad ones', () => {
    const json = JSON.stringify([
      { entryId: '1', title: 'EMIS Web', kind: 'integration', why: 'Files letters' },
      { title: 'No id' },
      'text',
      { entryId: '2', title: 'HSCN', kind: 'a new kind', why: 7 },
    ]);
    expect(fieldToDependencies(json)).toEqual([
      { entryId: '1', title: 'EMIS Web', kind: 'integration', why: 'Files letters' },
      { entryId: '2', title: 'HSCN', kind: 'integration', why: '' },
    ]);
    expect(fieldToGateWaivers(JSON.stringify([{ gate: 'nonsense', reason: 'x', by: 'y', on: '2026-01-01' }, { gate: 'dpia', reason: 'r', by: 'b', on: 'soon' },
      { gate: 'dpia', reason: 'r', by: 'b', on: '2026-01-01', extra: true }]))).toEqual([{ gate: 'dpia', reason: 'r', by: 'b', on: '2026-01-01' }]);
    expect(fieldToAdminRights(JSON.stringify([{ person: { entraId: '' }, externalName: 'Jo', organisation: 'EMIS', agreementOnFile: 'yes', reviewedOn: '31/12/2025' }])))
      .toEqual([{ person: null, externalName: 'Jo', organisation: 'EMIS', agreementOnFile: false, reviewedOn: null }]);
  });

  it('a hand-edited item with bad JSON still reads the rest of the entry', () => {
    const entry = fieldsToEntry({ ...entryToFields(WITH_NEW_FIELDS), AdminRights: '[{"externalName": "Jo"', DependsOn: '<script>' });
    expect(entry.adminRights).toEqual([]);
    expect(entry.dependsOn).toEqual([]);
    expect(entry.goLiveWaivers).toEqual(WITH_NEW_FIELDS.goLiveWaivers);
  });
});
