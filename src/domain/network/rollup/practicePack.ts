/**
 * The ICB annual digital review pack for one practice, from its register: the review's subjects
 * (reviewPackTypes.ts) as headed paragraphs and tables, then Appendix 1, the summary of services.
 * Every sentence says what the register shows, and where it cannot tell, says that instead.
 */
import type { LocalDate } from '../../entry';
import { formatLocalDate } from '../../localDate';
import { IMPACT_OPTIONS } from '../../incidents/incidentColumns';
import { labelOf } from '../../entry';
import { ukDate } from '../../schema/deriveText';
import { DSPT_STATUS_LABELS } from './dsptStatus';
import {
  agree, appendixRow, criticalityOf, dpiaOf, instantDate, lifecycleOf, nextReviewOf, openIncidentsFor, ownerOf, plural, practiceFacts, statusOf, titleOf,
  type PracticeFacts,
} from './practiceFacts';
import type { LoadedPractice } from './practiceRows';
import {
  APPENDIX_COLUMNS, APPENDIX_SHEET, REVIEW_LIMITS_TEXT, REVIEW_PACK_HEADINGS as H, REVIEW_SCOPE_TEXT, type ReviewPack, type ReviewPackSection,
} from './reviewPackTypes';

export const REVIEW_PACK_TITLE = 'ICB annual digital review';

function incidentsSentence(facts: PracticeFacts, today: LocalDate): string {
  if (facts.openIncidents === null) return 'Open incidents: not known (the practice has no incidents list).';
  const count = facts.openIncidents.length;
  return count === 0 ? `No incidents were open on ${formatLocalDate(today)}.` : `${plural(count, 'incident')} open on ${formatLocalDate(today)}.`;
}

function servicesSection(facts: PracticeFacts, today: LocalDate): ReviewPackSection {
  return {
    heading: H.services,
    paragraphs: [
      `${plural(facts.inUse.length, 'service')} in use (in trial, live or retiring), ${facts.criticalOrHigh.length} of them of critical or high criticality.`,
      incidentsSentence(facts, today),
      'Incidents over the last 12 months: only open incidents are read from the register, so ask the practice about those closed since the last review.',
    ],
    table: {
      columns: ['Service', 'Criticality', 'Review status', 'Open incidents'],
      rows: facts.inUse.map((row) => [titleOf(row), criticalityOf(row), statusOf(row), openIncidentsFor(facts, row.id)]),
    },
  };
}

function implementationSection(facts: PracticeFacts): ReviewPackSection {
  const trial = facts.planned.filter((row) => row.entry.lifecycle === 'trial').length;
  return {
    heading: H.implementation,
    paragraphs: [facts.planned.length === 0
      ? 'No services are proposed or in trial.'
      : `${plural(facts.planned.length - trial, 'service')} proposed and ${trial} in trial.`],
    ...(facts.planned.length === 0 ? {} : {
      table: { columns: ['Service', 'Lifecycle', 'Owner', 'DPIA'], rows: facts.planned.map((row) => [titleOf(row), lifecycleOf(row), ownerOf(row), dpiaOf(row)]) },
    }),
  };
}

function trainingSection(facts: PracticeFacts): ReviewPackSection {
  const gaps = facts.inUse.filter((row) => facts.noTrainingDate.includes(row) || facts.noTrainingLink.includes(row));
  return {
    heading: H.training,
    paragraphs: [
      `Of ${plural(facts.inUse.length, 'service')} in use, ${facts.noTrainingDate.length} ${agree(facts.noTrainingDate.length, 'has', 'have')} no date when staff were trained `
      + `and ${facts.noTrainingLink.length} no training material or quick guide.`,
      ...(gaps.length === 0 ? ['Every service in use records staff training and a guide.'] : []),
    ],
    ...(gaps.length === 0 ? {} : {
      table: {
        columns: ['Service', 'Staff trained on', 'Training material or quick guide'],
        rows: gaps.map((row) => [titleOf(row), ukDate(row.entry.staffTrainedOn) || 'Not recorded', facts.noTrainingLink.includes(row) ? 'Not recorded' : 'Recorded']),
      },
    }),
  };
}

