/**
 * Maps a domain `RegisterEntry` to SharePoint list item fields and back.
 *
 * Date-only columns: SharePoint keeps a date-only value as local midnight of the site's time zone
 * and Graph returns that instant in UTC (a UK site in summer answers `2026-05-13T23:00:00Z` for
 * 14 May). We write noon UTC, which is the same calendar day in London in every season, and read
 * any instant back as its Europe/London calendar date.
 */
import { migrateDowntimeText } from './downtime';
import {
  adminRightsToField,
  dependenciesToField,
  fieldToAdminRights,
  fieldToDependencies,
  fieldToGateWaivers,
  gateWaiversToField,
} from './entryLists/entryJson';
import {
  CATEGORIES,
  CLINICAL_SAFETY_STATUSES,
  CRITICALITIES,
  DATA_TYPES,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  DPIA_STATUSES,
  LIFECYCLES,
  PROVISIONS,
  SUPPLIER_DSPT_STATUSES,
  codeOf,
  labelOf,
  type DataType,
  type LocalDate,
  type Option,
  type PersonRef,
  type RegisterEntry,
} from './entry';
import { isLocalDate, londonDateOf } from './localDate';
import { ACCESS_REVIEW_INTERVAL_MAX_MONTHS } from './validation';

export type ListItemFields = Record<string, unknown>;

export function dateToField(date: LocalDate | null): string | null {
  return date === null ? null : `${date}T12:00:00Z`;
}

