/**
 * Vehicle identification numbers (ISO 3779): 17 characters, digits and capital letters
 * except I, O and Q. North American VINs (first character 1–5) carry a check digit in
 * position 9; elsewhere that position is free, so it is checked only there.
 */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper-cased, without spaces or dashes: how a VIN is stored and compared. */
export function normalizeVin(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** Why `vin` (already normalised) is not a valid VIN, or null when it is. */
export function vinProblem(vin: string): string | null {
  if (vin.length !== 17) return `A VIN has 17 characters; this one has ${vin.length}`;
  if (!VIN_PATTERN.test(vin)) return 'A VIN has only digits and the letters A–Z without I, O and Q';
  if (/^[1-5]/.test(vin)) {
    const sum = [...vin].reduce((total, char, index) => total + (/\d/.test(char) ? Number(char) : TRANSLITERATION[char]) * WEIGHTS[index], 0);
    const check = sum % 11 === 10 ? 'X' : String(sum % 11);
    if (vin[8] !== check) return `The VIN's check digit (9th character) should be ${check}; look for a mistyped character`;
  }
  return null;
}
