/**
 * One labelled control for one register field. Every control sits in a Fluent `Field`, which gives
 * it a visible label, an accessible name and its validation message.
 */
import {
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CATEGORIES,
  CLINICAL_SAFETY_STATUSES,
  CRITICALITIES,
  DATA_TYPES,
  DPIA_STATUSES,
  LIFECYCLES,
  PROVISIONS,
  SUPPLIER_DSPT_STATUSES,
  safeHttpsUrl,
  type DataType,
  type Option,
  type RegisterEntry,
} from '../../../domain';
import type { TeamMember } from '../../../graph';
import { OwnerPickerField } from '../../components/OwnerPickerField';
import { FORM_LABELS, type EntryField } from './entryFields';
import { EntryListField } from './entryListEditors';

type Kind = 'text' | 'multiline' | 'date' | 'number' | 'person' | 'dataTypes' | 'list' | { choices: ReadonlyArray<Option<string>> };

const KINDS: Record<EntryField, Kind> = {
  title: 'text', category: { choices: CATEGORIES }, purpose: 'multiline', lifecycle: { choices: LIFECYCLES },
  criticality: { choices: CRITICALITIES }, provision: { choices: PROVISIONS }, owner: 'person', deputy: 'person',
  supplier: 'text', supportPhone: 'text', supportEmail: 'text', supportUrl: 'text', supportHours: 'text',
  supportReference: 'text', dataTypes: 'dataTypes', dpiaStatus: { choices: DPIA_STATUSES }, dpiaDate: 'date',
  clinicalSafetyStatus: { choices: CLINICAL_SAFETY_STATUSES }, accessGranted: 'multiline', accessReviewed: 'multiline',
  accessRemoved: 'multiline', lastAccessReview: 'date', downtimeProcess: 'multiline',
  downtimeNotice: 'multiline', downtimeWorkaround: 'multiline', downtimePatients: 'multiline', downtimeBackfill: 'multiline', continuityLastTested: 'date',
  reviewIntervalMonths: 'number', lastReviewedOn: 'date', lastReviewedBy: 'text', nextReviewDue: 'date', notes: 'multiline',
  accessReviewIntervalMonths: 'number', adminRights: 'list', trainingLink: 'text', staffTrainedOn: 'date',
  supplierDsptStatus: { choices: SUPPLIER_DSPT_STATUSES }, supplierDsptCheckedOn: 'date', escalationRoute: 'multiline',
  goLiveWaivers: 'list', dependsOn: 'list',
};

const INPUT_TYPES: Partial<Record<EntryField, 'tel' | 'email' | 'url'>> = {
  supportPhone: 'tel', supportEmail: 'email', supportUrl: 'url', trainingLink: 'url',
};
/** The number fields' ranges (validation.ts has the same limits and says so in its messages). */
const NUMBER_RANGES: Partial<Record<EntryField, { min: number; max: number }>> = {
  reviewIntervalMonths: { min: 1, max: 36 },
  accessReviewIntervalMonths: { min: 0, max: 60 },
};
/** Every field says what belongs in it, in the guidance's words, so nobody has to guess. */
const HINTS: Partial<Record<EntryField, string>> = {
  title: 'The name staff know it by, for example "EMIS Web" or "Accurx".',
  purpose: 'What the practice uses it for, in a sentence or two.',
  lifecycle: 'Retired services stay in the register as a record.',
  criticality: 'How much patient care is affected when it is unavailable.',
  provision: 'Who provides it: national, the ICB (core or enhanced), the practice, a supplier or the PCN.',
  owner: 'Type a name or email: the practice team first, then the NHS directory.',
  deputy: 'Who covers when the owner is away.',
  supplier: 'The company that supplies or supports it.',
  supportPhone: 'The helpdesk number, for example 0300 123 4567.',
  supportEmail: 'The helpdesk email address.',
  supportUrl: 'A web address starting with https://',
  supportHours: 'For example "Mon to Fri 8am to 6pm".',
  supportReference: 'The ID a caller is asked for, for example the practice ODS code or a customer number.',
  dpiaStatus: 'The data protection impact assessment or IG review.',
  dpiaDate: 'When the DPIA or IG review was completed.',
  clinicalSafetyStatus: 'DCB0160 clinical risk management, where it applies.',
  accessGranted: 'Who approves new accounts and how they are set up.',
  accessReviewed: 'How often, and by whom, the list of users is checked.',
  accessRemoved: 'What happens when someone leaves or changes role.',
  lastAccessReview: 'When access was last checked.',
  accessReviewIntervalMonths: 'Months between access reviews, from 1 to 60; 0 if access is not reviewed on a cycle.',
  adminRights: 'Everyone who holds admin rights, including supplier and ICB engineers.',
  trainingLink: 'The training material or quick guide: a web address starting with https://',
  staffTrainedOn: 'When staff who use it were last trained.',
  supplierDsptStatus: "The supplier's Data Security and Protection Toolkit status, as published on the DSPT website.",
  supplierDsptCheckedOn: 'When the supplier\'s DSPT status was last checked.',
  escalationRoute: 'Who to go to when the helpdesk does not resolve it, e.g. the ICB service desk, then the account manager.',
  goLiveWaivers: 'Go-live requirements waived by a named person, with the reason.',
  dependsOn: 'Other services this one needs: when one of them fails, this one may fail too.',
  downtimeNotice: 'The signs staff will see first, e.g. "the login screen times out" or "calls do not connect".',
  downtimeWorkaround: 'What staff do on paper while it is down, and where the paper forms are kept.',
  downtimePatients: 'What reception tells patients, e.g. "we can still see you, but prescriptions will be sent later".',
  downtimeBackfill: 'How records made on paper are entered once it is back, and by whom.',
  downtimeProcess: 'Anything else about downtime that fits none of the fields above (older free text is kept here).',
  continuityLastTested: 'When the downtime process was last rehearsed.',
  reviewIntervalMonths: 'Months between reviews, from 1 to 36.',
  lastReviewedOn: 'Set by "Mark reviewed", or enter it yourself.',
  lastReviewedBy: 'Who did the last review.',
  nextReviewDue: 'Leave blank to use the last review date plus the review interval.',
  notes: 'Anything else the next person needs to know.',
};