export function fieldToDate(value: unknown): LocalDate | null {
  if (typeof value !== 'string' || value === '') return null;
  if (isLocalDate(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : londonDateOf(instant);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function choice<Code extends string>(list: ReadonlyArray<Option<Code>>, value: unknown, fallback: Code): Code {
  return (typeof value === 'string' && codeOf(list, value)) || fallback;
}

function person(fields: ListItemFields, prefix: 'Owner' | 'Deputy'): PersonRef | null {
  const entraId = text(fields[`${prefix}EntraId`]);
  if (!entraId) return null;
  return { entraId, displayName: text(fields[`${prefix}DisplayName`]), upn: text(fields[`${prefix}Upn`]) };
}

function personFields(prefix: 'Owner' | 'Deputy', value: PersonRef | null): ListItemFields {
  return {
    [`${prefix}EntraId`]: value?.entraId ?? '',
    [`${prefix}DisplayName`]: value?.displayName ?? '',
    [`${prefix}Upn`]: value?.upn ?? '',
  };
}

export function dataTypesToField(types: readonly DataType[]): string {
  return types.join(';');
}

export function fieldToDataTypes(value: unknown): DataType[] {
  return text(value)
    .split(';')
    .map((part) => codeOf(DATA_TYPES, part))
    .filter((code): code is DataType => code !== undefined);
}

/** The fields to write for `entry` (every register column, so a PATCH leaves nothing stale). */
export function entryToFields(entry: RegisterEntry): ListItemFields {
  return {
    Title: entry.title,
    Category: labelOf(CATEGORIES, entry.category),
    Purpose: entry.purpose,
    Provision: labelOf(PROVISIONS, entry.provision),
    ...personFields('Owner', entry.owner),
    ...personFields('Deputy', entry.deputy),
    Supplier: entry.supplier,
    SupportPhone: entry.supportPhone,
    SupportEmail: entry.supportEmail,
    SupportUrl: entry.supportUrl,
    SupportHours: entry.supportHours,
    SupportReference: entry.supportReference,
    DataTypes: dataTypesToField(entry.dataTypes),
    DpiaStatus: labelOf(DPIA_STATUSES, entry.dpiaStatus),
    DpiaDate: dateToField(entry.dpiaDate),
    ClinicalSafetyStatus: labelOf(CLINICAL_SAFETY_STATUSES, entry.clinicalSafetyStatus),
    AccessGranted: entry.accessGranted,
    AccessReviewed: entry.accessReviewed,
    AccessRemoved: entry.accessRemoved,
    LastAccessReview: dateToField(entry.lastAccessReview),
    AccessReviewIntervalMonths: entry.accessReviewIntervalMonths,
    AdminRights: adminRightsToField(entry.adminRights),
    TrainingLink: entry.trainingLink,
    StaffTrainedOn: dateToField(entry.staffTrainedOn),
    SupplierDsptStatus: labelOf(SUPPLIER_DSPT_STATUSES, entry.supplierDsptStatus),
    SupplierDsptCheckedOn: dateToField(entry.supplierDsptCheckedOn),
    EscalationRoute: entry.escalationRoute,
    GoLiveWaivers: gateWaiversToField(entry.goLiveWaivers),
    DependsOn: dependenciesToField(entry.dependsOn),
    DowntimeNotice: entry.downtimeNotice,
    DowntimeWorkaround: entry.downtimeWorkaround,
    DowntimePatients: entry.downtimePatients,
    DowntimeBackfill: entry.downtimeBackfill,
    DowntimeProcess: entry.downtimeProcess,
    ContinuityLastTested: dateToField(entry.continuityLastTested),
    Status: labelOf(LIFECYCLES, entry.lifecycle),
    Criticality: labelOf(CRITICALITIES, entry.criticality),
    ReviewIntervalMonths: entry.reviewIntervalMonths,
    LastReviewedOn: dateToField(entry.lastReviewedOn),
    LastReviewedBy: entry.lastReviewedBy,
    NextReviewDue: dateToField(entry.nextReviewDue),
    Notes: entry.notes,
  };
}

/** Reads a list item's fields; missing or unknown values fall back to the blank entry's. */
export function fieldsToEntry(fields: ListItemFields): RegisterEntry {
  // Older items hold the downtime process as one free-text box: sorted into the fields on read.
  return migrateDowntimeText(readFields(fields));
}

/**
 * 0 is a real value (no review cycle), so only a missing column, an empty value or nonsense reads
 * as the default: an item from a list made before the column existed gets a yearly cycle.
 */
function accessReviewInterval(value: unknown): number {
  const months = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(months) && months >= 0 && months <= ACCESS_REVIEW_INTERVAL_MAX_MONTHS ? months : DEFAULT_REVIEW_INTERVAL_MONTHS;
}

function readFields(fields: ListItemFields): RegisterEntry {
  const interval = Number(fields.ReviewIntervalMonths);
  return {
    title: text(fields.Title),
    category: choice(CATEGORIES, fields.Category, 'other'),
    purpose: text(fields.Purpose),
    provision: choice(PROVISIONS, fields.Provision, 'practice-owned'),
    owner: person(fields, 'Owner'),
    deputy: person(fields, 'Deputy'),
    supplier: text(fields.Supplier),
    supportPhone: text(fields.SupportPhone),
    supportEmail: text(fields.SupportEmail),
    supportUrl: text(fields.SupportUrl),
    supportHours: text(fields.SupportHours),
    supportReference: text(fields.SupportReference),
    dataTypes: fieldToDataTypes(fields.DataTypes),
    dpiaStatus: choice(DPIA_STATUSES, fields.DpiaStatus, 'not-assessed'),
    dpiaDate: fieldToDate(fields.DpiaDate),
    clinicalSafetyStatus: choice(CLINICAL_SAFETY_STATUSES, fields.ClinicalSafetyStatus, 'not-assessed'),
    accessGranted: text(fields.AccessGranted),
    accessReviewed: text(fields.AccessReviewed),
    accessRemoved: text(fields.AccessRemoved),
    lastAccessReview: fieldToDate(fields.LastAccessReview),
    accessReviewIntervalMonths: accessReviewInterval(fields.AccessReviewIntervalMonths),
    adminRights: fieldToAdminRights(fields.AdminRights),
    trainingLink: text(fields.TrainingLink),
    staffTrainedOn: fieldToDate(fields.StaffTrainedOn),
    supplierDsptStatus: choice(SUPPLIER_DSPT_STATUSES, fields.SupplierDsptStatus, 'not-checked'),
    supplierDsptCheckedOn: fieldToDate(fields.SupplierDsptCheckedOn),
    escalationRoute: text(fields.EscalationRoute),
    goLiveWaivers: fieldToGateWaivers(fields.GoLiveWaivers),
    dependsOn: fieldToDependencies(fields.DependsOn),
    downtimeNotice: text(fields.DowntimeNotice),
    downtimeWorkaround: text(fields.DowntimeWorkaround),
    downtimePatients: text(fields.DowntimePatients),
    downtimeBackfill: text(fields.DowntimeBackfill),
    downtimeProcess: text(fields.DowntimeProcess),
    continuityLastTested: fieldToDate(fields.ContinuityLastTested),
    lifecycle: choice(LIFECYCLES, fields.Status, 'live'),
    criticality: choice(CRITICALITIES, fields.Criticality, 'medium'),
    reviewIntervalMonths: Number.isInteger(interval) && interval > 0 ? interval : DEFAULT_REVIEW_INTERVAL_MONTHS,
    lastReviewedOn: fieldToDate(fields.LastReviewedOn),
    lastReviewedBy: text(fields.LastReviewedBy),
    nextReviewDue: fieldToDate(fields.NextReviewDue),
    notes: text(fields.Notes),
  };
}
