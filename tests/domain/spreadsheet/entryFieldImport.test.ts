/**
 * Import of the fields issues 14, 16 and 17 added: header synonyms, the structured downtime columns,
 * admin rights read into holders (never dropping a cell), training, supplier DSPT, escalation.
 */
import { mergeEntries } from '../../../src/domain/spreadsheet/entryMerge';
import { matchHeaders } from '../../../src/domain/spreadsheet/headerMatching';
import type { ImportCells } from '../../../src/domain/spreadsheet/importFields';
import { parseImportRow } from '../../../src/domain/spreadsheet/rowParsing';

const TODAY = '2026-06-15';
const parse = (cells: ImportCells) => parseImportRow({ title: 'EMIS Web', ...cells }, TODAY);

describe('headers for the new fields', () => {
  it.each([
    ['Training', 'trainingLink'], ['Quick guide', 'trainingLink'], ['Training link', 'trainingLink'], ['Link to quick guide', 'trainingLink'],
    ['Staff trained on', 'staffTrainedOn'], ['Training date', 'staffTrainedOn'],
    ['Escalation', 'escalationRoute'], ['Escalation route', 'escalationRoute'], ['Who to escalate to', 'escalationRoute'],
    ['Supplier DSPT', 'supplierDsptStatus'], ['DSPT status', 'supplierDsptStatus'], ['DSP Toolkit', 'supplierDsptStatus'],
    ['DSPT checked', 'supplierDsptCheckedOn'], ['Date DSPT checked', 'supplierDsptCheckedOn'],
    ['Access review frequency', 'accessReviewIntervalMonths'], ['How often is access reviewed?', 'accessReviewIntervalMonths'],
    ['Admin rights', 'adminRights'], ['Who has admin access?', 'adminRights'], ['Privileged users', 'adminRights'],
    ['How will you notice?', 'downtimeNotice'], ['How you will know it is down', 'downtimeNotice'],
    ['Paper workaround', 'downtimeWorkaround'], ['Workaround', 'downtimeWorkaround'],
    ['What to tell patients', 'downtimePatients'], ['Patient message', 'downtimePatients'],
    ['Back-filling', 'downtimeBackfill'], ['Backfill', 'downtimeBackfill'], ['Catch up records', 'downtimeBackfill'],
    ['Depends on', 'dependsOn'], ['Go-live waivers', 'goLiveWaivers'],
    // Unchanged: the single downtime column and the older access headers.
    ['If it goes down', 'downtimeProcess'], ['Downtime process', 'downtimeProcess'], ['Last access review', 'lastAccessReview'],
    ['How access is reviewed', 'accessReviewed'], ['Review frequency', 'reviewIntervalMonths'],
  ])('%j -> %s', (header, field) => {
    expect(matchHeaders([header])[0]?.field).toBe(field);
  });

  it('maps a sheet with the four downtime columns and a general one side by side', () => {
    expect(matchHeaders(['System', 'How will you notice', 'Paper workaround', 'What to tell patients', 'Back-filling', 'If it goes down']).map((m) => m.field))
      .toEqual(['title', 'downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill', 'downtimeProcess']);
  });
});

describe('the structured downtime columns', () => {
  it('fills each field from its own column', () => {
    const row = parse({ downtimeNotice: 'Login times out', downtimeWorkaround: 'Paper lists', downtimePatients: 'We will call you back', downtimeBackfill: 'Enter paper notes the same day' });
    expect(row.entry).toMatchObject({ downtimeNotice: 'Login times out', downtimeWorkaround: 'Paper lists', downtimePatients: 'We will call you back', downtimeBackfill: 'Enter paper notes the same day', downtimeProcess: '' });
    expect(row.landed).toMatchObject({ downtimeNotice: 'field', downtimeWorkaround: 'field', downtimePatients: 'field', downtimeBackfill: 'field' });
    expect(row.problems).toEqual([]);
  });

  it('a single labelled "if it goes down" column is sorted by its labels', () => {
    const row = parse({ downtimeProcess: 'How you will notice: no calls come in\nWhat to tell patients: ring back later\nUse the paper book' });
    expect(row.entry.downtimeNotice).toBe('no calls come in');
    expect(row.entry.downtimePatients).toMatch(/^ring back later/);
    expect(row.entry.downtimeProcess).toBe('');
  });

  it('an unlabelled one stays as the downtime process; with structured columns present it is left alone', () => {
    expect(parse({ downtimeProcess: 'Paper lists in reception' }).entry).toMatchObject({ downtimeProcess: 'Paper lists in reception', downtimeWorkaround: '' });
    const both = parse({ downtimeNotice: 'Screens freeze', downtimeProcess: 'What to tell patients: sorry' });
    expect(both.entry).toMatchObject({ downtimeNotice: 'Screens freeze', downtimeProcess: 'What to tell patients: sorry', downtimePatients: '' });
  });
});

