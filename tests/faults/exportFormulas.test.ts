/**
 * Matrix F1/F2: exports neutralise every formula trigger. Every text field of an entry holds a
 * formula payload (and the XSS corpus); the register table is written to CSV and to XLSX as the
 * export page does, then read back: no cell starts with a trigger, and every value survives.
 */
import { parseCsv, restoreNeutralisedCell, toCsv, FORMULA_TRIGGER } from '../../src/domain/spreadsheet';
import { writeXlsx } from '../../src/domain/spreadsheetFiles/writeSpreadsheet';
import { registerTable } from '../../src/domain/export';
import { emptyEntry, type RegisterEntry } from '../../src/domain';
import { XSS_PAYLOADS } from './xssCorpus';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠'];
const FORMULAS = [
  ...TRIGGERS.map((trigger) => `${trigger}1+1`),
  ...TRIGGERS.map((trigger) => ` ${trigger}SUM(A1:A9)`),
  `=cmd|' /C calc'!A0`,
  `=HYPERLINK("https://evil.example","Click")`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `a,=1+1`,
  `a";=1+2`,
  `a\n=1+1`,
  '\u00a0=1+1',
];

const TEXT_FIELDS = ['title', 'purpose', 'supplier', 'supportPhone', 'supportEmail', 'supportUrl', 'supportHours', 'supportReference', 'accessGranted', 'accessReviewed', 'accessRemoved', 'downtimeProcess', 'notes',
  'downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill', 'trainingLink', 'escalationRoute'] as const;

function hostileEntries(): RegisterEntry[] {
  const payloads = [...FORMULAS, ...XSS_PAYLOADS];
  return payloads.map((payload) => {
    const entry: Record<string, unknown> = { ...emptyEntry(), dataTypes: ['none'], lastReviewedBy: payload };
    for (const field of TEXT_FIELDS) entry[field] = payload;
    // The structured lists' text starts their cells too.
    entry.adminRights = [{ person: null, externalName: payload, organisation: payload, agreementOnFile: false, reviewedOn: null }];
    entry.dependsOn = [{ entryId: '1', title: payload, kind: 'integration', why: payload }];
    entry.goLiveWaivers = [{ gate: 'dpia', reason: payload, by: payload, on: '2026-01-01' }];
    return entry as unknown as RegisterEntry;
  });
}

it('CSV: no cell starts with a formula trigger, and every value reads back', () => {
  const table = registerTable(hostileEntries());
  const parsed = parseCsv(toCsv(table, { bom: true })).rows;
  let cells = 0;
  let triggered = 0;
  for (const [r, row] of parsed.entries()) {
    for (const [c, cell] of row.entries()) {
      cells += 1;
      if (FORMULA_TRIGGER.test(cell)) triggered += 1;
      expect(restoreNeutralisedCell(cell)).toBe(table[r]?.[c]);
    }
  }
  expect(triggered).toBe(0);
  console.log(`CSV export: cells starting with a formula trigger 0 of ${cells} (${FORMULAS.length} formula payloads x every text field)`);
});

it('XLSX: every cell is a plain string, none starts with a trigger', async () => {
  const table = registerTable(hostileEntries());
  const bytes = await writeXlsx([{ name: 'Register', rows: table }]);
  const ExcelJS = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  let cells = 0;
  let unsafe = 0;
  workbook.worksheets[0]?.eachRow((row) =>
    row.eachCell((cell) => {
      cells += 1;
      if (typeof cell.value !== 'string' || FORMULA_TRIGGER.test(cell.value)) unsafe += 1;
    }),
  );
  expect(cells).toBeGreaterThan(0);
  expect(unsafe).toBe(0);
  console.log(`XLSX export: formulas or trigger-led cells 0 of ${cells}`);
});
