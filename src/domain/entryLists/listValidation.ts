/**
 * The rules for the entry's structured lists, one message per list (the first problem found), worded
 * as the form's other messages: they start with the field's label. Limits keep a list item a sane
 * size; the hard one is SharePoint's: a plain multi-line column holds 63,999 characters, and the
 * list is stored there as JSON, so a list that would not fit says so rather than failing at save.
 */
import { GO_LIVE_GATES, labelOf, type LocalDate, type RegisterEntry } from '../entry';
import { FIELD_LABELS } from '../fieldLabels';
import { isLocalDate } from '../localDate';
import { NOTE_COLUMN_MAX } from '../registerColumns';
import { adminRightsToField, dependenciesToField, gateWaiversToField } from './entryJson';

export type ListField = 'dependsOn' | 'adminRights' | 'goLiveWaivers';

export const MAX_DEPENDENCIES = 100;
export const MAX_ADMIN_RIGHTS = 50;
/** One line of text in a list (a name, an organisation, who waived): as a single-line column. */
export const LIST_NAME_MAX = 255;
/** Why a dependency exists, or why a gate was waived: a few sentences. */
export const LIST_REASON_MAX = 2_000;

/** Checks one past date (a review, a waiver): the domain's "dates within reason" rule, passed in. */
export type PastDateProblem = (noun: string, date: LocalDate) => string | undefined;

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function storedSize(field: ListField, json: string): string | undefined {
  if (json.length <= NOTE_COLUMN_MAX) return undefined;
  return `${FIELD_LABELS[field]}: the list is too long to store. SharePoint holds ${count(NOTE_COLUMN_MAX)} characters in one column and `
    + `this list needs ${count(json.length)}; remove some of it or shorten its text`;
}

function tooLong(what: string, text: string, max: number): string | undefined {
  return text.length > max ? `${what} must be ${count(max)} characters or fewer (it is ${count(text.length)})` : undefined;
}

function dependsOnProblem(entry: RegisterEntry): string | undefined {
  const label = FIELD_LABELS.dependsOn;
  const list = entry.dependsOn;
  if (list.length > MAX_DEPENDENCIES) return `${label} can name at most ${MAX_DEPENDENCIES} services (it names ${list.length})`;
  const seen = new Set<string>();
  for (const [index, dependency] of list.entries()) {
    const which = `${label}, service ${index + 1}`;
    if (dependency.entryId.trim() === '') return `${which}: choose a service from the register`;
    if (seen.has(dependency.entryId)) return `${label} names “${dependency.title}” twice`;
    seen.add(dependency.entryId);
    const problem = tooLong(`${which}: the name`, dependency.title, LIST_NAME_MAX) ?? tooLong(`${which}: why`, dependency.why, LIST_REASON_MAX);
    if (problem) return problem;
  }
  return storedSize('dependsOn', dependenciesToField(list));
}

function adminRightsProblem(entry: RegisterEntry, pastDate: PastDateProblem): string | undefined {
  const label = FIELD_LABELS.adminRights;
  const list = entry.adminRights;
  if (list.length > MAX_ADMIN_RIGHTS) return `${label} can list at most ${MAX_ADMIN_RIGHTS} people (it lists ${list.length})`;
  for (const [index, holder] of list.entries()) {
    const which = `${label}, holder ${index + 1}`;
    if ((holder.person === null || holder.person.entraId.trim() === '') && holder.externalName.trim() === '') {
      return `${which}: choose a person from the directory or type an external name`;
    }
    const problem = tooLong(`${which}: the name`, holder.externalName, LIST_NAME_MAX)
      ?? tooLong(`${which}: the organisation`, holder.organisation, LIST_NAME_MAX)
      ?? (holder.reviewedOn === null ? undefined
        : isLocalDate(holder.reviewedOn) ? pastDate(`${which}: the review date`, holder.reviewedOn) : `${which}: the review date must be a real calendar date`);
    if (problem) return problem;
  }
  return storedSize('adminRights', adminRightsToField(list));
}

function waiversProblem(entry: RegisterEntry, pastDate: PastDateProblem): string | undefined {
  const label = FIELD_LABELS.goLiveWaivers;
  const seen = new Set<string>();
  for (const waiver of entry.goLiveWaivers) {
    const gate = GO_LIVE_GATES.some((option) => option.code === waiver.gate) ? labelOf(GO_LIVE_GATES, waiver.gate) : null;
    if (gate === null) return `${label}: choose which go-live requirement is waived`;
    const which = `${label}, “${gate}”`;
    if (seen.has(waiver.gate)) return `${label} waive “${gate}” twice: keep one`;
    seen.add(waiver.gate);
    if (waiver.reason.trim() === '') return `${which}: give the reason it is waived`;
    const problem = tooLong(`${which}: the reason`, waiver.reason, LIST_REASON_MAX)
      ?? tooLong(`${which}: who waived it`, waiver.by, LIST_NAME_MAX)
      ?? (isLocalDate(waiver.on) ? pastDate(`${which}: the date`, waiver.on) : `${which}: the date must be a real calendar date`);
    if (problem) return problem;
  }
  return storedSize('goLiveWaivers', gateWaiversToField(entry.goLiveWaivers));
}

/** @returns the first problem of each structured list; a list with no key is valid. */
export function listProblems(entry: RegisterEntry, pastDate: PastDateProblem): Partial<Record<ListField, string>> {
  const problems: Partial<Record<ListField, string>> = {};
  const dependsOn = dependsOnProblem(entry);
  const adminRights = adminRightsProblem(entry, pastDate);
  const goLiveWaivers = waiversProblem(entry, pastDate);
  if (dependsOn) problems.dependsOn = dependsOn;
  if (adminRights) problems.adminRights = adminRights;
  if (goLiveWaivers) problems.goLiveWaivers = goLiveWaivers;
  return problems;
}
