/**
 * The ICB summary's training and change-management headings (issue 17: "Training, quick guides and
 * clear escalation routes are just as important as the technology"; "Small digital changes can have
 * big consequences... tested and communicated before it becomes live"). Appended after the existing
 * sections like the incidents' (incidentEvidence.ts), so the rest of the summary is unchanged. Text
 * cells only; the writers neutralise formulas. Pure: `today` is passed in.
 */
import { IN_USE_LIFECYCLES } from '../due';
import { labelOf, type LocalDate, type RegisterEntry, type StoredEntry } from '../entry';
import { addMonths, formatLocalDate } from '../localDate';
import { CHANGE_KINDS, compareChanges, gateOutcomeText, isUntested, workloadText, type ChangeRecord } from '../change';
import { changeTestingAnswer } from '../maturity/recordAnswers';
import { appendSection, type Section } from './sections';

/** What the headings need of a stored entry: its list item id (change records point at it) and the entry. */
type Listed = Pick<StoredEntry, 'id' | 'entry'>;

export const TRAINING_HEADING = 'Training, quick guides and escalation routes';
export const CHANGE_HEADING = 'Change management: how changes are tested before going live';

const dateText = (date: LocalDate | null): string => (date ? formatLocalDate(date) : 'Not recorded');
const byTitle = (a: RegisterEntry, b: RegisterEntry): number => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' });

function trainingRows(entries: readonly RegisterEntry[], today: LocalDate): Section {
  const inUse = entries.filter((entry) => IN_USE_LIFECYCLES.includes(entry.lifecycle)).sort(byTitle);
  const yearAgo = addMonths(today, -12);
  const withGuide = inUse.filter((entry) => entry.trainingLink.trim() !== '').length;
  const trainedRecently = inUse.filter((entry) => entry.staffTrainedOn !== null && entry.staffTrainedOn > yearAgo && entry.staffTrainedOn <= today).length;
  const withRoute = inUse.filter((entry) => entry.escalationRoute.trim() !== '').length;
  const summary = [`Services in use: ${inUse.length}; with a training or quick-guide link: ${withGuide}; staff trained in the last 12 months: ${trainedRecently}; with an escalation route: ${withRoute}.`];
  if (inUse.length === 0) return { rows: [summary], headerOffset: null };
  const header = ['Service', 'Training or quick guide', 'Staff trained on', 'Escalation route'];
  const body = inUse.map((entry) => [entry.title, entry.trainingLink || 'None recorded', dateText(entry.staffTrainedOn), entry.escalationRoute || 'None recorded']);
  return { rows: [summary, header, ...body], headerOffset: 1 };
}

function changeRows(entries: readonly Listed[], changes: readonly ChangeRecord[] | null, today: LocalDate): Section {
  // Unread records are said so, not counted as none: "0 changes" would be a false statement to the ICB.
  if (changes === null) return { rows: [['The change records could not be read when this file was made: download it again once the Changes list has loaded.']], headerOffset: null };
  const yearAgo = addMonths(today, -12);
  const recent = changes.filter((change) => change.goLiveOn > yearAgo && change.goLiveOn <= today).sort(compareChanges);
  const untested = recent.filter(isUntested).length;
  const live = entries.filter((stored) => stored.entry.lifecycle === 'live');
  // The same rule as Overview question 9 (maturity/recordAnswers.ts).
  const missing = new Set(changeTestingAnswer(entries, changes).noGoLiveEntryIds);
  const noGoLive = live.filter((stored) => missing.has(stored.id)).map((stored) => stored.entry).sort(byTitle).map((entry) => entry.title);
  const lines = [
    [`Changes recorded in the last 12 months: ${recent.length}; with a record of testing: ${recent.length - untested}; without: ${untested}.`],
    [`Live services with a go-live record: ${live.length - noGoLive.length} of ${live.length}.${noGoLive.length > 0 ? ` Without: ${noGoLive.join('; ')}.` : ''}`],
  ];
  if (recent.length === 0) return { rows: [...lines, ['No changes were recorded in the register in the last 12 months.']], headerOffset: null };
  const header = ['Service', 'Kind', 'Go-live date', 'What changed', 'How it was tested', 'Approved by', 'How staff were told', 'Go-live requirements', 'Workload check'];
  const body = recent.map((change) => [
    change.serviceTitle,
    labelOf(CHANGE_KINDS, change.kind),
    formatLocalDate(change.goLiveOn),
    change.whatChanged,
    isUntested(change) ? 'No record of testing' : change.howTested,
    change.approvedBy || 'Nobody named',
    change.staffTold || 'Not recorded',
    change.gates.map(gateOutcomeText).join('; '),
    workloadText(change, today),
  ]);
  return { rows: [...lines, header, ...body], headerOffset: lines.length };
}

/** The ICB summary with the training and change-management sections appended (heading rows stay bold). */
export function withTrainingAndChangeSections(summary: { rows: string[][]; headingRows: number[] }, entries: readonly Listed[], changes: readonly ChangeRecord[] | null, today: LocalDate): { rows: string[][]; headingRows: number[] } {
  const withTraining = appendSection(summary, TRAINING_HEADING, trainingRows(entries.map((stored) => stored.entry), today));
  return appendSection(withTraining, CHANGE_HEADING, changeRows(entries, changes, today));
}
