/** Confirming which register field each spreadsheet column goes into: one labelled select per column. */
import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type HeaderMatch, type ImportField, type SheetData } from '../../../domain';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  sample: { color: tokens.colorNeutralForeground2, maxWidth: '320px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const CONFIDENCE_WORDS = { exact: 'Matched', likely: 'Probably', none: 'Not matched' } as const;

/** @returns the labels of fields chosen for more than one column. */
export function repeatedFields(mapping: ReadonlyArray<ImportField | null>): string[] {
  const seen = new Set<ImportField>();
  const repeated = new Set<string>();
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field)) repeated.add(IMPORT_FIELD_LABELS[field]);
    seen.add(field);
  }
  return [...repeated];
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
  const sample = props.sheet.rows[props.headerIndex + 1]?.cells ?? [];
  const repeated = repeatedFields(props.mapping);
  const hasTitle = props.mapping.includes('title');
  return (
    <section aria-labelledby="import-columns-heading">
      <Text as="h3" id="import-columns-heading" size={400} weight="semibold">
        Check the columns
      </Text>
      <Text as="p">
        Headers were found on row {props.sheet.rows[props.headerIndex]?.rowNumber ?? 1}. Check where each column goes; choose “Don’t import” for
        columns the register does not need.
      </Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">First value</th>
            <th scope="col">Goes into</th>
          </tr>
        </thead>
        <tbody>
          {props.headers.map((header, column) => (
            <tr key={column}>
              <th scope="row">{header.header || `(column ${column + 1}, no header)`}</th>
              <td className={styles.sample}>{sample[column] ?? ''}</td>
              <td>
                <Select
                  aria-label={`Field for column “${header.header || column + 1}”`}
                  value={props.mapping[column] ?? ''}
                  onChange={(_event, data) => props.onChange(column, data.value === '' ? null : (data.value as ImportField))}
                >
                  <option value="">Don’t import</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </Select>
                <Text size={200}>{props.mapping[column] === header.field ? CONFIDENCE_WORDS[header.confidence] : 'Your choice'}</Text>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {repeated.length > 0 ? <Text as="p" role="alert" className={styles.error}>More than one column goes into: {repeated.join(', ')}. Choose one.</Text> : null}
      {!hasTitle ? <Text as="p" role="alert" className={styles.error}>Choose the column that holds the service name.</Text> : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={repeated.length > 0 || !hasTitle} onClick={props.onConfirm}>
          Preview the rows
        </Button>
        <Button onClick={props.onCancel}>Choose another file</Button>
      </div>
    </section>
  );
}
