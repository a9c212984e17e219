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

  it('reports an unknown provision with the choices, and keeps the default', () => {
    const result = parse({ provision: 'Bob' });
    expect(result.entry.provision).toBe('practice-owned');
    expect(result.problems).toEqual([
      {
        field: 'provision',
        message: 'Provision "Bob" is not one we recognise. Choose one of: Nationally provided; ICB-provided (core/mandated); '
          + 'ICB-provided (enhanced); Practice-owned; Supplier-managed; PCN-shared.',
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
      { field: 'lastReviewedOn', message: 'Last reviewed on: "31/02/2025" is not a real date: February 2025 has 28 days.' },
      { field: 'nextReviewDue', message: 'Next review due: "29/02/2025" is not a real date: February 2025 has 28 days.' },
    ]);
  });

  it('reads an Excel serial day number in a date column', () => {
    expect(parse({ lastReviewedOn: '45352' }).entry.lastReviewedOn).toBe('2024-03-01');
  });

  it('applies the add form\'s rules: a last review in the future is a problem', () => {
    expect(parse({ lastReviewedOn: '01/01/2026' }).problems).toEqual([{ field: 'lastReviewedOn', message: 'Last review date cannot be in the future' }]);
  });

  it('reports a 300-character service name (the register allows 255) and keeps the text for the user to shorten', () => {
    const name = 'A'.repeat(300);
    const result = parseImportRow({ title: name }, TODAY);
    expect(result.entry.title).toBe(name);
    expect(result.problems).toEqual([{ field: 'title', message: 'Service name must be 255 characters or fewer (it is 300)' }]);
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
      { field: 'ownerEmail', message: 'The owner\'s email "not an email" is not an email address.' },
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
      { index: 0, title: 'Systm One', kind: 'existing', matches: 'SystmOne' },
      { index: 2, title: 'DOCMAN ', kind: 'earlier-row', matches: 'Docman', matchIndex: 1 },
      { index: 5, title: 'docman', kind: 'earlier-row', matches: 'Docman', matchIndex: 1 },
    ]);
  });

  it('compares titles by a key without case or spaces', () => {
    expect(titleKey(' e-Referral  Service ')).toBe('e-referralservice');
  });
});
