import {
  decideImport,
  defaultMapping,
  guessHeaderRow,
  planImport,
  type SheetData,
} from '../../../src/domain';
import { mergeEntries } from '../../../src/domain/spreadsheet/entryMerge';
import { matchHeaders } from '../../../src/domain/spreadsheet/headerMatching';
import { buildNameIndex, matchDependencyNames, splitDependencyNames } from '../../../src/domain/dependencies';
import { healthyEntry } from '../entryFixture';
import { link, stored } from './fixture';

const TODAY = '2026-06-15';

function sheet(rows: string[][]): SheetData {
  return { sheetName: 'Systems', rows: rows.map((cells, index) => ({ rowNumber: index + 1, cells })), notes: [] };
}

function plan(rows: string[][], existing = REGISTER) {
  const data = sheet(rows);
  const guess = guessHeaderRow(data);
  return planImport({ sheet: data, headerIndex: guess.headerIndex, mapping: defaultMapping(data, guess), existing, today: TODAY });
}

const REGISTER = [stored('10', 'EMIS Web'), stored('11', 'NHSmail email'), stored('12', 'Docman (document management and workflow)')];

describe('the "depends on" column', () => {
  it('is found under its usual headers', () => {
    for (const header of ['Depends on', 'Dependencies', 'Relies on', 'Integrates with', 'depends  ON']) {
      expect(matchHeaders(['Service', header])[1]?.field).toBe('dependsOn');
    }
  });

  it('splits names at ; , and line breaks, but not inside brackets, and drops repeats', () => {
    expect(splitDependencyNames('EMIS Web; NHSmail,Docman\nHSCN\r\n ; emis  web')).toEqual(['EMIS Web', 'NHSmail', 'Docman', 'HSCN']);
    expect(splitDependencyNames('Accurx (messaging, video); EMIS')).toEqual(['Accurx (messaging, video)', 'EMIS']);
    expect(splitDependencyNames('  ')).toEqual([]);
  });

  it('matches ignoring case and spaces, and a short name only when one title has it', () => {
    const index = buildNameIndex([
      { ref: 'a', title: 'EMIS Web' },
      { ref: 'b', title: 'Docman (document management)' },
      { ref: 'c', title: 'Lexacom (dictation)' },
      { ref: 'd', title: 'Lexacom (mobile)' },
    ]);
    expect(matchDependencyNames(index, ['emisweb', 'E M I S  web', 'DOCMAN', 'Lexacom', 'Nope'])).toEqual({
      matched: [
        { name: 'emisweb', ref: 'a', title: 'EMIS Web' },
        { name: 'E M I S  web', ref: 'a', title: 'EMIS Web' },
        { name: 'DOCMAN', ref: 'b', title: 'Docman (document management)' },
      ],
      unmatched: ['Lexacom', 'Nope'],
    });
  });

  it('links register entries at once, other rows later, and keeps unknown names in Notes with a warning', () => {
    const rows = plan([
      ['Service', 'Depends on', 'Notes'],
      ['Lab results viewer', 'emis web; Blood bank link; Docman', 'Old notes'],
      ['Blood bank link', 'EMIS Web, NHSmail email', ''],
      ['Dictation', 'Lab Results Viewer\nFax machine; Dictation', ''],
    ]);
    const [viewer, bank, dictation] = rows;
    expect(viewer?.parsed.entry.dependsOn).toEqual([
      { entryId: '10', title: 'EMIS Web', kind: 'integration', why: '' },
      { entryId: '12', title: 'Docman (document management and workflow)', kind: 'integration', why: '' },
    ]);
    expect(viewer?.dependsOnRows).toEqual([{ rowNumber: 3, title: 'Blood bank link', kind: 'integration', why: '' }]);
    expect(viewer?.state).toBe('ready');
    expect(viewer?.parsed.entry.notes).toBe('Old notes');
    expect(viewer?.cells.find((cell) => cell.column === 1)?.landing).toBe('field');

    expect(bank?.parsed.entry.dependsOn.map((dependency) => dependency.entryId)).toEqual(['10', '11']);
    expect(bank?.dependsOnRows).toBeUndefined();

    expect(dictation?.dependsOnRows).toEqual([{ rowNumber: 2, title: 'Lab results viewer', kind: 'integration', why: '' }]);
    expect(dictation?.state).toBe('warning');
    expect(dictation?.parsed.entry.notes).toBe('Depends on (not found in the register or this file): Fax machine\nDepends on (names this service itself): Dictation');
    expect(dictation?.problems.map((problem) => problem.message)).toEqual([
      'Depends on, row 4, column B (“Depends on”): “Fax machine” matches no service in the register or this file. Kept in Notes; link it from the entry once it is added.',
      'Depends on, row 4, column B (“Depends on”): a service cannot depend on itself (“Dictation”). Kept in Notes.',
    ]);
    expect(dictation?.cells.find((cell) => cell.column === 1)?.landing).toBe('both');
  });

  it('carries row links into the decisions, folding a repeated row into the earlier one', () => {
    const rows = plan([
      ['Service', 'Relies on'],
      ['Viewer', 'Bank'],
      ['Bank', ''],
      ['Viewer', 'Scanner'],
      ['Scanner', ''],
    ]);
    const decisions = decideImport(rows);
    expect(decisions.map((decision) => [decision.rowNumber, decision.action, decision.dependsOnRows?.map((row) => row.rowNumber)])).toEqual([
      [2, 'create', [3, 5]],
      [3, 'create', undefined],
      [4, 'skip', undefined],
      [5, 'create', undefined],
    ]);
  });

  it('merging a row combines links without repeating one', () => {
    const into = healthyEntry({ dependsOn: [link('10')] });
    const row = healthyEntry({ dependsOn: [link('10'), link('11')] });
    expect(mergeEntries(into, row, 'Spreadsheet row 4').dependsOn.map((dependency) => dependency.entryId)).toEqual(['10', '11']);
  });
});
