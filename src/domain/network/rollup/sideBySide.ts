/**
 * "Practices side by side": for each practice on the roster, the ten questions (answered, partly
 * answered, gaps), overdue reviews, risk flags, open incidents and the last register change. A
 * practice that could not be read, or has not opted in, is a row of its own saying so: never an
 * empty register.
 */
import type { LocalDate } from '../../entry';
import { countFlags } from '../../maturity/counts';
import { answerTenQuestions, type MaturityAnswer, type MaturityRow } from '../../maturity/questions';
import type { RiskFlag } from '../../riskFlags';
import type { MemberPractice } from '../networkLists';
import type { PracticeLoad, UnavailableReason } from '../practiceLoad';
import { activeRows, lastChangedAt, maturityRowsOf, type LoadedPractice } from './practiceRows';

export type QuestionOutcome = MaturityAnswer['outcome'];

export interface QuestionTally {
  readonly answered: number;
  readonly partial: number;
  readonly gaps: number;
}

export interface PracticeSummary {
  readonly practiceKey: string;
  readonly name: string;
  readonly questions: QuestionTally;
  /** Each of the ten questions' outcome, by question id. */
  readonly outcomes: Readonly<Record<string, QuestionOutcome>>;
  /** Entries (not retired) whose status is 'overdue'. */
  readonly overdueReviews: number;
  /** Entries raising each flag; flags no entry raises are absent. */
  readonly flagCounts: Readonly<Partial<Record<RiskFlag, number>>>;
  /** Open incidents; null when the practice has no incidents list (not known). */
  readonly openIncidents: number | null;
  /** The latest change to any entry (ISO instant); null for an empty register. */
  readonly lastChangedAt: string | null;
  readonly entryCount: number;
}

export type SideBySideRow =
  | { readonly kind: 'summary'; readonly practice: MemberPractice; readonly summary: PracticeSummary }
  | { readonly kind: 'not-opted-in'; readonly practice: MemberPractice }
  | { readonly kind: 'unavailable'; readonly practice: MemberPractice; readonly reason: UnavailableReason; readonly detail: string };

export function tallyOutcomes(answers: readonly MaturityAnswer[]): QuestionTally {
  const count = (outcome: QuestionOutcome): number => answers.filter((item) => item.outcome === outcome).length;
  return { answered: count('answered'), partial: count('partial'), gaps: count('gaps') };
}

/** The ten answers for one practice's register, from the same rows its own Overview shows. */
export function practiceAnswers(rows: readonly MaturityRow[], today: LocalDate): MaturityAnswer[] {
  return answerTenQuestions(rows, today);
}

export function summarisePractice(load: LoadedPractice, today: LocalDate): PracticeSummary {
  const rows = maturityRowsOf(load.entries, today);
  const answers = practiceAnswers(rows, today);
  const flagCounts: Partial<Record<RiskFlag, number>> = {};
  for (const item of countFlags(rows)) if (item.count > 0) flagCounts[item.code] = item.count;
  return {
    practiceKey: load.practice.key,
    name: load.practice.name,
    questions: tallyOutcomes(answers),
    outcomes: Object.fromEntries(answers.map((item) => [item.id, item.outcome])),
    overdueReviews: activeRows(rows).filter((row) => row.status === 'overdue').length,
    flagCounts,
    openIncidents: load.openIncidents === null ? null : load.openIncidents.length,
    lastChangedAt: lastChangedAt(load.entries),
    entryCount: load.entries.length,
  };
}

export function sideBySideRowOf(load: PracticeLoad, today: LocalDate): SideBySideRow {
  switch (load.state) {
    case 'loaded':
      return { kind: 'summary', practice: load.practice, summary: summarisePractice(load, today) };
    case 'not-opted-in':
      return { kind: 'not-opted-in', practice: load.practice };
    case 'unavailable':
      return { kind: 'unavailable', practice: load.practice, reason: load.reason, detail: load.detail };
  }
}

/** One row per practice in roster order; sort with `sortSideBySide`. */
export function sideBySide(loads: readonly PracticeLoad[], today: LocalDate): SideBySideRow[] {
  return loads.map((load) => sideBySideRowOf(load, today));
}
