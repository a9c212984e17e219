import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from '../../src/domain';

describe('safeHttpsUrl: the only links made from user data', () => {
  it('returns the normalised https address', () => {
    expect(safeHttpsUrl('https://support.example.co.uk/portal?ref=1')).toBe('https://support.example.co.uk/portal?ref=1');
    expect(safeHttpsUrl('  HTTPS://Support.Example.co.uk  ')).toBe('https://support.example.co.uk/');
  });
  it.each([
    '',
    '   ',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'http://support.example.co.uk',
    '//support.example.co.uk',
    'support.example.co.uk',
    'https://',
    'https:support.example.co.uk',
    'https://user:pass@example.com',
    'https://nhs.net@evil.example.com',
    'https://exa\nmple.com',
    'https://exa\tmple.com',
    'https://[not-an-ip]/',
  ])('refuses %j', (text) => {
    expect(safeHttpsUrl(text)).toBeNull();
  });
});

describe('isPlausibleEmail and isPhoneNumber', () => {
  it('accept what a support card holds', () => {
    expect(isPlausibleEmail('servicedesk@example.co.uk')).toBe(true);
    expect(isPhoneNumber('0300 123 4567')).toBe(true);
  });
  it('reject what is not a contact', () => {
    expect(isPlausibleEmail('servicedesk')).toBe(false);
    expect(isPhoneNumber('ring the desk')).toBe(false);
  });
});
