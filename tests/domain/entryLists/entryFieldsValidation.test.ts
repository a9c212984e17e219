/** Validation of the new entry fields: the https training link, dates within reason, the access review interval and the lists. */
import type { AdminRightHolder, Dependency } from '../../../src/domain/entry';
import { FIELD_LABELS } from '../../../src/domain/fieldLabels';
import { MAX_ADMIN_RIGHTS, MAX_DEPENDENCIES } from '../../../src/domain/entryLists';
import { dateRangeErrors, validateEntry } from '../../../src/domain/validation';
import { TODAY, healthyEntry } from '../entryFixture';

const external = (externalName: string, organisation = 'EMIS'): AdminRightHolder => ({ person: null, externalName, organisation, agreementOnFile: false, reviewedOn: null });

describe('the new fields validate', () => {
  it('a healthy entry with every new field filled has no problems', () => {
    expect(validateEntry(healthyEntry({
      accessReviewIntervalMonths: 0, trainingLink: 'https://example.nhs.uk/guide', staffTrainedOn: '2026-01-01', supplierDsptStatus: 'exceeded',
      supplierDsptCheckedOn: '2026-06-15', escalationRoute: 'ICB', adminRights: [external('Jo Bloggs')],
      goLiveWaivers: [{ gate: 'training', reason: 'Trained on the job', by: 'Priya Shah', on: '2026-06-01' }],
      dependsOn: [{ entryId: '1', title: 'EMIS Web', kind: 'integration', why: '' }],
    }), TODAY)).toEqual({});
  });

  it.each(['http://example.com/guide', 'javascript:alert(1)', 'guide on the shared drive', 'ftp://x'])('training link %j must be https', (link) => {
    expect(validateEntry(healthyEntry({ trainingLink: link }), TODAY).trainingLink).toBe('Training or quick guide link must be a web address starting with https://');
  });

  it('applies the dates-within-reason rule to the training and DSPT dates, in the form and the Graph layer alike', () => {
    const entry = healthyEntry({ staffTrainedOn: '1850-01-01', supplierDsptCheckedOn: '2026-07-01' });
    const errors = validateEntry(entry, TODAY);
    expect(errors.staffTrainedOn).toMatch(/^Staff trained on date is before 2000/);
    expect(errors.supplierDsptCheckedOn).toMatch(/^Supplier DSPT checked on date cannot be in the future/);
    expect(Object.keys(dateRangeErrors(entry, TODAY)).sort()).toEqual(['staffTrainedOn', 'supplierDsptCheckedOn']);
  });

  it.each([-1, 61, 2.5, Number.NaN])('access review interval %p is refused with the range', (months) => {
    expect(validateEntry(healthyEntry({ accessReviewIntervalMonths: months }), TODAY).accessReviewIntervalMonths)
      .toBe('Access review interval must be a whole number of months from 0 (no review cycle) to 60');
  });

  it('refuses an unknown supplier DSPT status', () => {
    expect(validateEntry(healthyEntry({ supplierDsptStatus: 'great' as never }), TODAY).supplierDsptStatus).toBe("Choose the supplier's DSPT status");
  });
});

describe('the structured lists validate', () => {
  it('an admin rights holder needs a directory person or an external name', () => {
    const errors = validateEntry(healthyEntry({ adminRights: [external('Jo'), external('  ', 'ICB')] }), TODAY);
    expect(errors.adminRights).toBe('Admin rights, holder 2: choose a person from the directory or type an external name');
    expect(validateEntry(healthyEntry({ adminRights: [{ ...external(''), person: { entraId: 'a', displayName: 'Priya', upn: '' } }] }), TODAY)).toEqual({});
  });

  it('a review date of a holder follows the dates-within-reason rule', () => {
    const errors = validateEntry(healthyEntry({ adminRights: [{ ...external('Jo'), reviewedOn: '2030-01-01' }] }), TODAY);
    expect(errors.adminRights).toMatch(/^Admin rights, holder 1: the review date cannot be in the future/);
  });

  it('a go-live waiver needs a reason, a known gate, and at most one per gate', () => {
    const waiver = { gate: 'dpia' as const, reason: 'National DPIA template', by: 'Priya Shah', on: '2026-06-01' };
    expect(validateEntry(healthyEntry({ goLiveWaivers: [{ ...waiver, reason: ' ' }] }), TODAY).goLiveWaivers)
      .toBe('Go-live waivers, “DPIA where personal data is processed”: give the reason it is waived');
    expect(validateEntry(healthyEntry({ goLiveWaivers: [waiver, waiver] }), TODAY).goLiveWaivers).toMatch(/twice/);
    expect(validateEntry(healthyEntry({ goLiveWaivers: [{ ...waiver, gate: 'x' as never }] }), TODAY).goLiveWaivers).toMatch(/choose which go-live requirement/);
  });

  it('limits the number of services and holders', () => {
    const dependsOn: Dependency[] = Array.from({ length: MAX_DEPENDENCIES + 1 }, (_, i) => ({ entryId: String(i), title: `S${i}`, kind: 'integration', why: '' }));
    expect(validateEntry(healthyEntry({ dependsOn }), TODAY).dependsOn).toBe(`Depends on can name at most ${MAX_DEPENDENCIES} services (it names ${MAX_DEPENDENCIES + 1})`);
    const adminRights = Array.from({ length: MAX_ADMIN_RIGHTS + 1 }, (_, i) => external(`Person ${i}`));
    expect(validateEntry(healthyEntry({ adminRights }), TODAY).adminRights).toMatch(/^Admin rights can list at most 50 people/);
    expect(validateEntry(healthyEntry({ dependsOn: [dependsOn[0]!, dependsOn[0]!] }), TODAY).dependsOn).toMatch(/twice/);
  });

  it('says clearly when a list would not fit in its SharePoint column (63,999 characters)', () => {
    // 40 services with long reasons: each within its own limit, together over the column's.
    const dependsOn: Dependency[] = Array.from({ length: 40 }, (_, i) => ({ entryId: String(i), title: `Service ${i}`, kind: 'integration', why: 'w'.repeat(1_900) }));
    const message = validateEntry(healthyEntry({ dependsOn }), TODAY).dependsOn ?? '';
    expect(message).toMatch(/^Depends on: the list is too long to store. SharePoint holds 63,999 characters in one column and this list needs \d{2},\d{3}/);
  });

  it('names each list as the form labels it', () => {
    const errors = validateEntry(healthyEntry({ adminRights: [external('')], goLiveWaivers: [{ gate: 'dpia', reason: '', by: '', on: '2026-01-01' }] }), TODAY);
    expect(errors.adminRights?.startsWith(FIELD_LABELS.adminRights)).toBe(true);
    expect(errors.goLiveWaivers?.startsWith(FIELD_LABELS.goLiveWaivers)).toBe(true);
  });
});