describe('admin rights', () => {
  it('reads "Jo Bloggs (EMIS); Sam Smith (ICB)" as two external holders', () => {
    const row = parse({ adminRights: 'Jo Bloggs (EMIS); Sam Smith (ICB)' });
    expect(row.entry.adminRights).toEqual([
      { person: null, externalName: 'Jo Bloggs', organisation: 'EMIS', agreementOnFile: false, reviewedOn: null },
      { person: null, externalName: 'Sam Smith', organisation: 'ICB', agreementOnFile: false, reviewedOn: null },
    ]);
    expect(row.landed.adminRights).toBe('field');
    expect(row.entry.notes).toBe('');
  });

  it('reads the export wording back, agreement and review date included', () => {
    const row = parse({ adminRights: 'Jo Bloggs, EMIS, agreement on file, reviewed 2026-03-01; Sam Smith (ICB)\nTom Reed - Practice' });
    expect(row.entry.adminRights.map((holder) => [holder.externalName, holder.organisation, holder.agreementOnFile, holder.reviewedOn])).toEqual([
      ['Jo Bloggs', 'EMIS', true, '2026-03-01'], ['Sam Smith', 'ICB', false, null], ['Tom Reed', 'Practice', false, null],
    ]);
  });

  it('keeps what is not a named holder in Notes with a warning: no cell is dropped', () => {
    const row = parse({ adminRights: 'Jo Bloggs (EMIS); Practice manager; call 0300 123 4567' });
    expect(row.entry.adminRights).toHaveLength(1);
    expect(row.entry.notes).toBe('Admin rights: Practice manager; call 0300 123 4567');
    expect(row.landed.adminRights).toBe('both');
    expect(row.problems.map((p) => p.field)).toEqual(['adminRights']);
    const none = parse({ adminRights: 'All GPs' });
    expect(none.entry.adminRights).toEqual([]);
    expect(none.landed.adminRights).toBe('notes');
    expect(parse({ adminRights: 'None' }).landed.adminRights).toBe('field');
  });
});