const useStyles = makeStyles({
  checks: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function fieldId(field: EntryField): string {
  return `entry-field-${field}`;
}

export interface EntryFieldControlProps {
  readonly field: EntryField;
  readonly entry: RegisterEntry;
  readonly error: string | undefined;
  readonly members: readonly TeamMember[];
  readonly onChange: (patch: Partial<RegisterEntry>) => void;
  /** The saved entry's id (null while adding): editors of links to other entries need it. */
  readonly entryId?: string | null;
}

export function EntryFieldControl({ field, entry, error, members, onChange, entryId = null }: EntryFieldControlProps) {
  const styles = useStyles();
  const kind = KINDS[field];
  const id = fieldId(field);
  const set = (value: unknown) => onChange({ [field]: value } as Partial<RegisterEntry>);
  const common = { label: FORM_LABELS[field], validationMessage: error, hint: HINTS[field], required: field === 'title' };

  if (kind === 'dataTypes') {
    // A fieldset, not a Fluent Field: a Field would hand its label to the first checkbox only.
    const chosen = entry.dataTypes;
    const toggle = (code: DataType, on: boolean) => set(on ? [...chosen, code] : chosen.filter((item) => item !== code));
    return (
      <fieldset id={id} tabIndex={-1} className={styles.checks} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className={styles.legend}>{FORM_LABELS[field]}</legend>
        {DATA_TYPES.map((option) => (
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
  if (kind === 'list') {
    const list = field as 'dependsOn' | 'adminRights' | 'goLiveWaivers';
    return <EntryListField field={list} id={id} label={FORM_LABELS[field]} hint={HINTS[field]} error={error} entry={entry} members={members} onChange={onChange} entryId={entryId} />;
  }
  if (kind === 'person') {
    // The owner picker (team, people you work with, NHS directory); read-only for staff.
    const person = field as 'owner' | 'deputy';
    return <OwnerPickerField field={person} id={id} label={FORM_LABELS[field]} hint={HINTS[field]} error={error} entry={entry} members={members} onChange={onChange} />;
  }
  if (typeof kind === 'object') {
    return (
      <Field {...common}>
        <Select id={id} value={String(entry[field])} onChange={(_event, data) => set(data.value)}>
          {kind.choices.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (kind === 'multiline') {
    return (
      <Field {...common}>
        <Textarea id={id} resize="vertical" value={String(entry[field])} onChange={(_event, data) => set(data.value)} />
      </Field>
    );
  }
  if (kind === 'date') {
    const value = entry[field] as string | null;
    return (
      <Field {...common}>
        <Input id={id} type="date" value={value ?? ''} onChange={(_event, data) => set(data.value === '' ? null : data.value)} />
      </Field>
    );
  }
  if (kind === 'number') {
    const months = entry[field] as number;
    const range = NUMBER_RANGES[field] ?? { min: 0, max: 60 };
    return (
      <Field {...common}>
        <Input
          id={id}
          type="number"
          inputMode="numeric"
          min={range.min}
          max={range.max}
          value={Number.isNaN(months) ? '' : String(months)}
          onChange={(_event, data) => set(data.value === '' ? Number.NaN : Number(data.value))}
        />
      </Field>
    );
  }
  const input = (
    <Field {...common}>
      <Input id={id} type={INPUT_TYPES[field] ?? 'text'} value={String(entry[field])} onChange={(_event, data) => set(data.value)} />
    </Field>
  );
  // The training guide opens from the form, but only as an https link (never another scheme from user data).
  const guide = field === 'trainingLink' ? safeHttpsUrl(entry.trainingLink) : null;
  return guide === null ? input : (
    <>
      {input}
      <Link href={guide} target="_blank" rel="noopener noreferrer">Open the training or quick guide (new tab)</Link>
    </>
  );
}
