/**
 * What the review packs say about one practice, worked out once from its register with the domain's
 * rules (status and flags as its own tab shows them): services in use, plans, training, continuity,
 * reviews due and DPIAs. Both the per-practice and the per-PCN pack read these.
 */
import { CATEGORIES, CRITICALITIES, DPIA_STATUSES, LIFECYCLES, PROVISIONS, labelOf, type LocalDate } from '../../entry';
import { hasDowntimeProcess } from '../../downtime';
import { IN_USE_LIFECYCLES, processesPersonalData } from '../../due';
import { isLocalDate, londonDateOf } from '../../localDate';
import type { MaturityRow } from '../../maturity/questions';
import { REVIEW_STATUSES, effectiveNextReviewDue } from '../../reviewStatus';
import { ukDate } from '../../schema/deriveText';
import type { StoredIncidentSummary } from '../incidentSummary';
import { dsptStatusOf, type DsptPracticeStatus } from './dsptStatus';
import { activeRows, byName, maturityRowsOf, type LoadedPractice } from './practiceRows';

export interface PracticeFacts {
  readonly name: string;
  /** Not retired, by service name. */
  readonly active: readonly MaturityRow[];
  /** Trial, live or retiring. */
  readonly inUse: readonly MaturityRow[];
  readonly criticalOrHigh: readonly MaturityRow[];
  /** Proposed or in trial. */
  readonly planned: readonly MaturityRow[];
  readonly noTrainingDate: readonly MaturityRow[];
  readonly noTrainingLink: readonly MaturityRow[];
  readonly downtimeWritten: readonly MaturityRow[];
  /** Downtime process tested in the last 12 months (its continuity test is not overdue). */
  readonly testedRecently: readonly MaturityRow[];
  readonly retiring: readonly MaturityRow[];
  readonly overdue: readonly MaturityRow[];
  readonly dueSoon: readonly MaturityRow[];
  /** Not retired, processing personal data. */
  readonly personal: readonly MaturityRow[];
  readonly dpiaComplete: readonly MaturityRow[];
  /** Null: the practice has no incidents list, so not known. */
  readonly openIncidents: readonly StoredIncidentSummary[] | null;
  readonly dspt: DsptPracticeStatus;
}

const blank = (text: string): boolean => text.trim() === '';

export function practiceFacts(load: LoadedPractice, today: LocalDate): PracticeFacts {
  const active = activeRows(maturityRowsOf(load.entries, today)).sort((a, b) => byName(a.entry.title, b.entry.title));
  const inUse = active.filter((row) => IN_USE_LIFECYCLES.includes(row.entry.lifecycle));
  const downtimeWritten = inUse.filter((row) => hasDowntimeProcess(row.entry));
  const personal = active.filter((row) => processesPersonalData(row.entry));
  return {
    name: load.practice.name,
    active,
    inUse,
    criticalOrHigh: inUse.filter((row) => row.entry.criticality === 'critical' || row.entry.criticality === 'high'),
    planned: active.filter((row) => row.entry.lifecycle === 'proposed' || row.entry.lifecycle === 'trial'),
    noTrainingDate: inUse.filter((row) => row.entry.staffTrainedOn === null),
    noTrainingLink: inUse.filter((row) => blank(row.entry.trainingLink)),
    downtimeWritten,
    testedRecently: downtimeWritten.filter((row) => {
      const tested = row.entry.continuityLastTested;
      return tested !== null && isLocalDate(tested) && !row.flags.includes('continuity-test-overdue');
    }),
    retiring: active.filter((row) => row.entry.lifecycle === 'retiring'),
    overdue: active.filter((row) => row.status === 'overdue'),
    dueSoon: active.filter((row) => row.status === 'due-soon'),
    personal,
    dpiaComplete: personal.filter((row) => row.entry.dpiaStatus === 'complete'),
    openIncidents: load.openIncidents,
    dspt: dsptStatusOf(load, today),
  };
}

/** "3 services", "1 service". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The verb agreeing with the number before it: "1 of 3 has", "2 of 3 have". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

export const titleOf = (row: MaturityRow): string => row.entry.title.trim() || '(no name)';
export const ownerOf = (row: MaturityRow): string => row.entry.owner?.displayName ?? 'No owner';
export const lifecycleOf = (row: MaturityRow): string => labelOf(LIFECYCLES, row.entry.lifecycle);
export const criticalityOf = (row: MaturityRow): string => labelOf(CRITICALITIES, row.entry.criticality);
export const dpiaOf = (row: MaturityRow): string => labelOf(DPIA_STATUSES, row.entry.dpiaStatus);
export const statusOf = (row: MaturityRow): string => labelOf(REVIEW_STATUSES, row.status);
export const nextReviewOf = (row: MaturityRow): string => ukDate(effectiveNextReviewDue(row.entry)) || 'Not set';

/** An ISO instant as its London date, dd/mm/yyyy ('' when unreadable). */
export function instantDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : ukDate(londonDateOf(new Date(ms)));
}

/** Appendix 1's row for one service (columns: APPENDIX_COLUMNS). */
export function appendixRow(row: MaturityRow): string[] {
  const { entry } = row;
  return [
    titleOf(row), labelOf(CATEGORIES, entry.category), labelOf(PROVISIONS, entry.provision), entry.supplier, ownerOf(row), lifecycleOf(row),
    criticalityOf(row), dpiaOf(row), ukDate(entry.lastReviewedOn) || 'Never', nextReviewOf(row),
  ];
}

/** Open incidents of one entry: a count, or 'Not known' without an incidents list. */
export function openIncidentsFor(facts: PracticeFacts, entryId: string): string {
  return facts.openIncidents === null ? 'Not known' : String(facts.openIncidents.filter((incident) => incident.entryId === entryId).length);
}
