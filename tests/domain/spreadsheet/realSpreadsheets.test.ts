/** The words and cells of real practice spreadsheets (issue 14): headers by meaning, contacts, details, merging. */
import { emptyEntry, type RegisterEntry } from '../../../src/domain/entry';
import { describeLanding } from '../../../src/domain/spreadsheet/columnLanding';
import { contactParts } from '../../../src/domain/spreadsheet/contactText';
import { mergeEntries, sameEntry } from '../../../src/domain/spreadsheet/entryMerge';
import { matchHeaders } from '../../../src/domain/spreadsheet/headerMatching';
import { IMPORT_FIELD_LABELS, IMPORT_TARGETS } from '../../../src/domain/spreadsheet/importFields';
import { parseImportRow } from '../../../src/domain/spreadsheet/rowParsing';

const TODAY = '2025-06-15';

describe('headers matched by meaning, in the words practices use', () => {
  it.each([
    ['What we use it for', 'purpose'], ['What the system is used for', 'purpose'], ['What do we use it for?', 'purpose'],
    ['If it goes down', 'downtimeProcess'], ['What to do if it goes down', 'downtimeProcess'], ['If it stops working', 'downtimeProcess'],
    ['How staff get access', 'accessGranted'], ['How do staff get access?', 'accessGranted'], ['How staff access is granted', 'accessGranted'],
    ['CCG', 'provision'], ['CCG / ICB', 'provision'], ['Funded by CCG?', 'provision'], ['Who provides it (CCG/practice)', 'provision'],
    ['Helpdesk', 'supportContact'], ['Support', 'supportContact'], ['Helpdesk / support contact', 'supportContact'],
    ['Who to call', 'supportContact'], ['Helpdesk number', 'supportPhone'], ['Help Desk No.', 'supportPhone'],
    ['The IDs a caller is asked for', 'supportReference'], ['Types of data processed', 'dataTypes'], ['DPIA / IG review', 'dpiaStatus'],
    ['Named local owner', 'owner'], ['Lead', 'owner'], ['In use?', 'lifecycle'], ['BCP last tested', 'continuityLastTested'],
    ['Anything else', 'notes'],
  ])('%j -> %s', (header, field) => {
    expect(matchHeaders([header])[0]?.field).toBe(field);
  });

  it('describes where every field lands, from the same labels the picker shows', () => {
    for (const field of IMPORT_TARGETS) expect(describeLanding(field, 'Header')).toContain(field === 'ownerEmail' || field === 'deputyEmail' ? 'NHS.net account' : IMPORT_FIELD_LABELS[field].split(' ')[0]);
    expect(describeLanding(null, 'Cost')).toBe('Not imported: its cells are left out, and the report counts them.');
    expect(describeLanding('continuityLastTested', 'BCP')).toMatch(/A year or month alone \(“2022”\) is kept in Notes with a warning/);
  });
});

describe('contacts written as free text', () => {
  it.each([
    ['Optum support 0345 122 3456, have ODS code ready', { phone: '0345 122 3456', rest: 'Optum support, have ODS code ready' }],
    ['X-on helpdesk 0333 332 0000 option 1, or https://support.x-on.co.uk', { phone: '0333 332 0000', url: 'https://support.x-on.co.uk', rest: 'X-on helpdesk option 1' }],
    ['Email servicedesk@supplier.co.uk or www.supplier.co.uk/help', { email: 'servicedesk@supplier.co.uk', url: 'https://www.supplier.co.uk/help', rest: 'Email' }],
    ['+44 (0)300 123 4567', { phone: '+44 (0)300 123 4567', rest: '' }],
    ['Ring 111 out of hours', { phone: '111', rest: 'Ring out of hours' }],
    ['Raise a call on the ICB portal, since 2022', { rest: 'Raise a call on the ICB portal, since 2022' }],
    ['see http://old.supplier.example', { rest: 'see http://old.supplier.example' }],
  ])('%j', (text, parts) => {
    expect(contactParts(text)).toEqual(parts);
  });

  it('a free-text support contact fills the phone, email and portal only where their own columns are empty', () => {
    const result = parseImportRow({ title: 'EMIS Web', supportContact: 'Optum 0345 122 3456 or help@optum.example', supportPhone: '0300 000 0000' }, TODAY);
    expect(result.entry).toMatchObject({ supportPhone: '0300 000 0000', supportEmail: 'help@optum.example', notes: 'Support contact: Optum 0345 122 3456 or help@optum.example' });
    expect(result.problems).toEqual([]);
    expect(result.landed).toMatchObject({ supportContact: 'both', supportPhone: 'field' });
  });
});

