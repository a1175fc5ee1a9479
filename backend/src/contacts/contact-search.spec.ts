import { contactSearchCondition, dealCodeOf, dealSearchCondition, likePattern, phoneSearchDigits } from './contact-search.js';

describe('dealCodeOf', () => {
  it.each([
    ['D-1042', 'D-1042'],
    ['d1042', 'D-1042'],
    [' d - 1042 ', 'D-1042'],
    ['1042', 'D-1042'],
    ['D-01042', 'D-1042'],
  ])('reads %j as %s', (query, code) => {
    expect(dealCodeOf(query)).toBe(code);
  });

  it.each([['Dina'], ['D-'], ['+7 912'], ['D-10 42'], ['1'.repeat(19)]])('finds no code in %j', (query) => {
    expect(dealCodeOf(query)).toBeNull();
  });
});

describe('phoneSearchDigits', () => {
  it('adds the E.164 digits of a whole number written the national way', () => {
    expect(phoneSearchDigits('8 (912) 345-67-89', 'RU')).toEqual(['89123456789', '79123456789']);
    expect(phoneSearchDigits('(212) 555-2368', 'US')).toEqual(['2125552368', '12125552368']);
  });

  it('keeps the typed digits alone when they already are the E.164 digits or only a part', () => {
    expect(phoneSearchDigits('+7 912 345-67-89', 'RU')).toEqual(['79123456789']);
    expect(phoneSearchDigits('345-67-89', 'RU')).toEqual(['3456789']);
  });

  it('finds no phone in names, emails and too-short numbers', () => {
    expect(phoneSearchDigits('Anna', 'RU')).toEqual([]);
    expect(phoneSearchDigits('anna912@example.com', 'RU')).toEqual([]);
    expect(phoneSearchDigits('12', 'RU')).toEqual([]);
  });
});

describe('contactSearchCondition', () => {
  it('matches the accent-free name, the lower-cased email and each phone reading, through the indexed expressions', () => {
    expect(contactSearchCondition('c', '8 912 345-67-89', 'RU')).toEqual({
      condition:
        "af_unaccent(c.name) ILIKE af_unaccent(:searchPattern) OR af_joined(c.emails) LIKE :searchEmail OR af_joined(c.phones) LIKE :searchPhone0 OR af_joined(c.phones) LIKE :searchPhone1",
      parameters: { searchPattern: '%8 912 345-67-89%', searchEmail: '%8 912 345-67-89%', searchPhone0: '%89123456789%', searchPhone1: '%79123456789%' },
    });
    expect(contactSearchCondition('c', 'José_100%', 'US').parameters).toEqual({ searchPattern: '%José\\_100\\%%', searchEmail: '%josé\\_100\\%%' });
  });
});

describe('dealSearchCondition', () => {
  it('adds the exact code only when the query is one', () => {
    const byCode = dealSearchCondition('d', 'd1042', 'US');
    expect(byCode.condition).toContain('d.code = :searchCode');
    expect(byCode.parameters.searchCode).toBe('D-1042');
    expect(dealSearchCondition('d', 'Maria', 'US').condition).not.toContain('d.code');
  });
});

describe('likePattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