describe('training, supplier DSPT, escalation and the access review interval', () => {
  it('reads each into its field', () => {
    const row = parse({
      trainingLink: 'www.example.nhs.uk/quick-guide', staffTrainedOn: '01/02/2026', supplierDsptStatus: '24/25 Standards Exceeded',
      supplierDsptCheckedOn: '3 March 2026', escalationRoute: 'ICB service desk\nthen the account manager', accessReviewIntervalMonths: 'every 6 months',
    });
    expect(row.entry).toMatchObject({
      trainingLink: 'https://www.example.nhs.uk/quick-guide', staffTrainedOn: '2026-02-01', supplierDsptStatus: 'exceeded', supplierDsptCheckedOn: '2026-03-03',
      escalationRoute: 'ICB service desk\nthen the account manager', accessReviewIntervalMonths: 6,
    });
    expect(row.problems).toEqual([]);
  });

  it.each([['Standards met', 'met'], ['Yes', 'met'], ['Not met', 'not-met'], ['Approaching standards', 'approaching'], ['Not published', 'not-published']])(
    'DSPT %j -> %s', (text, code) => expect(parse({ supplierDsptStatus: text }).entry.supplierDsptStatus).toBe(code));

  it('a training cell with words keeps the link in the field and the words in Notes; no https link keeps it all in Notes', () => {
    const worded = parse({ trainingLink: 'See https://learn.example.com/emis (10 minutes)' });
    expect(worded.entry.trainingLink).toBe('https://learn.example.com/emis');
    expect(worded.entry.notes).toBe('Training or quick guide link: See https://learn.example.com/emis (10 minutes)');
    const http = parse({ trainingLink: 'http://insecure.example.com/guide' });
    expect(http.entry.trainingLink).toBe('');
    expect(http.entry.notes).toBe('Training or quick guide link: http://insecure.example.com/guide');
    expect(http.problems[0]?.message).toMatch(/no web address starting with https/);
  });

  it('"No review cycle" is 0; an interval outside 0 to 60 months is kept in Notes', () => {
    expect(parse({ accessReviewIntervalMonths: 'No review cycle' }).entry.accessReviewIntervalMonths).toBe(0);
    const long = parse({ accessReviewIntervalMonths: '10 years' });
    expect(long.entry.accessReviewIntervalMonths).toBe(12);
    expect(long.entry.notes).toBe('Access review interval: 10 years');
  });

  it('a year-only training date is a warning with the text kept', () => {
    const row = parse({ staffTrainedOn: '2022' });
    expect(row.entry.staffTrainedOn).toBeNull();
    expect(row.entry.notes).toBe('Staff trained on: 2022');
  });

  it('depends-on and waiver text the row cannot link is kept in Notes', () => {
    const row = parse({ dependsOn: 'NHSmail; HSCN', goLiveWaivers: 'DPIA waived by Priya' });
    expect(row.entry.notes).toBe('Depends on: NHSmail; HSCN\nGo-live waivers: DPIA waived by Priya');
    expect(row.landed).toMatchObject({ dependsOn: 'notes', goLiveWaivers: 'notes' });
  });
});

describe('merging a repeated row keeps the new fields', () => {
  it('fills empty fields, combines admin rights and waivers, and notes what differs', () => {
    const into = parse({ adminRights: 'Jo Bloggs (EMIS)', escalationRoute: 'ICB desk' }).entry;
    const row = parse({
      adminRights: 'jo bloggs (Optum); Sam Smith (ICB)', escalationRoute: 'Account manager', downtimeNotice: 'Screens freeze',
      trainingLink: 'https://learn.example.com', staffTrainedOn: '01/02/2026', supplierDsptStatus: 'Standards met', accessReviewIntervalMonths: '6',
    }).entry;
    const merged = mergeEntries({ ...into, goLiveWaivers: [{ gate: 'dpia', reason: 'Ours', by: 'P', on: '2026-01-01' }] },
      { ...row, goLiveWaivers: [{ gate: 'dpia', reason: 'Theirs', by: 'Q', on: '2026-01-02' }, { gate: 'training', reason: 'New', by: 'Q', on: '2026-01-02' }] }, 'Spreadsheet row 9');
    expect(merged).toMatchObject({ downtimeNotice: 'Screens freeze', trainingLink: 'https://learn.example.com', staffTrainedOn: '2026-02-01', escalationRoute: 'ICB desk' });
    expect(merged.adminRights.map((holder) => `${holder.externalName} (${holder.organisation})`)).toEqual(['Jo Bloggs (EMIS)', 'Sam Smith (ICB)']);
    expect(merged.goLiveWaivers.map((waiver) => waiver.reason)).toEqual(['Ours', 'New']);
    expect(merged.notes).toContain('Spreadsheet row 9: Escalation route: Account manager');
    expect(merged.notes).toContain('Spreadsheet row 9: Admin rights: jo bloggs, Optum, no agreement on file, not reviewed');
    expect(merged.notes).toContain('Spreadsheet row 9: Supplier DSPT status: Standards met');
    expect(merged.notes).toContain('Spreadsheet row 9: Access review interval: 6 months');
  });
});
