/**
 * Validation of a register entry before anything is written. One plain-English message per field
 * (the first rule a field breaks), worded for a practice manager, so a form can show it beside the
 * field and an error summary can list them all.
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
  type LocalDate,
  type Option,
  type PersonRef,
  type RegisterEntry,
} from './entry';
import { FIELD_LABELS } from './fieldLabels';
import { addMonths, formatLocalDate, isLocalDate } from './localDate';
import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from './contactFormats';
import { listProblems } from './entryLists/listValidation';

export { safeHttpsUrl } from './contactFormats';

/** At most one message per field; a field with no key is valid. */
export type FieldErrors = Partial<Record<keyof RegisterEntry, string>>;

/**
 * SharePoint's limit on a "single line of text" column (the same number as registerColumns.ts).
 * Lengths are UTF-16 code units (`string.length`), which is how SharePoint counts them.
 */
export const SINGLE_LINE_MAX = 255;

/**
 * SharePoint would take far more in a multi-line column, but every list page carries whole items
 * and the tab shows these fields on cards: 10,000 characters (a few printed pages) is more than any
 * purpose, access or downtime description needs, and keeps a list item a reasonable size.
 */
export const MULTI_LINE_MAX = 10_000;

/**
 * Dates within reason. Nothing a GP practice records about a digital service happened before 2000
 * (the oldest systems in use date from the late 1990s), and no due date is planned more than five
 * years ahead (the longest review interval is 36 months): a date outside these limits is a typing
 * mistake such as 31/12/9999 or 1850, which would otherwise read as "Up to date" or "9157 weeks
 * overdue". The form, the import and the Graph layer's writes all apply `dateRangeProblem`.
 */
export const EARLIEST_DATE: LocalDate = '2000-01-01';
export const MAX_YEARS_AHEAD = 5;

/** The last date a due date may be: MAX_YEARS_AHEAD years after `today`. */
export function latestDueDate(today: LocalDate): LocalDate {
  return addMonths(today, MAX_YEARS_AHEAD * 12);
}

/**
 * @param noun how the date reads in a sentence ("Next review due date").
 * @param pastOnly true for a date that records something already done (it may not be after today).
 * @returns why `date` is out of range, giving the range; undefined when it is a date within reason.
 */
export function dateRangeProblem(noun: string, date: LocalDate, today: LocalDate, pastOnly: boolean): string | undefined {
  if (!isLocalDate(date) || !isLocalDate(today)) return undefined;
  const latest = pastOnly ? today : latestDueDate(today);
  if (date >= EARLIEST_DATE && date <= latest) return undefined;
  const range = pastOnly
    ? `between ${formatLocalDate(EARLIEST_DATE)} and today (${formatLocalDate(today)})`
    : `between ${formatLocalDate(EARLIEST_DATE)} and ${formatLocalDate(latest)} (${MAX_YEARS_AHEAD} years from today)`;
  const why = date < EARLIEST_DATE ? 'is before 2000, which is almost certainly a typing mistake' : pastOnly ? 'cannot be in the future' : `is more than ${MAX_YEARS_AHEAD} years ahead`;
  return `${noun} ${why}: enter a date ${range}`;
}

export const REVIEW_INTERVAL_MIN_MONTHS = 1;
export const REVIEW_INTERVAL_MAX_MONTHS = 36;
/** Access reviews: 0 means no review cycle; five years is the longest that still means something. */
export const ACCESS_REVIEW_INTERVAL_MIN_MONTHS = 0;
export const ACCESS_REVIEW_INTERVAL_MAX_MONTHS = 60;

type TextField = 'title' | 'supplier' | 'supportPhone' | 'supportEmail' | 'supportUrl' | 'supportHours' | 'supportReference'
  | 'lastReviewedBy' | 'purpose' | 'accessGranted' | 'accessReviewed' | 'accessRemoved' | 'downtimeProcess' | 'notes'
  | 'downtimeNotice' | 'downtimeWorkaround' | 'downtimePatients' | 'downtimeBackfill' | 'trainingLink' | 'escalationRoute';
export type DateField = 'dpiaDate' | 'lastAccessReview' | 'continuityLastTested' | 'lastReviewedOn' | 'nextReviewDue'
  | 'staffTrainedOn' | 'supplierDsptCheckedOn';

