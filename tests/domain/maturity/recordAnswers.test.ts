/** Question 7 ("How are access rights reviewed?") with the access reviews recorded and the checklists past their date. */
import { answerTenQuestions, reviewStatus, riskFlags, type MaturityRow } from '../../../src/domain';
import type { AccessReviewRecord } from '../../../src/domain/access';
import { TODAY, healthyEntry } from '../entryFixture';

function row(id: string, checklistOverdue = false): MaturityRow {
  const entry = healthyEntry({ title: `Service ${id}` });
  return { id, entry, status: reviewStatus(entry, TODAY), flags: riskFlags(entry, TODAY, { ownerLeft: false, checklistOverdue }) };
}

function review(entryId: string, reviewedOn: string, accountsChecked: number, accountsRemoved: number): AccessReviewRecord {
  return { key: `rev-${entryId}-${reviewedOn}`, entryId, serviceTitle: `Service ${entryId}`, reviewedOn, reviewedBy: 'Priya Shah', accountsChecked, accountsRemoved, notes: '' };
}

const q7 = (answers: ReturnType<typeof answerTenQuestions>) => answers.find((answer) => answer.id === 'access')!;

test('the access reviews recorded in the last 12 months are counted, with accounts checked and removed', () => {
  const reviews = [review('1', '2026-03-01', 20, 2), review('2', '2026-01-10', 5, 0), review('1', '2025-01-01', 30, 9)];
  const answer = q7(answerTenQuestions([row('1'), row('2')], TODAY, { accessReviews: reviews }));
  expect(answer.summary).toBe('2 of 2 services in use holding personal data had their access checked in the last 12 months. 2 access reviews of 2 services recorded in the last 12 months: 25 accounts checked, 2 removed.');
  expect(q7(answerTenQuestions([row('1')], TODAY, { accessReviews: [] })).summary).toMatch(/No access review has been recorded in People and access in the last 12 months\.$/);
  // Without the records the answer is as before.
  expect(q7(answerTenQuestions([row('1')], TODAY)).summary).toBe('1 of 1 services in use holding personal data had their access checked in the last 12 months.');
});

test('services with a joiner, leaver or role-change checklist line open past its date are a gap', () => {
  const answer = q7(answerTenQuestions([row('1'), row('2', true)], TODAY));
  expect(answer.outcome).toBe('gaps');
  expect(answer.gaps).toEqual([{ label: 'Joiner, leaver or role-change checklist past its date', entryIds: ['2'], flag: 'access-checklist-overdue' }]);
});
