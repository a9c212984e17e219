import { emptyEntry } from '../../../src/domain/entry';
import { findDuplicates, parseImportRow, titleKey } from '../../../src/domain/spreadsheet/rowParsing';
import type { ImportCells } from '../../../src/domain/spreadsheet/importFields';

const TODAY = '2025-06-15';

function parse(cells: ImportCells) {
  return parseImportRow({ title: 'EMIS Web', ...cells }, TODAY);
}

function problemFields(cells: ImportCells): string[] {
  return parse(cells).problems.map((problem) => problem.field);
}

describe('parseImportRow', () => {
  it('turns a typical practice spreadsheet row into an entry with no problems', () => {
    const result = parseImportRow(
      {
        title: '  EMIS   Web ',
        category: 'Clinical system',
        provision: 'ICB',
        owner: 'Priya Shah <Priya.Shah@nhs.net>',
        supplier: 'Optum',
        supportPhone: '0300 123 4567',
        dataTypes: 'Patient data; health',
        dpiaStatus: 'Y',
        lifecycle: 'In use',
        criticality: 'H',
        reviewIntervalMonths: 'Annually',
        lastReviewedOn: '01/03/2025',
        notes: 'Line one\nline two',
      },
      TODAY,
    );
    expect(result.problems).toEqual([]);
    expect(result.ownerHint).toEqual({ email: 'priya.shah@nhs.net', name: 'Priya Shah' });
    expect(result.deputyHint).toBeNull();
    expect(result.entry).toEqual({
      ...emptyEntry(),
      title: 'EMIS Web',
      category: 'clinical-system',
      provision: 'icb-core',
      supplier: 'Optum',
      supportPhone: '0300 123 4567',
      dataTypes: ['patient-identifiable', 'special-category'],
      dpiaStatus: 'complete',
      lifecycle: 'live',
      criticality: 'high',
      reviewIntervalMonths: 12,
      lastReviewedOn: '2025-03-01',
      notes: 'Line one\nline two',
    });
  });

  it('gives a blank row the defaults of a new entry and reports only the missing name', () => {
    const result = parseImportRow({}, TODAY);
    expect(result.entry).toEqual(emptyEntry());
    expect(result.problems).toEqual([{ field: 'title', message: 'Enter the service name' }]);
    expect(result.ownerHint).toBeNull();
  });

  it.each([
    ['ICB', 'icb-core'], ['ICB (enhanced)', 'icb-enhanced'], ['national', 'national'], ['NHS England', 'national'],
    ['Nationally provided', 'national'], ['practice', 'practice-owned'], ['Practice funded', 'practice-owned'],
    ['supplier', 'supplier-managed'], ['Third party', 'supplier-managed'], ['PCN', 'pcn-shared'], ['Funded by the ICB', 'icb-core'],
    ['CCG', 'icb-core'], ['pcn-shared', 'pcn-shared'],
  ])('reads the provision %j as %s', (word, code) => {
    const result = parse({ provision: word });
    expect(result.entry.provision).toBe(code);
    expect(result.problems).toEqual([]);
  });

  it('reports an unknown provision with the choices, keeps the default, and keeps the text in Notes', () => {
    const result = parse({ provision: 'Bob' });
    expect(result.entry.provision).toBe('practice-owned');
    expect(result.entry.notes).toBe('Provision: Bob');
    expect(result.problems).toEqual([
      {
        field: 'provision',
        message: 'Provision "Bob" is not one we recognise, so it is left as Practice-owned and the text is kept in Notes. Choose one of: '
          + 'Nationally provided; ICB-provided (core/mandated); ICB-provided (enhanced); Practice-owned; Supplier-managed; PCN-shared.',
      },
    ]);
  });

  it.each([
    ['yes', 'complete'], ['Y', 'complete'], ['✓', 'complete'], ['✔', 'complete'], ['Done', 'complete'], ['no', 'not-assessed'],
    ['N', 'not-assessed'], ['✗', 'not-assessed'], ['In progress', 'in-progress'], ['Draft', 'in-progress'], ['N/A', 'not-required'],
    ['Not required', 'not-required'], ['Not assessed', 'not-assessed'],
  ])('reads the DPIA answer %j as %s', (word, code) => {
    const result = parse({ dpiaStatus: word });
    expect(result.entry.dpiaStatus).toBe(code);
    expect(result.problems).toEqual([]);
  });

  it('reads a date in the DPIA column as a completed DPIA on that date', () => {
    expect(parse({ dpiaStatus: 'Yes - 12/01/2024' }).entry).toMatchObject({ dpiaStatus: 'complete', dpiaDate: '2024-01-12' });
    expect(parse({ dpiaStatus: '12/01/2024' }).entry).toMatchObject({ dpiaStatus: 'complete', dpiaDate: '2024-01-12' });
  });

  it('reports dates that cannot be real, naming the field', () => {
    const result = parse({ lastReviewedOn: '31/02/2025', nextReviewDue: '29/02/2025', dpiaDate: '29/02/2024' });
    expect(result.entry).toMatchObject({ lastReviewedOn: null, nextReviewDue: null, dpiaDate: '2024-02-29' });
    expect(result.problems).toEqual([
      { field: 'lastReviewedOn', message: 'Last reviewed on: "31/02/2025" is not a real date: February 2025 has 28 days. The text is kept in Notes.' },
      { field: 'nextReviewDue', message: 'Next review due: "29/02/2025" is not a real date: February 2025 has 28 days. The text is kept in Notes.' },
    ]);
    expect(result.entry.notes).toBe('Last reviewed on: 31/02/2025\nNext review due: 29/02/2025');
  });

  it('reads an Excel serial day number in a date column', () => {
    expect(parse({ lastReviewedOn: '45352' }).entry.lastReviewedOn).toBe('2024-03-01');
  });

  it('applies the add form\'s rules: a last review in the future is a warning, its text kept in Notes', () => {
    const result = parse({ lastReviewedOn: '01/01/2026' });
    expect(result.problems).toEqual([{ field: 'lastReviewedOn', message: expect.stringMatching(/"01\/01\/2026" is in the future.*kept in Notes/) }]);
    expect(result.entry).toMatchObject({ lastReviewedOn: null, notes: 'Last reviewed on: 01/01/2026' });
  });

  it('cuts a 300-character service name at 255 and keeps it whole in Notes, naming the cell', () => {
    const name = 'A'.repeat(300);
    const result = parseImportRow({ title: name }, TODAY, { where: () => 'row 7, column A (“System”)' });
    expect(result.entry.title).toHaveLength(255);
    expect(result.entry.notes).toBe(`Service name (in full): ${name}`);
    expect(result.problems).toEqual([{ field: 'title', message: 'Row 7, column A (“System”) has 300 characters; Service name holds 255, so it is cut short there and the whole text is kept in Notes.' }]);
    expect(parseImportRow({ title: 'A'.repeat(255) }, TODAY).problems).toEqual([]);
  });

  it('reports a huge notes cell instead of failing', () => {
    expect(problemFields({ notes: 'x'.repeat(50_000) })).toEqual(['notes']);
  });

  it('reads categories, lifecycle and criticality words, and reports unknown ones', () => {
    expect(parse({ category: 'Online consultation', lifecycle: 'Pilot', criticality: 'Amber' }).entry).toMatchObject({
      category: 'online-consultation', lifecycle: 'trial', criticality: 'medium',
    });
    expect(parse({ category: 'AI scribe', lifecycle: 'No longer used', criticality: 'Business critical' }).entry).toMatchObject({
      category: 'ai-tool', lifecycle: 'retired', criticality: 'critical',
    });
    expect(problemFields({ category: 'Purple', lifecycle: 'Maybe', criticality: 'Huge' })).toEqual(['category', 'lifecycle', 'criticality']);
  });

  it('reads review intervals in words or numbers', () => {
    const months = (text: string) => parse({ reviewIntervalMonths: text }).entry.reviewIntervalMonths;
    expect([months('6'), months('6 months'), months('six-monthly'), months('Quarterly'), months('2 years'), months('')]).toEqual([6, 6, 6, 3, 24, 12]);
    expect(problemFields({ reviewIntervalMonths: 'whenever' })).toEqual(['reviewIntervalMonths']);
    expect(problemFields({ reviewIntervalMonths: '120' })).toEqual(['reviewIntervalMonths']);
  });

  it('reports data types it does not recognise', () => {
    const result = parse({ dataTypes: 'Staff, widgets' });
    expect(result.entry.dataTypes).toEqual(['staff']);
    expect(result.problems).toEqual([{ field: 'dataTypes', message: expect.stringContaining('"widgets"') }]);
  });

  it('collects owner and deputy hints from names, emails and a separate email column', () => {
    expect(parse({ owner: 'priya.shah@nhs.net' }).ownerHint).toEqual({ email: 'priya.shah@nhs.net' });
    expect(parse({ owner: 'Dr Tom Reed (Partner)' }).ownerHint).toEqual({ name: 'Dr Tom Reed' });
    expect(parse({ deputy: 'Tom Reed', deputyEmail: 'TOM.REED@nhs.net' }).deputyHint).toEqual({ email: 'tom.reed@nhs.net', name: 'Tom Reed' });
    expect(parse({ owner: 'Priya', ownerEmail: 'not an email' }).problems).toEqual([
      { field: 'ownerEmail', message: 'The owner\'s email "not an email" is not an email address. It is kept in Notes.' },
    ]);
  });

  it('removes the apostrophe our own export adds, so an exported register re-imports unchanged', () => {
    expect(parse({ supportPhone: "'+44 300 123 4567", notes: "'=not a formula" }).entry).toMatchObject({
      supportPhone: '+44 300 123 4567', notes: '=not a formula',
    });
  });

  it('reads a web address typed without https, and refuses other kinds of link', () => {
    expect(parse({ supportUrl: 'www.supplier.example/help' }).entry.supportUrl).toBe('https://www.supplier.example/help');
    expect(problemFields({ supportUrl: 'javascript:alert(1)' })).toEqual(['supportUrl']);
    expect(problemFields({ supportUrl: 'http://supplier.example' })).toEqual(['supportUrl']);
  });

  it('warns when Excel has stripped the leading zero from a phone number', () => {
    expect(parse({ supportPhone: '3001234567' }).problems).toEqual([
      { field: 'supportPhone', message: expect.stringContaining('lost its leading 0') },
    ]);
  });
});

describe('findDuplicates', () => {
  it('finds titles already in the register and repeats within the file, ignoring case and spacing', () => {
    expect(findDuplicates(['Systm One', 'Docman', 'DOCMAN ', 'Accurx', '', 'docman'], ['SystmOne', 'EMIS Web'])).toEqual([
      { index: 0, title: 'Systm One', kind: 'existing', matches: 'SystmOne', matchIndex: 0 },
      { index: 2, title: 'DOCMAN ', kind: 'earlier-row', matches: 'Docman', matchIndex: 1 },
      { index: 5, title: 'docman', kind: 'earlier-row', matches: 'Docman', matchIndex: 1 },
    ]);
  });

  it('compares titles by a key without case or spaces', () => {
    expect(titleKey(' e-Referral  Service ')).toBe('e-referralservice');
  });
});
