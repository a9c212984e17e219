import ExcelJS from 'exceljs';
import { writeXlsx } from '../../../../src/domain/spreadsheetFiles';
import { REVIEW_PACK_HEADINGS, UNAVAILABLE_REASONS, icbReviewPack, networkReviewPack, reviewPackSheets, type ReviewPack } from '../../../../src/domain/network';
import { OVERDUE, TODAY, incident, loaded, notOptedIn, practice, stored, unavailable } from './rollupFixtures';

const ABBEY = loaded(practice('a', 'Abbey Medical'), [
  stored('a1', { title: 'EMIS Web', staffTrainedOn: '2026-02-01', trainingLink: 'https://learning.example.nhs.uk/emis' }),
  stored('a2', { title: 'Accurx Scribe', category: 'ai-tool', lifecycle: 'trial', dpiaStatus: 'in-progress' }),
], [incident('a1', 'EMIS Web')]);
const MILL = loaded(practice('m', 'Mill Lane'), [stored('m1', { ...OVERDUE, title: 'Fax', lifecycle: 'retiring', downtimeProcess: '' })], null);
const EMPTY = loaded(practice('e', 'Elm Tree'), []);
const LOADS = [MILL, unavailable(practice('u', 'Upton Surgery'), 'no-access'), ABBEY, notOptedIn(practice('o', 'Oak House')), EMPTY];

const section = (pack: ReviewPack, heading: string) => pack.sections.find((item) => item.heading === heading)!;
const PACK = networkReviewPack(LOADS, 'Northgate PCN', TODAY);

test('the PCN pack has the same headings as the practice pack, with one row per practice in each table', () => {
  expect(PACK.title).toBe('ICB annual digital review: Northgate PCN');
  expect(PACK.subtitle).toBe("Northgate PCN, 5 practices, from each practice's Digital Services Register on 15 June 2026.");
  expect(PACK.sections.map((item) => item.heading)).toEqual(Object.values(REVIEW_PACK_HEADINGS));
  for (const item of PACK.sections.slice(1, -1)) {
    expect(item.table?.columns[0]).toBe('Practice');
    expect(item.table?.rows.map((row) => row[0])).toEqual(['Abbey Medical', 'Elm Tree', 'Mill Lane', 'Oak House', 'Upton Surgery']);
    for (const row of item.table?.rows ?? []) expect(row).toHaveLength(item.table!.columns.length);
  }
});

test('practices not read are named as such in every table and in the introduction, never as empty', () => {
  for (const item of PACK.sections.slice(1, -1)) {
    const rows = item.table!.rows;
    expect(rows[3]!.slice(1)).toEqual(['Not opted in', ...rows[3]!.slice(2).map(() => 'Not known')]);
    expect(rows[4]!.slice(1)).toEqual(['Unavailable (no access)', ...rows[4]!.slice(2).map(() => 'Not known')]);
  }
  const about = section(PACK, REVIEW_PACK_HEADINGS.about).paragraphs;
  expect(about).toContain('5 practices on the roster; 3 read from their own registers.');
  expect(about).toContain(`Upton Surgery: Unavailable: ${UNAVAILABLE_REASONS['no-access']}`);
  expect(about.some((text) => text.startsWith('Oak House: Not opted in'))).toBe(true);
});

test('each section\'s figures per practice', () => {
  const rowOf = (heading: string, name: string) => section(PACK, heading).table!.rows.find((row) => row[0] === name);
  expect(rowOf(REVIEW_PACK_HEADINGS.services, 'Abbey Medical')).toEqual(['Abbey Medical', '2', '2', '1']);
  expect(rowOf(REVIEW_PACK_HEADINGS.services, 'Mill Lane')).toEqual(['Mill Lane', '1', '1', 'Not known']);
  expect(rowOf(REVIEW_PACK_HEADINGS.services, 'Elm Tree')).toEqual(['Elm Tree', '0', '0', '0']);
  expect(rowOf(REVIEW_PACK_HEADINGS.implementation, 'Abbey Medical')).toEqual(['Abbey Medical', '0', '1', 'Accurx Scribe']);
  expect(rowOf(REVIEW_PACK_HEADINGS.training, 'Abbey Medical')).toEqual(['Abbey Medical', '2', '1', '1']);
  expect(rowOf(REVIEW_PACK_HEADINGS.continuity, 'Mill Lane')).toEqual(['Mill Lane', '0 of 1', '0', 'Not known']);
  expect(rowOf(REVIEW_PACK_HEADINGS.future, 'Mill Lane')).toEqual(['Mill Lane', '1', '1', '0']);
  expect(rowOf(REVIEW_PACK_HEADINGS.governance, 'Abbey Medical')).toEqual(['Abbey Medical', '1 of 2', 'Met', '']);
  expect(rowOf(REVIEW_PACK_HEADINGS.governance, 'Mill Lane')).toEqual(['Mill Lane', '1 of 1', 'Gaps', 'Review overdue: 1.']);
  expect(rowOf(REVIEW_PACK_HEADINGS.governance, 'Elm Tree')).toEqual(['Elm Tree', '0 of 0', 'Gaps', 'The register lists no services in use.']);
});

test('Appendix 1 lists every practice\'s services, with a row for a practice with none or not read', () => {
  const appendix = section(PACK, REVIEW_PACK_HEADINGS.appendix);
  expect(appendix.table?.columns.slice(0, 3)).toEqual(['Practice', 'Service', 'Category']);
  expect(appendix.table?.rows.map((row) => row.slice(0, 2))).toEqual([
    ['Abbey Medical', 'Accurx Scribe'],
    ['Abbey Medical', 'EMIS Web'],
    ['Elm Tree', 'No services recorded'],
    ['Mill Lane', 'Fax'],
    ['Oak House', 'Not opted in'],
    ['Upton Surgery', 'Unavailable (no access)'],
  ]);
});

test('the sheets: a "Review" sheet of sections in turn (headings and table headers bold) and the appendix on its own', () => {
  const sheets = reviewPackSheets(icbReviewPack(ABBEY, TODAY));
  expect(sheets.map((sheet) => sheet.name)).toEqual(['Review', 'Summary of services']);
  const [review, appendix] = sheets;
  expect(review!.rows[0]).toEqual(['ICB annual digital review: Abbey Medical']);
  const bold = review!.boldRows!.map((index) => review!.rows[index]![0]);
  expect(bold).toEqual(expect.arrayContaining(['ICB annual digital review: Abbey Medical', 'About this review', '6. Information governance', 'Service']));
  expect(bold).not.toContain('Summary of services');
  expect(review!.rows.map((row) => row[0])).not.toContain(REVIEW_PACK_HEADINGS.appendix);
  expect(appendix!.rows[appendix!.boldRows![2]!]).toEqual(['Service', 'Category', 'Provision', 'Supplier', 'Owner', 'Lifecycle', 'Criticality', 'DPIA', 'Last review', 'Next review due']);
  expect(appendix!.rows.at(-1)![0]).toBe('EMIS Web');
});

test('the sheets go through the XLSX writer as they are, with text a spreadsheet would run kept inert', async () => {
  const hostile = loaded(practice('h', 'Hostile'), [stored('h1', { title: '=HYPERLINK("https://evil.example")' })]);
  const bytes = await writeXlsx(reviewPackSheets(networkReviewPack([hostile, ABBEY], 'Northgate PCN', TODAY)));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Review', 'Summary of services']);
  const values: unknown[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
  expect(values).toContain("'=HYPERLINK(\"https://evil.example\")");
  expect(values.every((value) => typeof value === 'string')).toBe(true);
});
