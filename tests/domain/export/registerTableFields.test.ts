/** The export table's columns for the structured downtime fields and the fields issues 16 and 17 added. */
import { emptyEntry, type RegisterEntry } from '../../../src/domain/entry';
import { registerTable } from '../../../src/domain/export/registerTable';
import { toCsv } from '../../../src/domain/spreadsheet/cellSafety';
import { matchHeaders } from '../../../src/domain/spreadsheet/headerMatching';
import { parseImportRow } from '../../../src/domain/spreadsheet/rowParsing';

const ENTRY: RegisterEntry = {
  ...emptyEntry(),
  title: 'Docman',
  downtimeNotice: 'Letters stop arriving', downtimeWorkaround: 'Paper post tray', downtimePatients: 'Results may be late', downtimeBackfill: 'Scan the tray',
  accessReviewIntervalMonths: 0,
  adminRights: [
    { person: null, externalName: 'Jo Bloggs', organisation: 'EMIS', agreementOnFile: true, reviewedOn: '2026-03-01' },
    { person: { entraId: 'a', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' }, externalName: '', organisation: '', agreementOnFile: false, reviewedOn: null },
  ],
  trainingLink: 'https://learn.example.com/docman', staffTrainedOn: '2026-02-01', supplierDsptStatus: 'met', supplierDsptCheckedOn: '2026-01-20',
  escalationRoute: '=HYPERLINK("http://evil")', goLiveWaivers: [{ gate: 'dcb0160', reason: 'Safety case accepted', by: 'Priya Shah', on: '2026-03-02' }],
  dependsOn: [{ entryId: '1', title: 'EMIS Web', kind: 'integration', why: '' }, { entryId: '2', title: 'NHSmail', kind: 'shared-login', why: '' }],
};

function column(header: string): string {
  const [headers, row] = registerTable([ENTRY]);
  const index = headers!.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return row![index]!;
}

describe('export columns for the new fields', () => {
  it.each([
    ['How you will notice it is down', 'Letters stop arriving'], ['Paper workaround', 'Paper post tray'], ['What to tell patients', 'Results may be late'],
    ['Back-filling records afterwards', 'Scan the tray'], ['Access review interval', 'No review cycle'],
    ['Admin rights', 'Jo Bloggs, EMIS, agreement on file, reviewed 2026-03-01; Priya Shah, no agreement on file, not reviewed'],
    ['Training or quick guide link', 'https://learn.example.com/docman'], ['Staff trained on', '01/02/2026'], ['Supplier DSPT status', 'Standards met'],
    ['Supplier DSPT checked on', '20/01/2026'], ['Go-live waivers', 'DCB0160 where it applies waived by Priya Shah on 2026-03-02: Safety case accepted'],
    ['Depends on', 'EMIS Web (integration); NHSmail (shared login)'],
  ])('%s reads "%s"', (header, text) => {
    expect(column(header)).toBe(text);
  });

  it('every header imports back to its own field', () => {
    const [headers] = registerTable([]);
    const fields = matchHeaders(headers!).map((match) => match.field);
    expect(fields.filter((field) => field === null)).toEqual([]);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('re-imports the simple fields and admin rights unchanged', () => {
    const [headers, row] = registerTable([ENTRY]);
    const mapping = matchHeaders(headers!).map((match) => match.field);
    const cells = Object.fromEntries(mapping.map((field, index) => [field, row![index]!]));
    const back = parseImportRow(cells, '2026-06-15').entry;
    expect(back).toMatchObject({
      downtimeNotice: ENTRY.downtimeNotice, downtimeWorkaround: ENTRY.downtimeWorkaround, downtimePatients: ENTRY.downtimePatients,
      downtimeBackfill: ENTRY.downtimeBackfill, accessReviewIntervalMonths: 0, trainingLink: ENTRY.trainingLink, staffTrainedOn: ENTRY.staffTrainedOn,
      supplierDsptStatus: 'met', supplierDsptCheckedOn: ENTRY.supplierDsptCheckedOn, escalationRoute: ENTRY.escalationRoute,
    });
    expect(back.adminRights.map((holder) => holder.externalName)).toEqual(['Jo Bloggs', 'Priya Shah']);
    expect(back.adminRights[0]).toMatchObject({ agreementOnFile: true, reviewedOn: '2026-03-01' });
  });

  it('stays formula-safe in CSV', () => {
    const csv = toCsv(registerTable([ENTRY]));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
