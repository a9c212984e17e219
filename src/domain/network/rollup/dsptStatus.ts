/**
 * DSPT 7.1.1 ("asset register ... kept up to date") across the network, per practice:
 * - 'met': the register lists services in use, every one has an owner and none is overdue for
 *   review or in use without ever being reviewed;
 * - 'gaps': otherwise, with each reason and how many services it affects;
 * - 'not known': the practice could not be read, or has not opted in.
 * It reads the register only: the practice's own DSPT submission is not visible to the network.
 */
import type { LocalDate } from '../../entry';
import { formatLocalDate } from '../../localDate';
import { IN_USE_LIFECYCLES } from '../../due';
import { RISK_FLAGS, type RiskFlag } from '../../riskFlags';
import type { SheetTable } from '../../spreadsheetFiles';
import type { MemberPractice } from '../networkLists';
import { UNAVAILABLE_REASONS, type PracticeLoad } from '../practiceLoad';
import { byName, maturityRowsOf, type LoadedPractice } from './practiceRows';

export type DsptStatus = 'met' | 'gaps' | 'not known';

export const DSPT_STATUS_LABELS: Readonly<Record<DsptStatus, string>> = { met: 'Met', gaps: 'Gaps', 'not known': 'Not known' };

/** The flags that mean the register is not "kept up to date" for 7.1.1. */
export const DSPT_711_FLAGS: readonly RiskFlag[] = ['no-owner', 'owner-left', 'review-overdue', 'in-use-never-reviewed'];

export interface DsptReason {
  readonly label: string;
  /** Services affected. */
  readonly count: number;
}

export interface DsptPracticeStatus {
  readonly practiceKey: string;
  readonly practice: string;
  readonly status: DsptStatus;
  readonly reasons: readonly DsptReason[];
  /** Services in use (trial, live or retiring); null when not known. */
  readonly servicesInUse: number | null;
  /** One plain sentence: the reasons, or why it is not known. */
  readonly detail: string;
}

export const NO_SERVICES_REASON = 'The register lists no services in use';

export function dsptStatusOf(load: LoadedPractice, today: LocalDate): DsptPracticeStatus {
  const inUse = maturityRowsOf(load.entries, today).filter((row) => IN_USE_LIFECYCLES.includes(row.entry.lifecycle));
  const reasons: DsptReason[] = inUse.length === 0 ? [{ label: NO_SERVICES_REASON, count: 0 }] : [];
  for (const flag of RISK_FLAGS.filter((info) => DSPT_711_FLAGS.includes(info.code))) {
    const count = inUse.filter((row) => row.flags.includes(flag.code)).length;
    if (count > 0) reasons.push({ label: flag.label, count });
  }
  const status: DsptStatus = reasons.length === 0 ? 'met' : 'gaps';
  const detail = status === 'met'
    ? inUse.length === 1
      ? 'The one service in use has an owner and is within its review dates.'
      : `All ${inUse.length} services in use have an owner and are within their review dates.`
    : `${reasons.map((reason) => (reason.label === NO_SERVICES_REASON ? reason.label : `${reason.label}: ${reason.count}`)).join('; ')}.`;
  return { practiceKey: load.practice.key, practice: load.practice.name, status, reasons, servicesInUse: inUse.length, detail };
}

function notKnown(practice: MemberPractice, detail: string): DsptPracticeStatus {
  return { practiceKey: practice.key, practice: practice.name, status: 'not known', reasons: [], servicesInUse: null, detail };
}

export const NOT_OPTED_IN_TEXT = 'Not opted in: the practice has not shared its register with this network.';

/** Why a practice's data is missing, in words (shared with the review packs). */
export function notKnownText(load: Exclude<PracticeLoad, LoadedPractice>): string {
  return load.state === 'not-opted-in' ? NOT_OPTED_IN_TEXT : `Unavailable: ${UNAVAILABLE_REASONS[load.reason]}`;
}

/** One row per practice, by practice name. */
export function dsptStatusAcross(loads: readonly PracticeLoad[], today: LocalDate): DsptPracticeStatus[] {
  return loads
    .map((load) => (load.state === 'loaded' ? dsptStatusOf(load, today) : notKnown(load.practice, notKnownText(load))))
    .sort((a, b) => byName(a.practice, b.practice));
}

export const DSPT_ACROSS_TITLE = 'DSPT 7.1.1 status across practices: register of digital services kept up to date';
export const DSPT_ACROSS_COLUMNS = ['Practice', 'DSPT 7.1.1 status', 'Services in use', 'Reasons'] as const;

/** The status as a sheet for the XLSX writer: title, network, date, then the table (header in bold). */
export function dsptStatusSheet(rows: readonly DsptPracticeStatus[], networkName: string, today: LocalDate): SheetTable {
  const head = [
    [DSPT_ACROSS_TITLE],
    ['Network', networkName],
    ['Produced on', formatLocalDate(today)],
    ['Read from each practice\'s Digital Services Register; a practice that could not be read is "Not known", never "Met".'],
    [],
  ];
  const body = rows.map((row) => [row.practice, DSPT_STATUS_LABELS[row.status], row.servicesInUse === null ? 'Not known' : String(row.servicesInUse), row.detail]);
  return { name: 'DSPT 7.1.1 status', rows: [...head, [...DSPT_ACROSS_COLUMNS], ...body], boldRows: [0, head.length] };
}
