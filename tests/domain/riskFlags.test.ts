import { RISK_FLAGS, riskFlags, type RegisterEntry, type RiskFlag } from '../../src/domain';
import { healthyEntry, TODAY } from './entryFixture';

const STAYED = { ownerLeft: false };
const flagsOf = (overrides: Partial<RegisterEntry>, context = STAYED) => riskFlags(healthyEntry(overrides), TODAY, context);

describe('riskFlags', () => {
  it('raises nothing for a healthy entry', () => {
    expect(flagsOf({})).toEqual([]);
  });

  it('no-owner: on without an owner, even for a proposed service', () => {
    expect(flagsOf({ owner: null })).toEqual(['no-owner']);
    expect(flagsOf({ owner: null, lifecycle: 'proposed', lastReviewedOn: null })).toEqual(['no-owner']);
  });

  it('owner-left: on when the owner has left, not when there is no owner to leave', () => {
    expect(flagsOf({}, { ownerLeft: true })).toEqual(['owner-left']);
    expect(flagsOf({ owner: null }, { ownerLeft: true })).toEqual(['no-owner']);
  });

  describe('personal-data-no-dpia', () => {
    it.each(['patient-identifiable', 'special-category', 'staff'] as const)('on for %s data without a complete DPIA', (type) => {
      expect(flagsOf({ dataTypes: [type], dpiaStatus: 'in-progress' })).toEqual(['personal-data-no-dpia']);
    });
    it.each(['not-assessed', 'in-progress', 'not-required'] as const)('on while the DPIA is %s', (dpiaStatus) => {
      expect(flagsOf({ dpiaStatus })).toEqual(['personal-data-no-dpia']);
    });
    it('off when the DPIA is complete, or no personal data is processed', () => {
      expect(flagsOf({ dpiaStatus: 'complete' })).toEqual([]);
      expect(flagsOf({ dataTypes: ['none'], dpiaStatus: 'not-assessed', lastAccessReview: null })).toEqual([]);
      expect(flagsOf({ dataTypes: [], dpiaStatus: 'not-assessed', lastAccessReview: null })).toEqual([]);
    });
  });

  describe('no-downtime-process', () => {
    it.each(['trial', 'live', 'retiring'] as const)('on for a %s service with no downtime process', (lifecycle) => {
      expect(flagsOf({ lifecycle, downtimeProcess: '  ' })).toContain('no-downtime-process');
    });
    it('off for a proposed service, a low-criticality one, or one with a process written down', () => {
      expect(flagsOf({ lifecycle: 'proposed', downtimeProcess: '' })).toEqual([]);
      expect(flagsOf({ criticality: 'low', downtimeProcess: '' })).toEqual([]);
      expect(flagsOf({ criticality: 'medium', downtimeProcess: '' })).toEqual(['no-downtime-process']);
    });
  });

  describe('access-review-overdue', () => {
    it('on when access to personal data has never been reviewed', () => {
      expect(flagsOf({ lastAccessReview: null })).toEqual(['access-review-overdue']);
    });
    it('on from the day after the twelve-month anniversary', () => {
      expect(flagsOf({ lastAccessReview: '2025-06-15' })).toEqual([]);
      expect(flagsOf({ lastAccessReview: '2025-06-14' })).toEqual(['access-review-overdue']);
    });
    it('off when no personal data is processed or the service is only proposed', () => {
      expect(flagsOf({ dataTypes: ['none'], lastAccessReview: null })).toEqual([]);
      expect(flagsOf({ lifecycle: 'proposed', lastAccessReview: null })).toEqual([]);
    });
    it('on for a retiring service: staff still have accounts', () => {
      expect(flagsOf({ lifecycle: 'retiring', lastAccessReview: '2024-01-01' })).toEqual(['access-review-overdue']);
    });
  });

  it('review-overdue: on when the next review date has passed, off on the day itself', () => {
    expect(flagsOf({ nextReviewDue: '2026-06-14' })).toEqual(['review-overdue']);
    expect(flagsOf({ nextReviewDue: TODAY })).toEqual([]);
  });

  describe('in-use-never-reviewed', () => {
    it.each(['trial', 'live'] as const)('on for a %s service never reviewed', (lifecycle) => {
      expect(flagsOf({ lifecycle, lastReviewedOn: null, nextReviewDue: '2026-12-01' })).toEqual(['in-use-never-reviewed']);
    });
    it.each(['proposed', 'retiring'] as const)('off for a %s service', (lifecycle) => {
      expect(flagsOf({ lifecycle, lastReviewedOn: null, nextReviewDue: '2026-12-01' })).toEqual([]);
    });
  });

  it('returns several flags in RISK_FLAGS order', () => {
    const flags = flagsOf(
      { owner: null, dpiaStatus: 'not-assessed', downtimeProcess: '', lastAccessReview: null, lastReviewedOn: null, nextReviewDue: '2026-01-01' },
      { ownerLeft: true },
    );
    expect(flags).toEqual(['no-owner', 'personal-data-no-dpia', 'no-downtime-process', 'access-review-overdue', 'review-overdue', 'in-use-never-reviewed']);
  });

  it('raises nothing for a retired entry, however incomplete', () => {
    const retired = healthyEntry({
      lifecycle: 'retired', owner: null, dpiaStatus: 'not-assessed', downtimeProcess: '', lastAccessReview: null, lastReviewedOn: null, nextReviewDue: '2020-01-01',
    });
    expect(riskFlags(retired, TODAY, { ownerLeft: true })).toEqual([]);
  });
});

describe('change records (issue 17)', () => {
  it('flags a live service with no go-live record only once the records are known', () => {
    expect(riskFlags(healthyEntry(), TODAY, { ownerLeft: false })).toEqual([]);
    expect(riskFlags(healthyEntry(), TODAY, { ownerLeft: false, hasGoLiveRecord: false })).toEqual(['live-without-go-live-record']);
    expect(riskFlags(healthyEntry(), TODAY, { ownerLeft: false, hasGoLiveRecord: true })).toEqual([]);
    expect(riskFlags(healthyEntry({ lifecycle: 'trial' }), TODAY, { ownerLeft: false, hasGoLiveRecord: false })).toEqual([]);
  });

  it('flags a service with a change that has no record of testing', () => {
    expect(riskFlags(healthyEntry(), TODAY, { ownerLeft: false, hasGoLiveRecord: true, untestedChange: true })).toEqual(['change-untested']);
  });
});

describe('RISK_FLAGS', () => {
  it('describes every flag with a label, a reason and what to do', () => {
    const codes: RiskFlag[] = ['no-owner', 'owner-left', 'personal-data-no-dpia', 'no-downtime-process', 'access-review-overdue', 'review-overdue', 'dpia-review-overdue', 'continuity-test-overdue', 'in-use-never-reviewed', 'access-checklist-overdue', 'admin-rights-not-reviewed', 'live-without-go-live-record', 'change-untested'];
    expect(RISK_FLAGS.map((flag) => flag.code)).toEqual(codes);
    for (const flag of RISK_FLAGS) {
      expect(flag.label).not.toBe('');
      expect(flag.description).toMatch(/\.$/);
      expect(flag.action).toMatch(/\.$/);
    }
  });
});
