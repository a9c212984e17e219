import { dateRangeProblem, emptyEntry, hasErrors, validateEntry, type RegisterEntry } from '../../src/domain';
import { healthyEntry, PRIYA, TODAY, TOM } from './entryFixture';

function errorsFor(overrides: Partial<RegisterEntry>) {
  return validateEntry(healthyEntry(overrides), TODAY);
}

describe('validateEntry: a good entry', () => {
  it('finds nothing wrong with a complete entry', () => {
    expect(validateEntry(healthyEntry(), TODAY)).toEqual({});
  });
  it('finds nothing wrong with a blank form once the service is named', () => {
    expect(validateEntry({ ...emptyEntry(), title: 'Telephony' }, TODAY)).toEqual({});
  });
  it('reports every problem at once, one message per field', () => {
    const errors = validateEntry(
      healthyEntry({ title: '', supportUrl: 'http://example.com', reviewIntervalMonths: 0, dpiaDate: '2026-06-16' }),
      TODAY,
    );
    expect(Object.keys(errors).sort()).toEqual(['dpiaDate', 'reviewIntervalMonths', 'supportUrl', 'title']);
  });
});

describe('service name', () => {
  it.each(['', '   '])('is required (%j)', (title) => {
    expect(errorsFor({ title }).title).toBe('Enter the service name');
  });
  it('may be exactly 255 characters', () => {
    expect(errorsFor({ title: 'a'.repeat(255) }).title).toBeUndefined();
  });
  it('says how long it is when over 255 characters', () => {
    expect(errorsFor({ title: 'a'.repeat(301) }).title).toBe('Service name must be 255 characters or fewer (it is 301)');
  });
});

describe("SharePoint's 255-character limit on single-line text", () => {
  it.each([
    ['supplier', 'Supplier'],
    ['supportHours', 'Support hours'],
    ['supportReference', 'Caller reference'],
    ['lastReviewedBy', 'Last reviewed by'],
  ] as const)('%s', (field, label) => {
    expect(errorsFor({ [field]: 'x'.repeat(255) })[field]).toBeUndefined();
    expect(errorsFor({ [field]: 'x'.repeat(256) })[field]).toBe(`${label} must be 255 characters or fewer (it is 256)`);
  });
  it('checks the length before the format, so the message says what to fix first', () => {
    expect(errorsFor({ supportPhone: '0'.repeat(256) }).supportPhone).toBe('Support phone must be 255 characters or fewer (it is 256)');
    expect(errorsFor({ supportEmail: `${'a'.repeat(250)}@nhs.net` }).supportEmail).toBe(
      'Support email must be 255 characters or fewer (it is 258)',
    );
    expect(errorsFor({ supportUrl: `https://example.com/${'a'.repeat(250)}` }).supportUrl).toBe(
      'Support portal must be 255 characters or fewer (it is 270)',
    );
  });
});

describe('multi-line text is at most 10,000 characters', () => {
  it.each([
    ['purpose', 'Purpose'],
    ['accessGranted', 'How access is granted'],
    ['accessReviewed', 'How access is reviewed'],
    ['accessRemoved', 'How access is removed'],
    ['downtimeProcess', 'Downtime process'],
    ['notes', 'Notes'],
  ] as const)('%s', (field, label) => {
    expect(errorsFor({ [field]: 'x'.repeat(10_000) })[field]).toBeUndefined();
    expect(errorsFor({ [field]: 'x'.repeat(10_001) })[field]).toBe(`${label} must be 10,000 characters or fewer (it is 10,001)`);
  });
});

