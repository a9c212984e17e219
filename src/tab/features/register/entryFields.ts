/**
 * Labels for every register field, grouped as the practice-management guidance groups them, and
 * how each value reads to a person. The form, the error summary and the conflict view share these,
 * so a field is called the same thing everywhere.
 */
import {
  CATEGORIES,
  CLINICAL_SAFETY_STATUSES,
  CRITICALITIES,
  DATA_TYPES,
  DPIA_STATUSES,
  LIFECYCLES,
  PROVISIONS,
  SUPPLIER_DSPT_STATUSES,
  labelOf,
  type Option,
  type RegisterEntry,
} from '../../../domain/entry';
import { adminRightsText, dependenciesText, gateWaiversText } from '../../../domain/entryLists';
import { FIELD_LABELS } from '../../../domain/fieldLabels';
import { formatLocalDate, isLocalDate } from '../../../domain/localDate';

export type EntryField = keyof RegisterEntry;

/**
 * What the form calls each field: the domain's FIELD_LABELS, so validation messages ("Support portal
 * must be a web address starting with https://") name the field exactly as the form labels it.
 * The person fields keep the guidance's "local owner" wording (their messages say "owner"/"deputy").
 * Longer explanations live in the fields' hints (EntryFieldControl), not in the labels.
 */
export const FORM_LABELS: Record<EntryField, string> = {
  ...FIELD_LABELS,
  owner: 'Local owner',
  deputy: 'Deputy owner',
};

/** The guidance's groups, in the order the form shows them. */
export const FIELD_GROUPS: ReadonlyArray<{ readonly title: string; readonly fields: readonly EntryField[] }> = [
  { title: 'Purpose', fields: ['title', 'category', 'purpose', 'lifecycle', 'goLiveWaivers', 'criticality'] },
  { title: 'Provision', fields: ['provision'] },
  { title: 'Ownership', fields: ['owner', 'deputy'] },
  { title: 'Support', fields: ['supplier', 'supportPhone', 'supportEmail', 'supportUrl', 'supportHours', 'supportReference'] },
  { title: 'Data', fields: ['dataTypes'] },
  { title: 'Governance', fields: ['dpiaStatus', 'dpiaDate', 'clinicalSafetyStatus'] },
  { title: 'Access', fields: ['accessGranted', 'accessReviewed', 'accessRemoved', 'lastAccessReview', 'accessReviewIntervalMonths', 'adminRights'] },
  // The go-live gate's people side (issue 17): "training, quick guides and clear escalation routes".
  { title: 'Training and escalation', fields: ['trainingLink', 'staffTrainedOn', 'supplierDsptStatus', 'supplierDsptCheckedOn', 'escalationRoute'] },
  {
    title: 'Continuity',
    fields: ['downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill', 'downtimeProcess', 'continuityLastTested', 'dependsOn'],
  },
  { title: 'Review', fields: ['reviewIntervalMonths', 'lastReviewedOn', 'lastReviewedBy', 'nextReviewDue', 'notes'] },
];

export const ALL_FIELDS: readonly EntryField[] = FIELD_GROUPS.flatMap((group) => group.fields);

const CHOICE_LISTS: Partial<Record<EntryField, ReadonlyArray<Option<string>>>> = {
  category: CATEGORIES,
  lifecycle: LIFECYCLES,
  criticality: CRITICALITIES,
  provision: PROVISIONS,
  dpiaStatus: DPIA_STATUSES,
  clinicalSafetyStatus: CLINICAL_SAFETY_STATUSES,
  supplierDsptStatus: SUPPLIER_DSPT_STATUSES,
};

/** How a field's value reads to a person ("Not set" for blanks). */
export function displayValue(entry: RegisterEntry, field: EntryField): string {
  const value: unknown = entry[field];
  const choices = CHOICE_LISTS[field];
  if (choices && typeof value === 'string') return labelOf(choices, value);
  if (field === 'dataTypes') {
    const codes = value as RegisterEntry['dataTypes'];
    return codes.length ? codes.map((code) => labelOf(DATA_TYPES, code)).join(', ') : 'Not set';
  }
  if (field === 'owner' || field === 'deputy') {
    const person = value as RegisterEntry['owner'];
    return person ? person.displayName || person.upn : 'Not set';
  }
  if (field === 'dependsOn') return dependenciesText(entry.dependsOn) || 'None';
  if (field === 'adminRights') return adminRightsText(entry.adminRights) || 'None recorded';
  if (field === 'goLiveWaivers') return gateWaiversText(entry.goLiveWaivers) || 'None';
  if (field === 'accessReviewIntervalMonths') return entry.accessReviewIntervalMonths === 0 ? 'No review cycle' : `${entry.accessReviewIntervalMonths} months`;
  if (value === null || value === '') return 'Not set';
  if (typeof value === 'string' && isLocalDate(value)) return formatLocalDate(value);
  return String(value);
}

/** The fields whose values differ between two versions of an entry. */
export function differingFields(theirs: RegisterEntry, yours: RegisterEntry): EntryField[] {
  return ALL_FIELDS.filter((field) => comparable(theirs, field) !== comparable(yours, field));
}

function comparable(entry: RegisterEntry, field: EntryField): string {
  const value: unknown = entry[field];
  if (field === 'owner' || field === 'deputy') return (value as RegisterEntry['owner'])?.entraId ?? '';
  if (field === 'dataTypes') return [...(value as RegisterEntry['dataTypes'])].sort().join(',');
  return JSON.stringify(value ?? null);
}
