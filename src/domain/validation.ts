/**
 * Validation of a register entry before anything is written. One plain-English message per field
 * (the first rule a field breaks), worded for a practice manager, so a form can show it beside the
 * field and an error summary can list them all.
 */
import { type LocalDate, type PersonRef, type RegisterEntry } from './entry';
import { isLocalDate } from './localDate';
import { listProblems } from './entryLists/listValidation';
import { dateRangeProblem, dateRangeProblems, schemaProblems, SINGLE_LINE_MAX, tooLong } from './schema';
import { REGISTER_SCHEMA } from './schema/registerSchema';

export { safeHttpsUrl } from './contactFormats';
export {
  ACCESS_REVIEW_INTERVAL_MAX_MONTHS,
  ACCESS_REVIEW_INTERVAL_MIN_MONTHS,
  EARLIEST_DATE,
  MAX_YEARS_AHEAD,
  MULTI_LINE_MAX,
  REVIEW_INTERVAL_MAX_MONTHS,
  REVIEW_INTERVAL_MIN_MONTHS,
  SINGLE_LINE_MAX,
  dateRangeProblem,
  latestDueDate,
} from './schema';

/** At most one message per field; a field with no key is valid. */
export type FieldErrors = Partial<Record<keyof RegisterEntry, string>>;

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

/** Codes outside the list are the schema's rule; this is the one rule across codes. */
function dataTypesProblem(dataTypes: RegisterEntry['dataTypes']): string | undefined {
  if (dataTypes.includes('none') && dataTypes.some((code) => code !== 'none')) {
    return 'Choose either "No personal data" or the kinds of personal data processed, not both';
  }
  return undefined;
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

  // The rows' own rules first (required, lengths, formats, choices, dates within reason, month ranges).
  for (const [field, message] of Object.entries(schemaProblems(REGISTER_SCHEMA, entry, today))) report(field as keyof RegisterEntry, message);

  report('owner', personProblem('Owner', entry.owner));
  report('deputy', personProblem('Deputy', entry.deputy));
  if (entry.owner !== null && entry.deputy !== null && samePerson(entry.owner, entry.deputy)) {
    report('deputy', 'The deputy must be someone other than the owner');
  }
  report('dataTypes', dataTypesProblem(entry.dataTypes));

  const { lastReviewedOn, nextReviewDue } = entry;
  if (lastReviewedOn !== null && nextReviewDue !== null && isLocalDate(lastReviewedOn) && isLocalDate(nextReviewDue)
    && nextReviewDue <= lastReviewedOn) {
    report('nextReviewDue', 'Next review due must be after the last review');
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
  return dateRangeProblems(REGISTER_SCHEMA, entry, today);
}

/** @returns true when `errors` holds at least one message. */
export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined && message !== '');
}
