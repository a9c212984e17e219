/**
 * Confirming where each spreadsheet column lands: one labelled native select per column (keyboard
 * and screen readers work as everywhere else), with a sentence under it, tied to the select by
 * aria-describedby, saying what happens to the column's cells (from the domain's describeLanding,
 * so the screen and the command line say the same). Columns that match no field go to Notes by
 * default; "Don't import" leaves a column out, and the report counts its cells.
 */
import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  IMPORT_FIELD_LABELS, IMPORT_TARGETS, columnLetter, columnName, describeLanding, type HeaderMatch, type ImportField, type SheetData,
} from '@domain';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  sample: { color: tokens.colorNeutralForeground2, maxWidth: '280px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  landing: { color: tokens.colorNeutralForeground2, maxWidth: '420px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const CONFIDENCE_WORDS = { exact: 'Matched by its header', likely: 'Probably, from its header', none: 'No field matched its header' } as const;

/** @returns the labels of fields (other than Notes, which takes any number of columns) chosen for more than one column. */
export function repeatedFields(mapping: ReadonlyArray<ImportField | null>): string[] {
  const seen = new Set<ImportField>();
  const repeated = new Set<string>();
  for (const field of mapping) {
    if (field === null || field === 'notes') continue;
    if (seen.has(field)) repeated.add(IMPORT_FIELD_LABELS[field]);
    seen.add(field);
  }
  return [...repeated];
}

function how(header: HeaderMatch | undefined, field: ImportField | null): string {
  if (header !== undefined && header.field !== null && header.field === field) return CONFIDENCE_WORDS[header.confidence];
  if ((header?.field ?? null) === null && field === 'notes') return 'No field matched its header, so it goes to Notes';
  return 'Your choice';
}

export function ColumnMapping(props: {
  sheet: SheetData;
  headerIndex: number;
  headers: readonly HeaderMatch[];
  mapping: ReadonlyArray<ImportField | null>;
  onChange: (column: number, field: ImportField | null) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const headerCells = props.sheet.rows[props.headerIndex]?.cells ?? [];
  const firstValue = (column: number): string =>
    props.sheet.rows.slice(props.headerIndex + 1).map((row) => row.cells[column] ?? '').find((cell) => cell.trim() !== '') ?? '';
  const repeated = repeatedFields(props.mapping);
  const hasTitle = props.mapping.includes('title');
  return (
    <section aria-labelledby="import-columns-heading">
      <Text as="h3" block id="import-columns-heading" size={400} weight="semibold">
        Check the columns
      </Text>
      <Text as="p" block>
        Headers were found on row {props.sheet.rows[props.headerIndex]?.rowNumber ?? 1}. Each column says where its cells will land; change
        any with its list. Columns the register has no field for go to Notes, so nothing is lost; choose “Don’t import” to leave one out.
      </Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">First value</th>
            <th scope="col">Where its cells land</th>
          </tr>
        </thead>
        <tbody>
          {props.mapping.map((field, column) => {
            const name = columnName(headerCells, column);
            const describedBy = `import-landing-${column}`;
            return (
              <tr key={column}>
                <th scope="row">{`${columnLetter(column)}: ${name}`}</th>
                <td className={styles.sample}>{firstValue(column)}</td>
                <td>
                  <Select
                    aria-label={`Field for column “${name}”`}
                    aria-describedby={describedBy}
                    value={field ?? ''}
                    onChange={(_event, data) => props.onChange(column, data.value === '' ? null : (data.value as ImportField))}
                  >
                    <option value="">Don’t import</option>
                    {IMPORT_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {IMPORT_FIELD_LABELS[target]}
                      </option>
                    ))}
                  </Select>
                  <Text as="p" block size={200} id={describedBy} className={styles.landing} data-testid="column-landing">
                    {`${how(props.headers[column], field)}. ${describeLanding(field, name)}`}
                  </Text>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {repeated.length > 0 ? <Text as="p" block role="alert" className={styles.error}>More than one column goes into: {repeated.join(', ')}. Choose one, or send the others to Notes.</Text> : null}
      {!hasTitle ? <Text as="p" block role="alert" className={styles.error}>Choose the column that holds the service name.</Text> : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={repeated.length > 0 || !hasTitle} onClick={props.onConfirm}>
          Preview the rows
        </Button>
        <Button onClick={props.onCancel}>Choose another file</Button>
      </div>
    </section>
  );
}
