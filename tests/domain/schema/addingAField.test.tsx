/**
 * Adding a plain field is one schema row: a fixture schema (the register's rows plus a contract end
 * date and a licence count) shows each new field in the form, the import (header matching and cell
 * reading), the export, the SharePoint list columns and validation, with no other code.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { emptyEntry, type LocalDate, type RegisterEntry } from '../../../src/domain';
import {
  columnsOf,
  exportTable,
  fieldNamesOf,
  formGroupsOf,
  fromListFields,
  readableValue,
  REGISTER_SCHEMA,
  schemaProblems,
  toListFields,
  type FieldRow,
  type RecordSchema,
} from '../../../src/domain/schema';
import { headerMatcherFor } from '../../../src/domain/spreadsheet/headerMatching';
import { readPlainCells } from '../../../src/domain/spreadsheet/plainCells';
import { RowBuilder } from '../../../src/domain/spreadsheet/rowBuilder';
import { SchemaFieldControl } from '../../../src/tab/components/SchemaFieldControl';

type Entry = RegisterEntry & { contractEnds: LocalDate | null; licences: number };

const CONTRACT_ENDS: FieldRow<Entry> = {
  key: 'contractEnds',
  label: 'Contract end date',
  group: 'Provision',
  hint: 'When the current contract ends, so renewal is planned in time.',
  kind: { type: 'date', noun: 'Contract end date', pastOnly: false },
  column: { name: 'ContractEnds' },
  headers: { exact: ['contract end', 'contract end date', 'renewal date'], likely: ['contract end|ends|expires'] },
};
const LICENCES: FieldRow<Entry> = {
  key: 'licences',
  label: 'Licences',
  group: 'Provision',
  hint: 'How many user licences the practice holds.',
  kind: { type: 'number', min: 1, max: 500 },
  column: { name: 'Licences' },
  headers: { exact: ['licences', 'licence count'], likely: ['licences|licenses'] },
};
const SCHEMA: RecordSchema<Entry> = {
  rows: [...(REGISTER_SCHEMA.rows as ReadonlyArray<FieldRow<Entry>>), CONTRACT_ENDS, LICENCES],
  groups: REGISTER_SCHEMA.groups,
};
const TODAY: LocalDate = '2026-12-01';
const entry: Entry = { ...emptyEntry(), title: 'Docman', contractEnds: '2027-03-31', licences: 12 };

describe('a plain field added as one schema row', () => {
  it('appears in its form group, drawn by its kind with its label and hint', () => {
    expect(formGroupsOf(SCHEMA).find((group) => group.title === 'Provision')?.fields).toEqual(
      expect.arrayContaining(['provision', 'contractEnds', 'licences']),
    );
    const render = (row: FieldRow<Entry>) => renderToString(
      <FluentProvider theme={webLightTheme}>
        <SchemaFieldControl row={row} record={entry} error={undefined} onChange={() => undefined} />
      </FluentProvider>,
    );
    const date = render(CONTRACT_ENDS);
    expect(date).toContain('Contract end date');
    expect(date).toContain('When the current contract ends');
    expect(date).toMatch(/<input[^>]*type="date"[^>]*value="2027-03-31"|<input[^>]*value="2027-03-31"[^>]*type="date"/);
    const count = render(LICENCES);
    expect(count).toContain('How many user licences the practice holds.');
    expect(count).toMatch(/<input(?=[^>]*type="number")(?=[^>]*min="1")(?=[^>]*max="500")(?=[^>]*value="12")[^>]*>/);
  });

  it('is recognised by the import from a spreadsheet header and read from its cells', () => {
    const match = headerMatcherFor(SCHEMA.rows.map((row) => ({ field: row.key, headers: row.headers })));
    expect(match(['System', 'Renewal date', 'Licence count']).map((found) => found.field)).toEqual(['title', 'contractEnds', 'licences']);

    const read = (cells: Record<string, string>) => {
      const builder = new RowBuilder<string>(Object.fromEntries(SCHEMA.rows.map((row) => [row.key, row.label])));
      const values = readPlainCells([CONTRACT_ENDS, LICENCES], {
        cell: (field) => cells[field] ?? '', where: (field) => `the ${field} cell`, builder, today: TODAY, defaults: { ...emptyEntry(), contractEnds: null, licences: 1 },
      });
      return { values, notes: builder.notes, problems: builder.problems.map((problem) => problem.message) };
    };
    expect(read({ contractEnds: '31/03/2027', licences: '12' }).values).toEqual({ contractEnds: '2027-03-31', licences: 12 });
    expect(read({ licences: '1,200' }).problems).toEqual(['Licences "1,200" is not a whole number from 1 to 500, so the default is used and the text is kept in Notes.']);
    // A cell the field cannot hold leaves the default and keeps the text in Notes, with a warning naming the field.
    const bad = read({ contractEnds: 'soon', licences: 'lots' });
    expect(bad.values).toEqual({ contractEnds: null, licences: 1 });
    expect(bad.notes).toEqual(['Contract end date: soon', 'Licences: lots']);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^Contract end date: .*The text is kept in Notes\.$/),
      'Licences "lots" is not a whole number from 1 to 500, so the default is used and the text is kept in Notes.',
    ]);
  });

  it('is a column of the export, headed by its label, in the format the import reads back', () => {
    const [headings, row] = exportTable(SCHEMA, [entry]);
    expect(headings?.slice(-2)).toEqual(['Contract end date', 'Licences']);
    expect(row?.slice(-2)).toEqual(['31/03/2027', '12']);
    expect(readableValue(SCHEMA, entry, 'contractEnds')).toBe('31 March 2027');
  });

  it('is a column of the SharePoint list, selected, written and read back', () => {
    expect(columnsOf(SCHEMA)).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'ContractEnds', displayName: 'Contract end date', kind: 'date' }),
      expect.objectContaining({ name: 'Licences', displayName: 'Licences' }),
    ]));
    expect(fieldNamesOf(SCHEMA)).toEqual(expect.arrayContaining(['ContractEnds', 'Licences']));
    const fields = toListFields(SCHEMA, entry);
    expect(fields).toMatchObject({ ContractEnds: expect.stringMatching(/^2027-03-31/), Licences: 12 });
    expect(fromListFields(SCHEMA, fields, { ...emptyEntry(), contractEnds: null, licences: 1 })).toMatchObject({ contractEnds: '2027-03-31', licences: 12 });
  });

  it('is checked by the schema validation from its kind', () => {
    expect(schemaProblems(SCHEMA, { ...entry, contractEnds: '2040-01-01' }, TODAY).contractEnds).toMatch(/^Contract end date is more than 5 years ahead/);
    expect(schemaProblems(SCHEMA, { ...entry, licences: 501 }, TODAY).licences).toBe('Licences must be a whole number from 1 to 500');
    expect(schemaProblems(SCHEMA, entry, TODAY)).toEqual({});
  });
});
