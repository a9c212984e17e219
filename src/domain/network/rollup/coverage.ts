/**
 * Coverage of each of the ten questions across the network: how many practices answer it fully,
 * partly, or with gaps, and how many could not be counted (unavailable or not opted in). The
 * "Charts" tab draws it, with the same numbers in a table for screen readers.
 */
import type { LocalDate } from '../../entry';
import type { PracticeLoad } from '../practiceLoad';
import { isLoaded, maturityRowsOf } from './practiceRows';
import { practiceAnswers } from './sideBySide';

export interface QuestionCoverage {
  readonly questionId: string;
  readonly question: string;
  readonly answered: number;
  readonly partial: number;
  readonly gaps: number;
  /** Practices on the roster that could not be read or have not opted in. */
  readonly notKnown: number;
}

/** One item per question, in the questions' order; every practice counted once per question. */
export function questionCoverage(loads: readonly PracticeLoad[], today: LocalDate): QuestionCoverage[] {
  const loaded = loads.filter(isLoaded);
  const notKnown = loads.length - loaded.length;
  const perPractice = loaded.map((load) => practiceAnswers(maturityRowsOf(load.entries, today), today));
  // The questions themselves do not depend on the data: read their order and wording from an empty register.
  return practiceAnswers([], today).map((question) => {
    const outcomes = perPractice.map((answers) => answers.find((item) => item.id === question.id)?.outcome);
    const count = (outcome: string): number => outcomes.filter((item) => item === outcome).length;
    return { questionId: question.id, question: question.question, answered: count('answered'), partial: count('partial'), gaps: count('gaps'), notKnown };
  });
}
