/**
 * The tab's change logic: the register rows carry the flags the practice's records raise (go-live
 * record, untested change, checklist overdue) once they are loaded, and the review questions ask
 * what applies to the service, write one dated line into the notes, and say what is missing.
 */
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../../../src/domain';
import { recordRiskContexts, workloadCheckDueFor, type ChangeRecord } from '../../../../src/domain/change';
import { registerRowsOf } from '../../../../src/tab/state/registerRows';
import { answerProblems, notesWithReview, questionsFor, reviewNoteLine } from '../../../../src/tab/features/change/reviewQuestions';

const TODAY = '2026-06-15';

function stored(id: string, patch: Partial<RegisterEntry>): StoredEntry {
  return { id, eTag: `"${id},1"`, entry: { ...emptyEntry(), title: `Service ${id}`, ...patch }, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

function change(entryId: string, patch: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    key: `chg-${entryId}`, entryId, serviceTitle: '', kind: 'change', whatChanged: 'x', howTested: 'tested', approvedBy: 'P', staffTold: 'huddle',
    goLiveOn: '2026-06-01', workloadCheckDue: workloadCheckDueFor('2026-06-01'), workloadCheck: null, gates: [], fromLifecycle: null, recordedBy: 'P', recordedAt: '',
    ...patch,
  };
}

test('rows show record flags only once the records are loaded', () => {
  const entries = [stored('1', { lifecycle: 'live' }), stored('2', { lifecycle: 'live' })];
  const flagsOf = (rows: ReturnType<typeof registerRowsOf>, id: string) => rows.find((row) => row.stored.id === id)!.flags;
  const before = registerRowsOf(entries, TODAY, new Map());
  expect(flagsOf(before, '1')).not.toContain('live-without-go-live-record');
  const contextOf = recordRiskContexts({ changes: [change('1', { kind: 'go-live' }), change('2', { howTested: '' })], overdueChecklistEntries: new Set(['2']) });
  const after = registerRowsOf(entries, TODAY, new Map(), contextOf);
  expect(flagsOf(after, '1')).not.toContain('live-without-go-live-record');
  expect(flagsOf(after, '2')).toEqual(expect.arrayContaining(['live-without-go-live-record', 'change-untested', 'access-checklist-overdue']));
});

test('the review asks about a service in use, and about workload only where a change went live since the last review', () => {
  const live = { ...emptyEntry(), lifecycle: 'live' as const, lastReviewedOn: '2026-01-01' };
  expect(questionsFor(live, [], TODAY).map((question) => question.id)).toEqual(['still-works', 'training']);
  expect(questionsFor(live, [change('1')], TODAY).map((question) => question.id)).toEqual(['still-works', 'workload', 'training']);
  expect(questionsFor({ ...live, lastReviewedOn: '2026-06-10' }, [change('1')], TODAY).map((question) => question.id)).toEqual(['still-works', 'training']);
  expect(questionsFor({ ...live, lifecycle: 'proposed' }, [change('1')], TODAY)).toEqual([]);
});

test('each question needs an answer, and the worrying answer needs its follow-up; the answers become one dated line', () => {
  const questions = questionsFor({ ...emptyEntry(), lifecycle: 'live' }, [], TODAY);
  expect(answerProblems(questions, {})).toEqual({ 'still-works': 'Answer yes or no.', training: 'Answer yes or no.' });
  const answers = { 'still-works': { answer: 'yes' as const, detail: '' }, training: { answer: 'no' as const, detail: '' } };
  expect(answerProblems(questions, answers)).toEqual({ training: 'Who needs training, or what is out of date?' });
  const full = { ...answers, training: { answer: 'no' as const, detail: 'Two new receptionists' } };
  expect(answerProblems(questions, full)).toEqual({});
  const line = reviewNoteLine(questions, full, TODAY);
  expect(line).toBe('Review 15 June 2026: still doing what we think: yes; training current: no (Two new receptionists).');
  expect(notesWithReview('Earlier note.\n', line)).toBe(`Earlier note.\n${line}`);
  expect(notesWithReview('', line)).toBe(line);
});