describe('answers with details, and cells that cannot be read', () => {
  it.each([
    [{ dataTypes: 'Yes (call recordings)' }, { dataTypes: ['patient-identifiable'] }, 'Data processed: call recordings'],
    [{ dataTypes: 'Yes - call recordings' }, { dataTypes: ['patient-identifiable'] }, 'Data processed: call recordings'],
    [{ dataTypes: 'Patient data, staff' }, { dataTypes: ['patient-identifiable', 'staff'] }, ''],
    [{ lifecycle: 'Yes (since 2019)' }, { lifecycle: 'live' }, 'Lifecycle status: since 2019'],
    [{ dpiaStatus: 'Yes (2021, with the ICB)' }, { dpiaStatus: 'complete' }, 'DPIA status: 2021, with the ICB'],
    [{ criticality: 'High - patients cannot book' }, { criticality: 'high' }, 'Criticality: patients cannot book'],
    [{ provision: 'CCG funded' }, { provision: 'icb-core' }, ''],
    [{ provision: 'ICB-provided (core/mandated)' }, { provision: 'icb-core' }, ''],
  ])('%j keeps the answer and the details', (cells, values, notes) => {
    const result = parseImportRow({ title: 'X', ...cells }, TODAY);
    expect(result.entry).toMatchObject({ ...values, notes });
    expect(result.problems).toEqual([]);
  });

  it('a year-only or month-only date is a warning with the text kept, never a refused row', () => {
    const result = parseImportRow({ title: 'X', continuityLastTested: '2022', lastAccessReview: 'March 2023' }, TODAY);
    expect(result.entry).toMatchObject({ continuityLastTested: null, lastAccessReview: null, notes: 'Last access review: March 2023\nContinuity last tested: 2022' });
    expect(result.problems.map((problem) => problem.field)).toEqual(['lastAccessReview', 'continuityLastTested']);
  });

  it('a date outside the register\'s limits (the add form\'s rule) is a warning with the text kept, not a refused row', () => {
    const result = parseImportRow({ title: 'X', continuityLastTested: '01/01/1990', nextReviewDue: '31/12/9999' }, TODAY);
    expect(result.entry).toMatchObject({ continuityLastTested: null, nextReviewDue: null });
    expect(result.entry.notes.split('\n').sort()).toEqual(['Continuity last tested: 01/01/1990', 'Next review due: 31/12/9999']);
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(['continuityLastTested', 'nextReviewDue']);
    expect(result.problems.every((problem) => problem.message.endsWith('The text is kept in Notes.'))).toBe(true);
  });

  it('an owner cell naming two people: the first is matched, the whole text kept', () => {
    const result = parseImportRow({ title: 'X', owner: 'Priya Shah / tom.reed@nhs.net' }, TODAY);
    expect(result.ownerHint).toEqual({ name: 'Priya Shah' });
    expect(result.entry.notes).toBe('Owner: Priya Shah / tom.reed@nhs.net');
    expect(result.landed.owner).toBe('both');
    expect(result.problems).toEqual([{ field: 'owner', message: expect.stringContaining('names more than one person') }]);
  });

  it('an interval outside 1 to 36 months, a bad email and an http link are kept in Notes', () => {
    const result = parseImportRow({ title: 'X', reviewIntervalMonths: '120', supportEmail: 'ring them', supportUrl: 'http://x.example' }, TODAY);
    expect(result.entry).toMatchObject({ reviewIntervalMonths: 12, supportEmail: '', supportUrl: '' });
    expect(result.entry.notes.split('\n')).toEqual(['Support email: ring them', 'Support portal: http://x.example', 'Review interval: 120']);
    expect(result.problems).toHaveLength(3);
  });
});

describe('merging a repeated row into an entry', () => {
  const existing: RegisterEntry = { ...emptyEntry(), title: 'EMIS Web', supplier: 'Optum', provision: 'icb-core', notes: 'Core system.' };
  const row: RegisterEntry = { ...emptyEntry(), title: 'EMIS web', supplier: 'EMIS Health', supportPhone: '0345 122 3456', provision: 'national',
    dataTypes: ['staff'], notes: 'From reception.' };

  it('fills empty fields, never overwrites, and adds what differs to Notes', () => {
    const merged = mergeEntries(existing, row, 'Spreadsheet row 19');
    expect(merged).toMatchObject({ title: 'EMIS Web', supplier: 'Optum', supportPhone: '0345 122 3456', provision: 'icb-core', dataTypes: ['staff'] });
    expect(merged.notes.split('\n')).toEqual([
      'Core system.', 'From reception.', 'Spreadsheet row 19: Supplier: EMIS Health', 'Spreadsheet row 19: Provision: Nationally provided',
    ]);
  });

  it('merging the same row again changes nothing (so a retried import is safe)', () => {
    const once = mergeEntries(existing, row, 'Spreadsheet row 19');
    expect(sameEntry(mergeEntries(once, row, 'Spreadsheet row 19'), once)).toBe(true);
    expect(sameEntry(once, existing)).toBe(false);
  });
});