describe('support contact', () => {
  it.each(['0300 123 4567', '+44 (0)300 123-4567', '111', ''])('accepts the phone number %j', (supportPhone) => {
    expect(errorsFor({ supportPhone }).supportPhone).toBeUndefined();
  });
  it.each(['0300 123 4567 ext 2', 'call the desk', '0300.123.4567', '+ ( )', '12'])('rejects the phone number %j', (supportPhone) => {
    expect(errorsFor({ supportPhone }).supportPhone).toBe('Support phone must be a phone number, using only numbers, spaces and + ( ) -');
  });
  it.each(['servicedesk@example.co.uk', 'first.last@nhs.net', ''])('accepts the email address %j', (supportEmail) => {
    expect(errorsFor({ supportEmail }).supportEmail).toBeUndefined();
  });
  it.each(['servicedesk', 'servicedesk@', '@example.com', 'a b@example.com', 'desk@example', 'one@two@example.com'])(
    'rejects the email address %j',
    (supportEmail) => {
      expect(errorsFor({ supportEmail }).supportEmail).toBe('Enter a valid email address');
    },
  );
  it.each(['https://support.example.co.uk/portal', 'HTTPS://Example.com', ''])('accepts the portal %j', (supportUrl) => {
    expect(errorsFor({ supportUrl }).supportUrl).toBeUndefined();
  });
  it.each([
    'javascript:alert(1)',
    'http://support.example.co.uk',
    'data:text/html,<script>alert(1)</script>',
    'support.example.co.uk',
    'https://',
    'https:support.example.co.uk',
    'https://nhs.net@evil.example.com',
    'https://support.example.co.uk/a b',
    'ftp://example.com',
  ])('rejects the portal %j', (supportUrl) => {
    expect(errorsFor({ supportUrl }).supportUrl).toBe('Support portal must be a web address starting with https://');
  });
});

describe('owner and deputy', () => {
  it('allows no owner and no deputy (a risk flag, not an input error)', () => {
    expect(errorsFor({ owner: null, deputy: null })).toEqual({});
  });
  it('wants people picked from the directory', () => {
    expect(errorsFor({ owner: { ...PRIYA, entraId: '' } }).owner).toBe('Choose the owner from the NHS.net directory');
    expect(errorsFor({ deputy: { ...TOM, entraId: ' ' } }).deputy).toBe('Choose the deputy from the NHS.net directory');
  });
  it('limits the stored name and address to 255 characters', () => {
    expect(errorsFor({ owner: { ...PRIYA, displayName: 'P'.repeat(256) } }).owner).toBe("Owner's name must be 255 characters or fewer (it is 256)");
    expect(errorsFor({ deputy: { ...TOM, upn: `${'t'.repeat(250)}@nhs.net` } }).deputy).toBe(
      "Deputy's NHS.net address must be 255 characters or fewer (it is 258)",
    );
  });
  it('does not let the owner be their own deputy', () => {
    const message = 'The deputy must be someone other than the owner';
    expect(errorsFor({ deputy: { ...PRIYA } }).deputy).toBe(message);
    expect(errorsFor({ deputy: { ...TOM, entraId: PRIYA.entraId } }).deputy).toBe(message);
    expect(errorsFor({ deputy: { ...TOM, upn: 'Priya.Shah@NHS.net' } }).deputy).toBe(message);
    expect(errorsFor({ deputy: TOM }).deputy).toBeUndefined();
  });
});

describe('choices', () => {
  it.each([
    ['category', 'Choose a category'],
    ['provision', 'Choose how the service is provided'],
    ['dpiaStatus', 'Choose a DPIA status'],
    ['clinicalSafetyStatus', 'Choose a DCB0160 status'],
    ['lifecycle', 'Choose a lifecycle status'],
    ['criticality', 'Choose how critical the service is'],
  ] as const)('%s must be one of the options', (field, message) => {
    expect(errorsFor({ [field]: 'made-up' } as unknown as Partial<RegisterEntry>)[field]).toBe(message);
  });
  it('does not combine "No personal data" with personal data', () => {
    expect(errorsFor({ dataTypes: ['none', 'staff'] }).dataTypes).toBe(
      'Choose either "No personal data" or the kinds of personal data processed, not both',
    );
    expect(errorsFor({ dataTypes: ['none'] }).dataTypes).toBeUndefined();
    expect(errorsFor({ dataTypes: [] }).dataTypes).toBeUndefined();
  });
  it('rejects a data type that is not in the list', () => {
    expect(errorsFor({ dataTypes: ['financial'] } as unknown as Partial<RegisterEntry>).dataTypes).toBe(
      'Choose the data processed from the list',
    );
  });
});

