import { entrySearchText, markReviewed, retireEntry, reviewStatus, riskFlags } from '../../src/domain';
import { healthyEntry, TODAY } from './entryFixture';

describe('markReviewed', () => {
  it('records today, the reviewer, and the next review one interval on', () => {
    const entry = healthyEntry({ lastReviewedOn: '2025-01-10', nextReviewDue: '2026-01-10', reviewIntervalMonths: 6 });
    const reviewed = markReviewed(entry, '  Tom Reed ', TODAY);
    expect(reviewed).toEqual({ ...entry, lastReviewedOn: TODAY, lastReviewedBy: 'Tom Reed', nextReviewDue: '2026-12-15' });
    expect(entry.lastReviewedOn).toBe('2025-01-10');
  });
  it('clears the overdue and never-reviewed flags', () => {
    const entry = healthyEntry({ lastReviewedOn: null, nextReviewDue: '2026-01-01' });
    expect(riskFlags(entry, TODAY, { ownerLeft: false })).toEqual(['review-overdue', 'in-use-never-reviewed']);
    const reviewed = markReviewed(entry, 'Priya Shah', TODAY);
    expect(riskFlags(reviewed, TODAY, { ownerLeft: false })).toEqual([]);
    expect(reviewStatus(reviewed, TODAY)).toBe('up-to-date');
  });
  it('ends the month on its last day when the next one is shorter', () => {
    expect(markReviewed(healthyEntry({ reviewIntervalMonths: 1 }), 'Priya Shah', '2028-01-31').nextReviewDue).toBe('2028-02-29');
    expect(markReviewed(healthyEntry({ reviewIntervalMonths: 12 }), 'Priya Shah', '2028-02-29').nextReviewDue).toBe('2029-02-28');
  });
  it('falls back to twelve months when the interval makes no sense', () => {
    expect(markReviewed(healthyEntry({ reviewIntervalMonths: 0 }), 'Priya Shah', TODAY).nextReviewDue).toBe('2027-06-15');
  });
});

describe('retireEntry', () => {
  it('marks the service retired and keeps everything else', () => {
    const entry = healthyEntry();
    expect(retireEntry(entry)).toEqual({ ...entry, lifecycle: 'retired' });
    expect(entry.lifecycle).toBe('live');
  });
});

describe('entrySearchText', () => {
  it('holds the name, supplier and purpose in lower case', () => {
    const text = entrySearchText(healthyEntry({ title: 'Online Consultation', supplier: 'Acme Health', purpose: 'Patient REQUESTS', notes: 'secret' }));
    expect(text).toContain('online consultation');
    expect(text).toContain('acme health');
    expect(text).toContain('patient requests');
    expect(text).not.toContain('secret');
  });
});
