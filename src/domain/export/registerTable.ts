/**
 * The register as a table of text, for CSV and XLSX exports. Column headings are the field labels
 * the import recognises, so an exported file imports back cleanly. Choice fields are written as
 * their labels, dates as dd/mm/yyyy, people as name plus email. Cells are NOT neutralised here:
 * the writers (`toCsv`, `writeXlsx`) do that for every cell.
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
  type LocalDate,
  type PersonRef,
  type RegisterEntry,
} from '../entry';
import { adminRightsText, dependenciesText, gateWaiversText } from '../entryLists/listText';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '../spreadsheet/importFields';

/** dd/mm/yyyy, how practices type dates (and how the import reads them back). */
export function ukDate(date: LocalDate | null): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function person(ref: PersonRef | null, part: 'name' | 'email'): string {
  if (ref === null) return '';
  return part === 'name' ? ref.displayName : ref.upn;
}

/** One field's text. */
export function fieldText(entry: RegisterEntry, field: ImportField): string {
  switch (field) {
    case 'owner': return person(entry.owner, 'name');
    case 'ownerEmail': return person(entry.owner, 'email');
    case 'deputy': return person(entry.deputy, 'name');
    case 'deputyEmail': return person(entry.deputy, 'email');
    case 'category': return labelOf(CATEGORIES, entry.category);
    case 'provision': return labelOf(PROVISIONS, entry.provision);
    case 'dpiaStatus': return labelOf(DPIA_STATUSES, entry.dpiaStatus);
    case 'clinicalSafetyStatus': return labelOf(CLINICAL_SAFETY_STATUSES, entry.clinicalSafetyStatus);
    case 'lifecycle': return labelOf(LIFECYCLES, entry.lifecycle);
    case 'criticality': return labelOf(CRITICALITIES, entry.criticality);
    case 'dataTypes': return entry.dataTypes.map((code) => labelOf(DATA_TYPES, code)).join('; ');
    case 'supplierDsptStatus': return labelOf(SUPPLIER_DSPT_STATUSES, entry.supplierDsptStatus);
    case 'reviewIntervalMonths': return `${entry.reviewIntervalMonths} months`;
    // 0 is "no cycle": written as words the import reads back as 0.
    case 'accessReviewIntervalMonths': return entry.accessReviewIntervalMonths === 0 ? 'No review cycle' : `${entry.accessReviewIntervalMonths} months`;
    case 'adminRights': return adminRightsText(entry.adminRights);
    case 'goLiveWaivers': return gateWaiversText(entry.goLiveWaivers);
    case 'dependsOn': return dependenciesText(entry.dependsOn);
    case 'supportContact': return ''; // import-only: free text the import keeps in Notes, not a column of its own
    case 'dpiaDate':
    case 'lastAccessReview':
    case 'continuityLastTested':
    case 'lastReviewedOn':
    case 'nextReviewDue':
    case 'staffTrainedOn':
    case 'supplierDsptCheckedOn':
      return ukDate(entry[field]);
    default:
      return entry[field];
  }
}

/** Header row plus one row per entry, every field. */
export function registerTable(entries: readonly RegisterEntry[]): string[][] {
  return [IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]), ...entries.map((entry) => IMPORT_FIELDS.map((field) => fieldText(entry, field)))];
}
