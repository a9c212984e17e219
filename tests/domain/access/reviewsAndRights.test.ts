import {
  accessEvidenceCsvRows,
  accessEvidenceSheets,
  accessReviewCycle,
  accessReviewErrors,
  accessReviewToFields,
  adminHolderErrors,
  adminRightsHeldBy,
  adminRightsNotReviewed,
  adminRightsView,
  applyAccessReview,
  buildChecklist,
  entriesWithOverdueChecklists,
  fieldsToAccessReview,
  holderNeedsReview,
  markNotApplicable,
  overdueChecklistLines,
  recordHandover,
  tickLine,
  type AccessReviewRecord,
} from '../../../src/domain/access';
import { buildDigestCard } from '../../../src/domain/reminders/digestCard';
import { dueDatesOf, isOverdue, riskFlags, toCsv, type AdminRightHolder, type PersonRef } from '../../../src/domain';
import { healthyEntry, PRIYA, TODAY } from '../entryFixture';

const HELEN: PersonRef = { entraId: '33333333-3333-3333-3333-333333333333', displayName: 'Helen Carter', upn: 'helen.carter@nhs.net' };
const holder = (overrides: Partial<AdminRightHolder> = {}): AdminRightHolder => ({
  person: HELEN, externalName: '', organisation: 'Riverside', agreementOnFile: true, reviewedOn: '2026-01-10', ...overrides,
});

describe('access review due rule (src/domain/due.ts)', () => {
  it('is due the entry’s own interval after the last review; 0 months means no cycle', () => {
    const entry = healthyEntry({ lastAccessReview: '2026-01-31', accessReviewIntervalMonths: 3 });
    expect(dueDatesOf(entry)['access-review']).toBe('2026-04-30');
    expect(isOverdue(entry, 'access-review', TODAY)).toBe(true);
    expect(dueDatesOf({ ...entry, accessReviewIntervalMonths: 12 })['access-review']).toBe('2027-01-31');
    const none = { ...entry, accessReviewIntervalMonths: 0 };
    expect(dueDatesOf(none)['access-review']).toBeNull();
    expect(riskFlags({ ...none, lastAccessReview: null }, TODAY, { ownerLeft: false })).not.toContain('access-review-overdue');
  });

  it('gives the cycle for the access reviews view: last, interval, next due, state', () => {
    expect(accessReviewCycle(healthyEntry({ lastAccessReview: '2026-01-31', accessReviewIntervalMonths: 6 }), TODAY)).toEqual({
      last: '2026-01-31', intervalMonths: 6, nextDue: '2026-07-31', state: 'up-to-date',
    });
    expect(accessReviewCycle(healthyEntry({ lastAccessReview: null }), TODAY).state).toBe('never');
    expect(accessReviewCycle(healthyEntry({ accessReviewIntervalMonths: 0 }), TODAY).state).toBe('none');
  });
});

describe('access review records', () => {
  const review: AccessReviewRecord = {
    key: 'rev-1', entryId: '9', serviceTitle: 'Docman', reviewedOn: '2026-06-01', reviewedBy: 'Grace Lee', accountsChecked: 12, accountsRemoved: 2, notes: '',
  };

  it('are checked before they are recorded', () => {
    expect(accessReviewErrors(review, TODAY)).toEqual({});
    expect(accessReviewErrors({ ...review, accountsRemoved: 13 }, TODAY)).toEqual({ accountsRemoved: 'Accounts removed cannot be more than accounts checked.' });
    expect(accessReviewErrors({ ...review, reviewedOn: '2026-06-16', reviewedBy: ' ', accountsChecked: -1 }, TODAY)).toEqual({
      reviewedOn: 'The review date cannot be in the future.', reviewedBy: 'Say who reviewed.', accountsChecked: 'Accounts checked must be a whole number, 0 or more.',
    });
  });

  it('move the entry’s last access review forward, never back', () => {
    expect(applyAccessReview(healthyEntry({ lastAccessReview: '2026-01-01' }), review).lastAccessReview).toBe('2026-06-01');
    expect(applyAccessReview(healthyEntry({ lastAccessReview: '2026-06-10' }), review).lastAccessReview).toBe('2026-06-10');
  });

  it('round-trip through list item fields, and an item edited by hand reads as null', () => {
    expect(fieldsToAccessReview(accessReviewToFields(review))).toEqual(review);
    expect(fieldsToAccessReview({ ...accessReviewToFields(review), AccountsChecked: 'lots' })).toBeNull();
  });
});