const SINGLE_LINE_FIELDS: readonly TextField[] = [
  'title', 'supplier', 'supportPhone', 'supportEmail', 'supportUrl', 'supportHours', 'supportReference', 'lastReviewedBy', 'trainingLink',
];
const MULTI_LINE_FIELDS: readonly TextField[] = [
  'purpose', 'accessGranted', 'accessReviewed', 'accessRemoved', 'downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill',
  'downtimeProcess', 'notes', 'escalationRoute',
];

/** How each date reads inside a sentence (exported for the Graph layer's write check), and whether it records something that has already happened. */
export const DATE_FIELDS: ReadonlyArray<{ field: DateField; noun: string; pastOnly: boolean }> = [
  { field: 'dpiaDate', noun: 'DPIA date', pastOnly: true },
  { field: 'lastAccessReview', noun: 'Last access review date', pastOnly: true },
  { field: 'continuityLastTested', noun: 'Continuity test date', pastOnly: true },
  { field: 'lastReviewedOn', noun: 'Last review date', pastOnly: true },
  { field: 'nextReviewDue', noun: 'Next review due date', pastOnly: false },
  { field: 'staffTrainedOn', noun: 'Staff trained on date', pastOnly: true },
  { field: 'supplierDsptCheckedOn', noun: 'Supplier DSPT checked on date', pastOnly: true },
];

type ChoiceField = 'category' | 'provision' | 'dpiaStatus' | 'clinicalSafetyStatus' | 'lifecycle' | 'criticality' | 'supplierDsptStatus';
const CHOICE_FIELDS: ReadonlyArray<{ field: ChoiceField; options: ReadonlyArray<Option<string>>; message: string }> = [
  { field: 'category', options: CATEGORIES, message: 'Choose a category' },
  { field: 'provision', options: PROVISIONS, message: 'Choose how the service is provided' },
  { field: 'dpiaStatus', options: DPIA_STATUSES, message: 'Choose a DPIA status' },
  { field: 'clinicalSafetyStatus', options: CLINICAL_SAFETY_STATUSES, message: 'Choose a DCB0160 status' },
  { field: 'lifecycle', options: LIFECYCLES, message: 'Choose a lifecycle status' },
  { field: 'criticality', options: CRITICALITIES, message: 'Choose how critical the service is' },
  { field: 'supplierDsptStatus', options: SUPPLIER_DSPT_STATUSES, message: "Choose the supplier's DSPT status" },
];

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function tooLong(label: string, text: string, max: number): string | undefined {
  return text.length > max ? `${label} must be ${count(max)} characters or fewer (it is ${count(text.length)})` : undefined;
}

function personProblem(role: 'Owner' | 'Deputy', person: PersonRef | null): string | undefined {
  if (person === null) return undefined;
  if (person.entraId.trim() === '') return `Choose the ${role.toLowerCase()} from the NHS.net directory`;
  return tooLong(`${role}'s name`, person.displayName, SINGLE_LINE_MAX) ?? tooLong(`${role}'s NHS.net address`, person.upn, SINGLE_LINE_MAX);
}

function samePerson(a: PersonRef, b: PersonRef): boolean {
  const sameId = a.entraId.trim() !== '' && a.entraId === b.entraId;
  const sameUpn = a.upn.trim() !== '' && a.upn.trim().toLowerCase() === b.upn.trim().toLowerCase();
  return sameId || sameUpn;
}

function dataTypesProblem(dataTypes: RegisterEntry['dataTypes']): string | undefined {
  if (dataTypes.some((code) => !DATA_TYPES.some((option) => option.code === code))) return 'Choose the data processed from the list';
  if (dataTypes.includes('none') && dataTypes.some((code) => code !== 'none')) {
    return 'Choose either "No personal data" or the kinds of personal data processed, not both';
  }
  return undefined;
}

function formatProblems(entry: RegisterEntry): FieldErrors {
  const problems: FieldErrors = {};
  if (entry.supportPhone.trim() !== '' && !isPhoneNumber(entry.supportPhone)) {
    problems.supportPhone = 'Support phone must be a phone number, using only numbers, spaces and + ( ) -';
  }
  if (entry.supportEmail.trim() !== '' && !isPlausibleEmail(entry.supportEmail)) problems.supportEmail = 'Enter a valid email address';
  if (entry.supportUrl.trim() !== '' && safeHttpsUrl(entry.supportUrl) === null) {
    problems.supportUrl = 'Support portal must be a web address starting with https://';
  }
  // Only https: links from user data: the form and the entry view make it a link.
  if (entry.trainingLink.trim() !== '' && safeHttpsUrl(entry.trainingLink) === null) {
    problems.trainingLink = `${FIELD_LABELS.trainingLink} must be a web address starting with https://`;
  }
  return problems;
}

