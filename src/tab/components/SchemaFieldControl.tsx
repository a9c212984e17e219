/**
 * The form control for one plain schema field, drawn from its row alone: the kind picks the control
 * (text, note, choice, date, months, number, codes), the row gives the label, the hint, the input type, the
 * range and whether it is required. Any record's form can use it; the register's form adds its own
 * editors for people and lists (features/register/EntryFieldControl.tsx).
 *
 * Every control sits in a Fluent `Field` (a visible label, an accessible name and the validation
 * message); a set of checkboxes sits in a fieldset, whose legend names the group.
 */
import { Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { formLabelOf, type FieldRow } from '@domain/schema';

const useStyles = makeStyles({
  checks: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The element id of a field's control, which error summaries link to. */
export function schemaFieldId(key: string): string {
  return `entry-field-${key}`;
}

export interface SchemaFieldControlProps<Rec> {
  readonly row: FieldRow<Rec>;
  readonly record: Rec;
  readonly error: string | undefined;
  readonly onChange: (patch: Partial<Rec>) => void;
}

/** True for the kinds this control draws; people and lists need a form's own editors. */
export function isPlainKind(row: FieldRow<unknown>): boolean {
  return row.kind.type !== 'person' && row.kind.type !== 'list';
}

export function SchemaFieldControl<Rec>({ row, record, error, onChange }: SchemaFieldControlProps<Rec>) {
  const styles = useStyles();
  const { kind, key } = row;
  const id = schemaFieldId(key);
  const label = formLabelOf(row);
  const value: unknown = record[key];
  const set = (next: unknown) => onChange({ [key]: next } as Partial<Rec>);
  const common = { label, validationMessage: error, hint: row.hint, required: row.required !== undefined };

  switch (kind.type) {
    case 'codes': {
      // A fieldset, not a Fluent Field: a Field would hand its label to the first checkbox only.
      const chosen = value as readonly string[];
      const toggle = (code: string, on: boolean) => set(on ? [...chosen, code] : chosen.filter((item) => item !== code));
      return (
        <fieldset id={id} tabIndex={-1} className={styles.checks} aria-describedby={error ? `${id}-error` : undefined}>
          <legend className={styles.legend}>{label}</legend>
          {kind.choices.map((option) => (
            <Checkbox
              key={option.code}
              label={option.label}
              checked={chosen.includes(option.code)}
              onChange={(_event, data) => toggle(option.code, data.checked === true)}
            />
          ))}
          {error ? (
            <Text id={`${id}-error`} className={styles.error} size={200}>
              {error}
            </Text>
          ) : null}
        </fieldset>
      );
    }
    case 'choice':
      return (
        <Field {...common}>
          <Select id={id} value={String(value)} onChange={(_event, data) => set(data.value)}>
            {kind.choices.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'note':
      return (
        <Field {...common}>
          <Textarea id={id} resize="vertical" value={String(value)} onChange={(_event, data) => set(data.value)} />
        </Field>
      );
    case 'date':
      return (
        <Field {...common}>
          <Input id={id} type="date" value={(value as string | null) ?? ''} onChange={(_event, data) => set(data.value === '' ? null : data.value)} />
        </Field>
      );
    case 'months':
    case 'number': {
      const months = value as number;
      return (
        <Field {...common}>
          <Input
            id={id}
            type="number"
            inputMode="numeric"
            min={kind.min}
            max={kind.max}
            value={Number.isNaN(months) ? '' : String(months)}
            onChange={(_event, data) => set(data.value === '' ? Number.NaN : Number(data.value))}
          />
        </Field>
      );
    }
    case 'text':
      return (
        <Field {...common}>
          <Input id={id} type={kind.input ?? 'text'} value={String(value)} onChange={(_event, data) => set(data.value)} />
        </Field>
      );
    default:
      throw new Error(`${key}: a ${kind.type} field needs its form's own editor`);
  }
}
