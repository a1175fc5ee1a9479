import { normaliseEmail, normalisePhone, phoneDigits } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['+1 (212) 555-2368', 'US', '+12125552368'],
    ['212.555.2368', 'US', '+12125552368'],
    ['(212) 555 2368', 'US', '+12125552368'],
    ['00 31 20 123 4567', 'NL', '+31201234567'],
    ['020-1234567', 'NL', '+31201234567'],
    ['+7 (495) 123-45-67', 'US', '+74951234567'],
    ['8 (495) 123-45-67', 'RU', '+74951234567'],
    ['  +47 22 12 34 56 ', 'US', '+4722123456'],
  ])('normalises %s (region %s) to %s', (raw, region, expected) => {
    expect(normalisePhone(raw, region)).toBe(expected);
  });

  it.each([['12'], ['not a phone'], ['+1 000 000 0000'], ['']])('refuses %j', (raw) => {
    expect(normalisePhone(raw, 'US')).toBeNull();
  });

  it('reads the same number written for two regions the same way', () => {
    expect(normalisePhone('+31 20 123 4567', 'US')).toBe(normalisePhone('020 123 4567', 'NL'));
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Anna.K@Example.COM ')).toBe('anna.k@example.com');
  });
});

describe('phoneDigits', () => {
  it('extracts the digits of phone-like searches', () => {
    expect(phoneDigits('(212) 555')).toBe('212555');
    expect(phoneDigits('+1 212-555-2368')).toBe('12125552368');
  });

  it('ignores names and too-short numbers', () => {
    expect(phoneDigits('Anna 2')).toBeNull();
    expect(phoneDigits('12')).toBeNull();
  });
});
