import { normalizeVin, vinProblem } from './vin.js';

describe('vinProblem', () => {
  it('accepts a North American VIN with a correct check digit', () => {
    expect(vinProblem('1HGCM82633A004352')).toBeNull();
    expect(vinProblem('1M8GDM9AXKP042788')).toBeNull(); // check digit X
  });

  it('refuses a North American VIN whose check digit does not match', () => {
    expect(vinProblem('1HGCM82643A004352')).toMatch(/check digit .* should be 3/);
  });

  it('accepts a European VIN without checking position 9', () => {
    expect(vinProblem('WVWZZZ1JZXW000001')).toBeNull();
    expect(vinProblem('XTA210990Y2765432')).toBeNull();
  });

  it('names the problem with the length or the characters', () => {
    expect(vinProblem('WVWZZZ1JZXW00000')).toMatch(/17 characters; this one has 16/);
    expect(vinProblem('WVWZZZ1JZXW00000O')).toMatch(/without I, O and Q/);
  });

  it('normalises spaces, dashes and case', () => {
    expect(normalizeVin(' wvw-zzz1jz xw000001 ')).toBe('WVWZZZ1JZXW000001');
  });
});
