import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * E.164 form of a phone number written any way a person or a telephony system writes it
 * ("+1 (212) 555-0100", "00 31 20 123 4567", "020-1234567" with region NL), or null when
 * it is not a valid number.
 */
export function normalisePhone(raw: string, defaultRegion: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry: defaultRegion as CountryCode, extract: false });
  return parsed?.isValid() ? parsed.number : null;
}

/** Lower-cased, trimmed email: the form stored and compared. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The digits of a search string, when it looks like (part of) a phone number. */
export function phoneDigits(query: string): string | null {
  const digits = query.replace(/\D/g, '');
  return digits.length >= 3 && /^[\d\s()+.\-/]+$/.test(query.trim()) ? digits : null;
}
