import { parseCsv } from '../../../src/domain/spreadsheet/csvParse';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes and a BOM', () => {
    const result = parseCsv('\ufeffSystem,Notes\r\n"EMIS Web","Line one\r\nline ""two"""\r\nDocman,\r\n');
    expect(result).toEqual({ rows: [['System', 'Notes'], ['EMIS Web', 'Line one\r\nline "two"'], ['Docman', '']], problem: null });
  });

  it('accepts LF line ends, a missing final line end and skips blank lines', () => {
    expect(parseCsv('a,b\n\n1,2').rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('uses ; when the header row is separated by semicolons (some Excel locales)', () => {
    expect(parseCsv('System;Owner\nEMIS;Priya, Shah\n').rows).toEqual([['System', 'Owner'], ['EMIS', 'Priya, Shah']]);
  });

  it('reports a quote that is never closed instead of swallowing the rest of the file', () => {
    const result = parseCsv('System,Notes\nEMIS,"unfinished\nDocman,ok\n');
    expect(result.problem).toMatch(/line 2.*never closed/);
    expect(result.rows).toEqual([['System', 'Notes']]);
  });
});