describe('dates', () => {
  it.each([
    ['dpiaDate', 'DPIA date'],
    ['lastAccessReview', 'Last access review date'],
    ['continuityLastTested', 'Continuity test date'],
    ['lastReviewedOn', 'Last review date'],
  ] as const)('%s happened already: today is fine, tomorrow is not', (field, noun) => {
    expect(errorsFor({ [field]: TODAY })[field]).toBeUndefined();
    expect(errorsFor({ [field]: '2026-06-16' })[field]).toBe(`${noun} cannot be in the future`);
  });
  it('DPIA date cannot be in the future', () => {
    expect(errorsFor({ dpiaDate: '2027-01-01' }).dpiaDate).toBe('DPIA date cannot be in the future');
  });
  it.each([
    ['dpiaDate', 'DPIA date'],
    ['lastAccessReview', 'Last access review date'],
    ['continuityLastTested', 'Continuity test date'],
    ['lastReviewedOn', 'Last review date'],
    ['nextReviewDue', 'Next review due date'],
  ] as const)('%s must be a real calendar date', (field, noun) => {
    expect(errorsFor({ [field]: '2026-02-30' })[field]).toBe(`${noun} must be a real calendar date`);
    expect(errorsFor({ [field]: '15/06/2026' })[field]).toBe(`${noun} must be a real calendar date`);
  });
  it('lets the next review be in the future or already passed', () => {
    expect(errorsFor({ nextReviewDue: '2029-01-01' }).nextReviewDue).toBeUndefined();
    expect(errorsFor({ lastReviewedOn: '2025-01-10', nextReviewDue: '2026-01-10' }).nextReviewDue).toBeUndefined();
  });
  it('wants the next review after the last review', () => {
    const message = 'Next review due must be after the last review';
    expect(errorsFor({ lastReviewedOn: '2026-01-10', nextReviewDue: '2026-01-10' }).nextReviewDue).toBe(message);
    expect(errorsFor({ lastReviewedOn: '2026-01-10', nextReviewDue: '2025-12-31' }).nextReviewDue).toBe(message);
    expect(errorsFor({ lastReviewedOn: '2026-01-10', nextReviewDue: '2026-01-11' }).nextReviewDue).toBeUndefined();
    expect(errorsFor({ lastReviewedOn: null, nextReviewDue: '2025-12-31' }).nextReviewDue).toBeUndefined();
  });
});

describe('review interval', () => {
  it.each([1, 6, 12, 36])('accepts %i months', (reviewIntervalMonths) => {
    expect(errorsFor({ reviewIntervalMonths }).reviewIntervalMonths).toBeUndefined();
  });
  it.each([0, -1, 37, 1.5, Number.NaN])('rejects %p', (reviewIntervalMonths) => {
    expect(errorsFor({ reviewIntervalMonths }).reviewIntervalMonths).toBe(
      'Review interval must be a whole number of months from 1 to 36',
    );
  });
});

describe('hasErrors', () => {
  it('is false for no messages and true for any', () => {
    expect(hasErrors({})).toBe(false);
    expect(hasErrors({ title: undefined })).toBe(false);
    expect(hasErrors({ title: 'Enter the service name' })).toBe(true);
  });
});

describe('dates within reason (issue 14)', () => {
  it('refuses a next review on 31/12/9999, saying why and giving the range', () => {
    expect(validateEntry(healthyEntry({ nextReviewDue: '9999-12-31' }), TODAY).nextReviewDue).toBe(
      'Next review due date is more than 5 years ahead: enter a date between 1 January 2000 and 15 June 2031 (5 years from today)',
    );
  });
  it('accepts a next review exactly 5 years ahead and refuses the day after', () => {
    expect(validateEntry(healthyEntry({ nextReviewDue: '2031-06-15' }), TODAY).nextReviewDue).toBeUndefined();
    expect(validateEntry(healthyEntry({ nextReviewDue: '2031-06-16' }), TODAY).nextReviewDue).toMatch(/more than 5 years ahead/);
  });
  it('refuses a continuity test in 1850 as before 2000, not as an impossible date', () => {
    expect(validateEntry(healthyEntry({ continuityLastTested: '1850-03-01' }), TODAY).continuityLastTested).toBe(
      'Continuity test date is before 2000, which is almost certainly a typing mistake: enter a date between 1 January 2000 and today (15 June 2026)',
    );
  });
  it('refuses 01/01/0001 for the right reason (before 2000), and accepts 1 January 2000', () => {
    expect(validateEntry(healthyEntry({ lastReviewedOn: '0001-01-01', nextReviewDue: null }), TODAY).lastReviewedOn).toMatch(/^Last review date is before 2000/);
    expect(validateEntry(healthyEntry({ dpiaDate: '2000-01-01' }), TODAY).dpiaDate).toBeUndefined();
  });
  it('keeps the API the import uses: dateRangeProblem names the range', () => {
    expect(dateRangeProblem('DPIA date', '1999-12-31', TODAY, true)).toMatch(/between 1 January 2000 and today/);
    expect(dateRangeProblem('DPIA date', '2020-01-01', TODAY, true)).toBeUndefined();
  });
});
