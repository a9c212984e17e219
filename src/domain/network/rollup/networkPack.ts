/**
 * The ICB annual digital review pack for a whole PCN: the same subjects as the per-practice pack,
 * each as a table with one row per practice on the roster. A practice that could not be read, or has
 * not opted in, has its row in every table saying so ("Not known"), never an empty one.
 */
import type { LocalDate } from '../../entry';
import { formatLocalDate } from '../../localDate';
import type { UnavailableReason, PracticeLoad } from '../practiceLoad';
import { DSPT_STATUS_LABELS, notKnownText } from './dsptStatus';
import { appendixRow, plural, practiceFacts, type PracticeFacts } from './practiceFacts';
import { byName, type LoadedPractice } from './practiceRows';
import { REVIEW_PACK_TITLE } from './practicePack';
import {
  APPENDIX_COLUMNS, APPENDIX_SHEET, REVIEW_LIMITS_TEXT, REVIEW_PACK_HEADINGS as H, REVIEW_SCOPE_TEXT, type ReviewPack, type ReviewPackSection,
} from './reviewPackTypes';

const SHORT_REASONS: Readonly<Record<UnavailableReason, string>> = {
  'no-access': 'no access',
  'not-found': 'not found',
  throttled: 'SharePoint busy',
  failed: 'could not be reached',
};

export const NOT_KNOWN = 'Not known';

/** The first cell after the practice's name for a practice whose register was not read. */
export function notReadCell(load: Exclude<PracticeLoad, LoadedPractice>): string {
  return load.state === 'not-opted-in' ? 'Not opted in' : `Unavailable (${SHORT_REASONS[load.reason]})`;
}

type Practice =
  | { readonly load: LoadedPractice; readonly facts: PracticeFacts }
  | { readonly load: Exclude<PracticeLoad, LoadedPractice>; readonly facts: null };

const incidentsCell = (facts: PracticeFacts): string => (facts.openIncidents === null ? NOT_KNOWN : String(facts.openIncidents.length));

/** One table: a row per practice; `cells` for a practice that was read, "not known" cells otherwise. */
function perPractice(practices: readonly Practice[], heading: string, paragraph: string, columns: readonly string[], cells: (facts: PracticeFacts) => string[]): ReviewPackSection {
  const rows = practices.map((item) =>
    item.facts === null
      ? [item.load.practice.name, notReadCell(item.load), ...columns.slice(2).map(() => NOT_KNOWN)]
      : [item.load.practice.name, ...cells(item.facts)]);
  return { heading, paragraphs: [paragraph], table: { columns: [...columns], rows } };
}

function aboutSection(practices: readonly Practice[]): ReviewPackSection {
  const read = practices.filter((item) => item.facts !== null).length;
  const notRead = practices.flatMap((item) => (item.facts === null ? [`${item.load.practice.name}: ${notKnownText(item.load)}`] : []));
  return {
    heading: H.about,
    paragraphs: [
      REVIEW_SCOPE_TEXT,
      `${plural(practices.length, 'practice')} on the roster; ${read} read from ${read === 1 ? 'its' : 'their'} own registers.`,
      ...notRead,
      REVIEW_LIMITS_TEXT,
    ],
  };
}

function appendix(practices: readonly Practice[]): ReviewPackSection {
  const blanks = APPENDIX_COLUMNS.slice(1).map(() => '');
  const rows = practices.flatMap((item) => {
    const name = item.load.practice.name;
    if (item.facts === null) return [[name, notReadCell(item.load), ...blanks]];
    if (item.facts.active.length === 0) return [[name, 'No services recorded', ...blanks]];
    return item.facts.active.map((row) => [name, ...appendixRow(row)]);
  });
  return {
    heading: H.appendix,
    paragraphs: ['Every service in each practice\'s register, not counting retired ones.'],
    table: { columns: ['Practice', ...APPENDIX_COLUMNS], rows },
    sheet: APPENDIX_SHEET,
  };
}

export function networkReviewPack(loads: readonly PracticeLoad[], networkName: string, today: LocalDate): ReviewPack {
  const practices: Practice[] = [...loads]
    .sort((a, b) => byName(a.practice.name, b.practice.name))
    .map((load): Practice => (load.state === 'loaded' ? { load, facts: practiceFacts(load, today) } : { load, facts: null }));
  const table = (heading: string, paragraph: string, columns: readonly string[], cells: (facts: PracticeFacts) => string[]): ReviewPackSection =>
    perPractice(practices, heading, paragraph, columns, cells);
  return {
    title: `${REVIEW_PACK_TITLE}: ${networkName}`,
    subtitle: `${networkName}, ${plural(loads.length, 'practice')}, from each practice's Digital Services Register on ${formatLocalDate(today)}.`,
    sections: [
      aboutSection(practices),
      table(H.services, 'Services in use (in trial, live or retiring) and incidents open today; closed incidents are not read.',
        ['Practice', 'Services in use', 'Critical or high', 'Open incidents'],
        (facts) => [String(facts.inUse.length), String(facts.criticalOrHigh.length), incidentsCell(facts)]),
      table(H.implementation, 'Services proposed or in trial.',
        ['Practice', 'Proposed', 'In trial', 'Services'],
        (facts) => {
          const trial = facts.planned.filter((row) => row.entry.lifecycle === 'trial');
          return [String(facts.planned.length - trial.length), String(trial.length), facts.planned.map((row) => row.entry.title.trim() || '(no name)').join('; ')];
        }),
      table(H.training, 'Services in use with no date when staff were trained, and with no training material or quick guide.',
        ['Practice', 'Services in use', 'No training date', 'No training material'],
        (facts) => [String(facts.inUse.length), String(facts.noTrainingDate.length), String(facts.noTrainingLink.length)]),
      table(H.continuity, 'Written downtime processes among services in use, those tested in the last 12 months, and incidents open today.',
        ['Practice', 'Downtime process written', 'Tested in the last 12 months', 'Open incidents'],
        (facts) => [`${facts.downtimeWritten.length} of ${facts.inUse.length}`, String(facts.testedRecently.length), incidentsCell(facts)]),
      table(H.future, 'Services being retired, and reviews overdue or due soon.',
        ['Practice', 'Retiring', 'Reviews overdue', 'Reviews due soon'],
        (facts) => [String(facts.retiring.length), String(facts.overdue.length), String(facts.dueSoon.length)]),
      table(H.governance, 'Completed DPIAs among services processing personal data, and DSPT 7.1.1 (register kept up to date).',
        ['Practice', 'DPIA complete', 'DSPT 7.1.1', 'DSPT 7.1.1 reasons'],
        (facts) => [`${facts.dpiaComplete.length} of ${facts.personal.length}`, DSPT_STATUS_LABELS[facts.dspt.status], facts.dspt.status === 'met' ? '' : facts.dspt.detail]),
      appendix(practices),
    ],
  };
}