/**
 * @param today the Europe/London date now (from `londonDateOf(clock())`): past-facing dates may not be after it.
 * @returns the problems found, keyed by field; `{}` when the entry can be saved.
 */
export function validateEntry(entry: RegisterEntry, today: LocalDate): FieldErrors {
  const errors: FieldErrors = {};
  const report = (field: keyof RegisterEntry, message: string | undefined): void => {
    if (message !== undefined && errors[field] === undefined) errors[field] = message;
  };

  if (entry.title.trim() === '') report('title', 'Enter the service name');
  for (const field of SINGLE_LINE_FIELDS) report(field, tooLong(FIELD_LABELS[field], entry[field], SINGLE_LINE_MAX));
  for (const field of MULTI_LINE_FIELDS) report(field, tooLong(FIELD_LABELS[field], entry[field], MULTI_LINE_MAX));
  for (const [field, message] of Object.entries(formatProblems(entry))) report(field as keyof RegisterEntry, message);

  report('owner', personProblem('Owner', entry.owner));
  report('deputy', personProblem('Deputy', entry.deputy));
  if (entry.owner !== null && entry.deputy !== null && samePerson(entry.owner, entry.deputy)) {
    report('deputy', 'The deputy must be someone other than the owner');
  }

  for (const { field, options, message } of CHOICE_FIELDS) {
    if (!options.some((option) => option.code === entry[field])) report(field, message);
  }
  report('dataTypes', dataTypesProblem(entry.dataTypes));

  for (const { field, noun, pastOnly } of DATE_FIELDS) {
    const date = entry[field];
    if (date === null) continue;
    if (!isLocalDate(date)) report(field, `${noun} must be a real calendar date`);
    else if (pastOnly && date > today) report(field, `${noun} cannot be in the future`);
    else report(field, dateRangeProblem(noun, date, today, pastOnly));
  }
  const { lastReviewedOn, nextReviewDue } = entry;
  if (lastReviewedOn !== null && nextReviewDue !== null && isLocalDate(lastReviewedOn) && isLocalDate(nextReviewDue)
    && nextReviewDue <= lastReviewedOn) {
    report('nextReviewDue', 'Next review due must be after the last review');
  }

  const interval = entry.reviewIntervalMonths;
  if (!Number.isInteger(interval) || interval < REVIEW_INTERVAL_MIN_MONTHS || interval > REVIEW_INTERVAL_MAX_MONTHS) {
    report('reviewIntervalMonths', `Review interval must be a whole number of months from ${REVIEW_INTERVAL_MIN_MONTHS} to ${REVIEW_INTERVAL_MAX_MONTHS}`);
  }
  const accessInterval = entry.accessReviewIntervalMonths;
  if (!Number.isInteger(accessInterval) || accessInterval < ACCESS_REVIEW_INTERVAL_MIN_MONTHS || accessInterval > ACCESS_REVIEW_INTERVAL_MAX_MONTHS) {
    report('accessReviewIntervalMonths',
      `${FIELD_LABELS.accessReviewIntervalMonths} must be a whole number of months from ${ACCESS_REVIEW_INTERVAL_MIN_MONTHS} (no review cycle) to ${ACCESS_REVIEW_INTERVAL_MAX_MONTHS}`);
  }
  const lists = listProblems(entry, (noun, date) => dateRangeProblem(noun, date, today, true));
  for (const [field, message] of Object.entries(lists)) report(field as keyof RegisterEntry, message);
  return errors;
}

/**
 * Only the "dates within reason" rule, for layers that write without the form (the Graph layer's
 * register writes): the same limits and messages as `validateEntry`.
 */
export function dateRangeErrors(entry: RegisterEntry, today: LocalDate): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, noun, pastOnly } of DATE_FIELDS) {
    const date = entry[field];
    const problem = date === null ? undefined : dateRangeProblem(noun, date, today, pastOnly);
    if (problem !== undefined) errors[field] = problem;
  }
  return errors;
}

/** @returns true when `errors` holds at least one message. */
export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined && message !== '');
}
