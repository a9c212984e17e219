/**
 * The SharePoint columns of the register list, as Graph `columnDefinition`s.
 *
 * Owners are text columns, not person columns: Graph cannot write a person column from an Entra id
 * or UPN (it needs the site's User Information List id via SharePoint REST `ensureuser`), and the
 * Entra id is what @mentions and activity notifications need anyway.
 *
 * Columns we `$filter` or `$orderby` on are `indexed`: SharePoint refuses such queries on
 * non-indexed columns unless the caller accepts random failure on large lists.
 */
import {
  CATEGORIES,
  CLINICAL_SAFETY_STATUSES,
  CRITICALITIES,
  DPIA_STATUSES,
  LIFECYCLES,
  PROVISIONS,
  SUPPLIER_DSPT_STATUSES,
  type Option,
} from './entry';

export const REGISTER_LIST_NAME = 'Digital Services Register';

export type ColumnKind = 'text' | 'note' | 'choice' | 'date' | 'number';

export interface RegisterColumn {
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  readonly indexed?: boolean;
  readonly required?: boolean;
  readonly enforceUniqueValues?: boolean;
  readonly choices?: ReadonlyArray<Option<string>>;
}

/** SharePoint's limit on a single line of text. */
export const SINGLE_LINE_MAX = 255;

/** SharePoint's limit on a plain multi-line ("note") column: 63,999 characters. */
export const NOTE_COLUMN_MAX = 63_999;

/**
 * Every custom column. `Title` is the list's built-in column and holds the service name.
 * `EntryKey` is a client-generated id written on create so that a retried create can find the
 * item the first attempt made instead of making a second one.
 */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { name: 'EntryKey', displayName: 'Entry key', kind: 'text', indexed: true, enforceUniqueValues: true },
  { name: 'Category', displayName: 'Category', kind: 'choice', choices: CATEGORIES },
  { name: 'Purpose', displayName: 'Purpose', kind: 'note' },
  { name: 'Provision', displayName: 'Provision', kind: 'choice', choices: PROVISIONS },
  { name: 'OwnerEntraId', displayName: 'Owner Entra id', kind: 'text', indexed: true },
  { name: 'OwnerDisplayName', displayName: 'Owner', kind: 'text' },
  { name: 'OwnerUpn', displayName: 'Owner UPN', kind: 'text' },
  { name: 'DeputyEntraId', displayName: 'Deputy Entra id', kind: 'text', indexed: true },
  { name: 'DeputyDisplayName', displayName: 'Deputy', kind: 'text' },
  { name: 'DeputyUpn', displayName: 'Deputy UPN', kind: 'text' },
  { name: 'Supplier', displayName: 'Supplier', kind: 'text' },
  { name: 'SupportPhone', displayName: 'Support phone', kind: 'text' },
  { name: 'SupportEmail', displayName: 'Support email', kind: 'text' },
  { name: 'SupportUrl', displayName: 'Support portal', kind: 'text' },
  { name: 'SupportHours', displayName: 'Support hours', kind: 'text' },
  { name: 'SupportReference', displayName: 'Caller reference', kind: 'text' },
  // Semicolon-separated data type codes: a multi-choice column would need
  // `@odata.type: Collection(Edm.String)` annotations on every write for no gain here.
  { name: 'DataTypes', displayName: 'Data processed', kind: 'text' },
  { name: 'DpiaStatus', displayName: 'DPIA status', kind: 'choice', choices: DPIA_STATUSES },
  { name: 'DpiaDate', displayName: 'DPIA date', kind: 'date' },
  { name: 'ClinicalSafetyStatus', displayName: 'DCB0160 status', kind: 'choice', choices: CLINICAL_SAFETY_STATUSES },
  { name: 'AccessGranted', displayName: 'How access is granted', kind: 'note' },
  { name: 'AccessReviewed', displayName: 'How access is reviewed', kind: 'note' },
  { name: 'AccessRemoved', displayName: 'How access is removed', kind: 'note' },
  { name: 'LastAccessReview', displayName: 'Last access review', kind: 'date' },
  { name: 'AccessReviewIntervalMonths', displayName: 'Access review interval (months)', kind: 'number' },
  // Structured lists (issues 16 and 17) are JSON in plain multi-line columns (see registerJson.ts):
  // a lookup or a child list would cost a request per entry, and nothing filters on their parts.
  { name: 'AdminRights', displayName: 'Admin rights (JSON)', kind: 'note' },
  { name: 'TrainingLink', displayName: 'Training or quick guide link', kind: 'text' },
  { name: 'StaffTrainedOn', displayName: 'Staff trained on', kind: 'date' },
  { name: 'SupplierDsptStatus', displayName: 'Supplier DSPT status', kind: 'choice', choices: SUPPLIER_DSPT_STATUSES },
  { name: 'SupplierDsptCheckedOn', displayName: 'Supplier DSPT checked on', kind: 'date' },
  { name: 'EscalationRoute', displayName: 'Escalation route', kind: 'note' },
  { name: 'GoLiveWaivers', displayName: 'Go-live waivers (JSON)', kind: 'note' },
  { name: 'DependsOn', displayName: 'Depends on (JSON)', kind: 'note' },
  // The structured downtime process (issue 14). DowntimeProcess keeps older free text (see ../downtime.ts).
  { name: 'DowntimeNotice', displayName: 'How you will notice it is down', kind: 'note' },
  { name: 'DowntimeWorkaround', displayName: 'Paper workaround', kind: 'note' },
  { name: 'DowntimePatients', displayName: 'What to tell patients', kind: 'note' },
  { name: 'DowntimeBackfill', displayName: 'Back-filling records afterwards', kind: 'note' },
  { name: 'DowntimeProcess', displayName: 'Downtime process', kind: 'note' },
  { name: 'ContinuityLastTested', displayName: 'Continuity last tested', kind: 'date' },
  { name: 'Status', displayName: 'Lifecycle status', kind: 'choice', choices: LIFECYCLES, indexed: true },
  { name: 'Criticality', displayName: 'Criticality', kind: 'choice', choices: CRITICALITIES },
  { name: 'ReviewIntervalMonths', displayName: 'Review interval (months)', kind: 'number' },
  { name: 'LastReviewedOn', displayName: 'Last reviewed on', kind: 'date' },
  { name: 'LastReviewedBy', displayName: 'Last reviewed by', kind: 'text' },
  { name: 'NextReviewDue', displayName: 'Next review due', kind: 'date', indexed: true },
  { name: 'Notes', displayName: 'Notes', kind: 'note' },
];

/** The Graph `columnDefinition` JSON for `POST /sites/{site}/lists`. */
export function toColumnDefinition(column: RegisterColumn): Record<string, unknown> {
  const common = {
    name: column.name,
    displayName: column.displayName,
    required: column.required ?? false,
    indexed: column.indexed ?? false,
    enforceUniqueValues: column.enforceUniqueValues ?? false,
  };
  switch (column.kind) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'choice':
      return {
        ...common,
        choice: { allowTextEntry: false, displayAs: 'dropDownMenu', choices: (column.choices ?? []).map((c) => c.label) },
      };
    case 'date':
      return { ...common, dateTime: { displayAs: 'default', format: 'dateOnly' } };
    case 'number':
      return { ...common, number: { decimalPlaces: 'none' } };
  }
}

/** Every field name the register reads, for `expand=fields(select=...)`. */
export const REGISTER_FIELD_NAMES: readonly string[] = ['Title', ...REGISTER_COLUMNS.map((column) => column.name)];