describe('admin rights', () => {
  it('need review when never reviewed or reviewed more than 12 months ago', () => {
    expect(holderNeedsReview(holder({ reviewedOn: null }), TODAY)).toBe(true);
    expect(holderNeedsReview(holder({ reviewedOn: '2025-06-15' }), TODAY)).toBe(false);
    expect(holderNeedsReview(holder({ reviewedOn: '2025-06-14' }), TODAY)).toBe(true);
  });

  it('raise the "admin rights not reviewed" risk flag on a service not retired', () => {
    const entry = healthyEntry({ adminRights: [holder(), holder({ person: null, externalName: 'Sam Engineer', organisation: 'Supplier', reviewedOn: null })] });
    expect(adminRightsNotReviewed(entry, TODAY)).toBe(true);
    expect(riskFlags(entry, TODAY, { ownerLeft: false })).toEqual(['admin-rights-not-reviewed']);
    expect(riskFlags({ ...entry, lifecycle: 'retired' }, TODAY, { ownerLeft: false })).toEqual([]);
    expect(riskFlags(healthyEntry({ adminRights: [holder()] }), TODAY, { ownerLeft: false })).toEqual([]);
  });

  it('make a practice-wide view, those needing review first, and a person’s own rows', () => {
    const register = [
      { id: '1', entry: healthyEntry({ title: 'EMIS Web', adminRights: [holder()] }) },
      { id: '2', entry: healthyEntry({ title: 'Accurx', adminRights: [holder({ person: null, externalName: 'Sam Engineer', organisation: 'Accurx', reviewedOn: null })] }) },
      { id: '3', entry: healthyEntry({ title: 'Gone', lifecycle: 'retired', adminRights: [holder()] }) },
    ];
    const rows = adminRightsView(register, TODAY);
    expect(rows.map((row) => [row.serviceTitle, row.name, row.needsReview])).toEqual([['Accurx', 'Sam Engineer', true], ['EMIS Web', 'Helen Carter', false]]);
    expect(adminRightsHeldBy(rows, { ...HELEN, entraId: HELEN.entraId.toUpperCase() }).map((row) => row.serviceTitle)).toEqual(['EMIS Web']);
  });

  it('are checked in the editor’s words', () => {
    expect(adminHolderErrors(holder({ person: null, externalName: '', organisation: '' }), TODAY)).toEqual({
      person: 'Pick a person from the directory or type their name.', organisation: 'Say which organisation an external engineer works for.',
    });
    expect(adminHolderErrors(holder({ reviewedOn: '2026-07-01' }), TODAY)).toEqual({ reviewedOn: 'The review date cannot be in the future.' });
  });
});

describe('checklists past their date', () => {
  const register = [
    { id: '1', entry: healthyEntry({ title: 'EMIS Web', owner: HELEN, adminRights: [holder()] }) },
    { id: '2', entry: healthyEntry({ title: '=cmd|calc', owner: PRIYA }) },
  ];
  const leaver = buildChecklist({ key: 'chk-1', kind: 'leaver', person: HELEN, role: 'clinician', date: '2026-06-01', createdBy: 'Priya Shah', createdAt: '2026-05-20T09:00:00.000Z' }, register);

  it('flag the services whose line is still open, and are reminded in the channel digest', () => {
    const partly = tickLine(leaver, 'access:1', 'Priya Shah', '2026-06-01T10:00:00.000Z');
    expect([...entriesWithOverdueChecklists([partly], TODAY)].sort()).toEqual(['1', '2']);
    expect(riskFlags(register[0]!.entry, TODAY, { ownerLeft: false, checklistOverdue: true })).toContain('access-checklist-overdue');
    expect(entriesWithOverdueChecklists([partly], '2026-06-01').size).toBe(0);
    const lines = overdueChecklistLines([partly], TODAY);
    expect(lines).toEqual(['Leaver checklist for Helen Carter: 3 of 4 lines open, due 1 June 2026']);
    const digest = buildDigestCard({ practiceName: 'Riverside', runDate: TODAY, reminders: [], entryLink: (id) => `https://example.org/${id}`, overdueChecklists: lines });
    const text = JSON.stringify(digest.card);
    expect(text).toContain('Access checklists past their date (1)');
    expect(text).toContain('Leaver checklist for Helen Carter: 3 of 4 lines open');
    expect(JSON.stringify(buildDigestCard({ practiceName: 'Riverside', runDate: TODAY, reminders: [], entryLink: (id) => `https://example.org/${id}` }).card)).not.toContain('Access checklists');
  });

  it('export as DSPT access evidence, formula-safe in CSV', () => {
    let done = tickLine(leaver, 'access:1', 'Priya Shah', '2026-06-01T10:00:00.000Z');
    done = markNotApplicable(done, 'access:2', 'No account', 'Priya Shah', '2026-06-01T10:01:00.000Z');
    done = recordHandover(done, 'handover:1:owner', PRIYA, 'Priya Shah', '2026-06-01T10:02:00.000Z');
    done = tickLine(done, 'admin:1:0', 'Priya Shah', '2026-06-01T10:03:00.000Z');
    const input = { practice: 'Riverside', today: TODAY, register, checklists: [done], reviews: [] };
    const [leavers, admins] = accessEvidenceSheets(input);
    expect(leavers?.rows[0]).toEqual(['Leaver', 'Email', 'Last working day', 'Checklist complete on', 'Service', 'Action', 'Outcome', 'Done by', 'Done on', 'Reason (not applicable)']);
    expect(leavers?.rows.slice(1).map((row) => [row[4], row[5], row[6], row[3], row[8]])).toEqual([
      ['=cmd|calc', 'Access removed', 'Not applicable', '01/06/2026', '01/06/2026'],
      ['EMIS Web', 'Access removed', 'Done', '01/06/2026', '01/06/2026'],
      ['EMIS Web', 'Ownership handed over', 'Done: handed to Priya Shah', '01/06/2026', '01/06/2026'],
      ['EMIS Web', 'Admin rights removed', 'Done', '01/06/2026', '01/06/2026'],
    ]);
    expect(admins?.rows[1]).toEqual(['EMIS Web', 'Helen Carter', 'helen.carter@nhs.net', 'Riverside', 'Yes', '10/01/2026', 'No']);
    const csv = toCsv(accessEvidenceCsvRows(input));
    expect(csv).toContain("'=cmd|calc");
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });
});