function continuitySection(facts: PracticeFacts, today: LocalDate): ReviewPackSection {
  const incidents = facts.openIncidents ?? [];
  return {
    heading: H.continuity,
    paragraphs: [
      `${facts.downtimeWritten.length} of ${plural(facts.inUse.length, 'service')} in use ${agree(facts.downtimeWritten.length, 'has', 'have')} a written downtime process; `
      + `${facts.testedRecently.length} of those ${agree(facts.testedRecently.length, 'was', 'were')} tested in the last 12 months.`,
      incidentsSentence(facts, today),
      ...incidents.map((incident) => `${incident.serviceTitle}: ${labelOf(IMPACT_OPTIONS, incident.impact).toLowerCase()} since ${instantDate(incident.startedAt)}.`),
    ],
    table: {
      columns: ['Service', 'Criticality', 'Downtime process', 'Continuity last tested', 'Open incidents'],
      rows: facts.inUse.map((row) => [
        titleOf(row), criticalityOf(row), facts.downtimeWritten.includes(row) ? 'Written' : 'Not written',
        ukDate(row.entry.continuityLastTested) || 'Never recorded', openIncidentsFor(facts, row.id),
      ]),
    },
  };
}

function futureSection(facts: PracticeFacts): ReviewPackSection {
  const listed = facts.active.filter((row) => facts.retiring.includes(row) || facts.overdue.includes(row) || facts.dueSoon.includes(row));
  return {
    heading: H.future,
    paragraphs: [
      `${plural(facts.retiring.length, 'service')} being retired; ${plural(facts.overdue.length, 'review')} overdue and ${facts.dueSoon.length} due soon.`,
    ],
    ...(listed.length === 0 ? {} : {
      table: { columns: ['Service', 'Lifecycle', 'Next review due', 'Review status'], rows: listed.map((row) => [titleOf(row), lifecycleOf(row), nextReviewOf(row), statusOf(row)]) },
    }),
  };
}

function governanceSection(facts: PracticeFacts): ReviewPackSection {
  return {
    heading: H.governance,
    paragraphs: [
      `${facts.dpiaComplete.length} of ${plural(facts.personal.length, 'service')} processing personal data ${agree(facts.dpiaComplete.length, 'has', 'have')} a completed DPIA.`,
      `DSPT 7.1.1 (register of digital services kept up to date): ${DSPT_STATUS_LABELS[facts.dspt.status]}. ${facts.dspt.detail}`,
    ],
    ...(facts.personal.length === 0 ? {} : {
      table: { columns: ['Service', 'DPIA', 'DPIA date'], rows: facts.personal.map((row) => [titleOf(row), dpiaOf(row), ukDate(row.entry.dpiaDate)]) },
    }),
  };
}

export function appendixSection(facts: PracticeFacts): ReviewPackSection {
  return {
    heading: H.appendix,
    paragraphs: [`${plural(facts.active.length, 'service')} in the register, not counting retired ones.`],
    table: { columns: [...APPENDIX_COLUMNS], rows: facts.active.map(appendixRow) },
    sheet: APPENDIX_SHEET,
  };
}

export function icbReviewPack(load: LoadedPractice, today: LocalDate): ReviewPack {
  const facts = practiceFacts(load, today);
  const ods = load.practice.odsCode.trim() === '' ? '' : ` (ODS ${load.practice.odsCode.trim()})`;
  return {
    title: `${REVIEW_PACK_TITLE}: ${load.practice.name}`,
    subtitle: `${load.practice.name}${ods}, from its Digital Services Register on ${formatLocalDate(today)}.`,
    sections: [
      { heading: H.about, paragraphs: [REVIEW_SCOPE_TEXT, REVIEW_LIMITS_TEXT] },
      servicesSection(facts, today),
      implementationSection(facts),
      trainingSection(facts),
      continuitySection(facts, today),
      futureSection(facts),
      governanceSection(facts),
      appendixSection(facts),
    ],
  };
}
