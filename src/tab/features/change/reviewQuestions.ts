/**
 * The questions "Mark reviewed" asks where they apply (issue 17's seed): is it still doing what we
 * think and is training current (services in use: trial, live, retiring); has the workload moved (where a
 * change went live since the last review, or a workload check is due). A service not in use has none. The answers become one dated line in the entry's
 * notes, and a workload answer also completes any workload check that is due. Pure.
 */
import type { LocalDate, RegisterEntry } from '@domain';
import { IN_USE_LIFECYCLES, formatLocalDate } from '@domain';
import { workloadState, type ChangeRecord } from '@domain/change';

export type QuestionId = 'still-works' | 'workload' | 'training';

export interface ReviewQuestion {
  readonly id: QuestionId;
  readonly question: string;
  /** What to ask for when the answer is the worrying one. */
  readonly followUp: string;
  /** The worrying answer: 'no' for still works and training, 'yes' for workload moved. */
  readonly worrying: 'yes' | 'no';
}

export const REVIEW_QUESTIONS: Readonly<Record<QuestionId, ReviewQuestion>> = {
  'still-works': { id: 'still-works', question: 'Is it still doing what we think it does?', followUp: 'What is different?', worrying: 'no' },
  workload: { id: 'workload', question: 'Has the workload moved since it changed?', followUp: 'Where has the workload gone?', worrying: 'yes' },
  training: { id: 'training', question: 'Is staff training current?', followUp: 'Who needs training, or what is out of date?', worrying: 'no' },
};

/** The changes whose workload check the review can answer: due or overdue, or gone live since the last review. */
export function changesForWorkload(entry: RegisterEntry, changes: readonly ChangeRecord[], today: LocalDate): ChangeRecord[] {
  return changes.filter((change) => {
    const state = workloadState(change, today);
    if (state === 'due' || state === 'overdue') return true;
    return state === 'not-yet' && change.goLiveOn <= today && (entry.lastReviewedOn === null || change.goLiveOn > entry.lastReviewedOn);
  });
}

/** The questions that apply to this entry, in order. */
export function questionsFor(entry: RegisterEntry, changes: readonly ChangeRecord[], today: LocalDate): ReviewQuestion[] {
  // A proposed or retired service does nothing yet (or any more): its review is the one click it always was.
  if (!IN_USE_LIFECYCLES.includes(entry.lifecycle)) return [];
  return [
    REVIEW_QUESTIONS['still-works'],
    ...(changesForWorkload(entry, changes, today).length > 0 ? [REVIEW_QUESTIONS.workload] : []),
    REVIEW_QUESTIONS.training,
  ];
}

export interface Answer {
  readonly answer: 'yes' | 'no' | '';
  readonly detail: string;
}

/** Problems by question: every question answered, and the follow-up said when the answer is the worrying one. */
export function answerProblems(questions: readonly ReviewQuestion[], answers: Partial<Record<QuestionId, Answer>>): Partial<Record<QuestionId, string>> {
  const problems: Partial<Record<QuestionId, string>> = {};
  for (const question of questions) {
    const given = answers[question.id];
    if (!given || given.answer === '') problems[question.id] = 'Answer yes or no.';
    else if (given.answer === question.worrying && given.detail.trim() === '') problems[question.id] = question.followUp;
  }
  return problems;
}

/** "Review 15 June 2026: still doing what we think: yes; training current: no (two new receptionists)." */
export function reviewNoteLine(questions: readonly ReviewQuestion[], answers: Partial<Record<QuestionId, Answer>>, today: LocalDate): string {
  const short: Record<QuestionId, string> = { 'still-works': 'still doing what we think', workload: 'workload moved', training: 'training current' };
  const parts = questions.map((question) => {
    const given = answers[question.id];
    const detail = given?.detail.trim() ? ` (${given.detail.trim()})` : '';
    return `${short[question.id]}: ${given?.answer || 'not answered'}${detail}`;
  });
  return `Review ${formatLocalDate(today)}: ${parts.join('; ')}.`;
}

/** The entry's notes with the review line added on a line of its own. */
export function notesWithReview(notes: string, line: string): string {
  return notes.trim() === '' ? line : `${notes.trimEnd()}\n${line}`;
}
