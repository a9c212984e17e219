import { answerTenQuestions, countFlags, countReviewStates, reviewStatus, riskFlags, type MaturityRow, type RegisterEntry } from '../../../src/domain';
import { TODAY, healthyEntry } from '../entryFixture';

function row(id: string, overrides: Partial<RegisterEntry> = {}, ownerLeft = false): MaturityRow {
  const entry = healthyEntry({ title: `Service ${id}`, ...overrides });
  return { id, entry, status: reviewStatus(entry, TODAY), flags: riskFlags(entry, TODAY, { ownerLeft }) };
}

const byId = (answers: ReturnType<typeof answerTenQuestions>, id: string) => answers.find((answer) => answer.id === id)!;

test('answers ten questions, in the order of the design notes', () => {
  const answers = answerTenQuestions([row('1')], TODAY);
  expect(answers.map((answer) => answer.question)).toHaveLength(10);
  expect(answers[0]!.question).toBe('What do we rely on every day?');
  expect(answers[9]!.question).toBe('How do we know each system still does what we think?');
});

test('"who owns each one" counts named owners and lists the entries with no owner or an owner who left', () => {
  const rows = [row('1'), row('2', { owner: null }), row('3', {}, true), row('4')];
  const owners = byId(answerTenQuestions(rows, TODAY), 'owners');
  expect(owners.summary).toBe('2 of 4 have a named owner in the practice; 1 has none and 1 has an owner who has left.');
  expect(owners.outcome).toBe('gaps');
  expect(owners.gaps).toEqual([
    { label: 'No owner', entryIds: ['2'], flag: 'no-owner' },
    { label: 'Owner has left', entryIds: ['3'], flag: 'owner-left' },
  ]);
});

test('a healthy register has no gaps where the register can answer, and says plainly where it cannot', () => {
  const answers = answerTenQuestions([row('1'), row('2')], TODAY);
  for (const answer of answers) expect(answer.gaps).toEqual([]);
  const changes = byId(answers, 'change-testing');
  expect(changes.outcome).toBe('partial');
  expect(changes.cannotTell).toMatch(/no field for how changes are tested/);
  expect(byId(answers, 'dpia').cannotTell).toMatch(/privacy notice/);
});

test('DPIA, access review, downtime and review gaps list the entries behind them', () => {
  const rows = [
    row('1', { dpiaStatus: 'in-progress' }),
    row('2', { lastAccessReview: '2024-01-01' }),
    row('3', { downtimeProcess: '' }),
    row('4', { nextReviewDue: '2026-01-01' }),
    row('5', { lifecycle: 'retired', owner: null }),
  ];
  const answers = answerTenQuestions(rows, TODAY);
  expect(byId(answers, 'dpia').gaps[0]).toMatchObject({ entryIds: ['1'], flag: 'personal-data-no-dpia' });
  expect(byId(answers, 'access').gaps[0]).toMatchObject({ entryIds: ['2'], flag: 'access-review-overdue' });
  expect(byId(answers, 'downtime').gaps[0]).toMatchObject({ entryIds: ['3'], flag: 'no-downtime-process' });
  expect(byId(answers, 'still-works').gaps[0]).toMatchObject({ entryIds: ['4'], status: 'overdue' });
  // The retired entry is out of the questions: no owner gap for it.
  expect(byId(answers, 'owners').gaps).toEqual([]);
});

test('counts risk flags and review states (retired entries have no review to count)', () => {
  const rows = [row('1'), row('2', { owner: null, nextReviewDue: '2026-01-01' }), row('3', { lifecycle: 'retired' })];
  expect(countFlags(rows).find((count) => count.code === 'no-owner')!.count).toBe(1);
  expect(countReviewStates(rows).map((count) => [count.code, count.count])).toEqual([
    ['up-to-date', 1], ['due-soon', 0], ['overdue', 1], ['not-set', 0],
  ]);
});

test('the downtime answer reads as English for one service: "1 of those was tested", not "were"', () => {
  const one = byId(answerTenQuestions([row('1')], TODAY), 'downtime').summary;
  expect(one).toBe('1 of 1 service in use has a written downtime process; 1 of those was tested in the last 12 months.');
  const two = byId(answerTenQuestions([row('1'), row('2', { continuityLastTested: null })], TODAY), 'downtime').summary;
  expect(two).toBe('2 of 2 services in use have a written downtime process; 1 of those was tested in the last 12 months.');
});
