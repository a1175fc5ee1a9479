import { phoneDigits } from './phone.js';

/**
 * SQL condition matching a contact (table alias `alias`) by part of its name or email, or by
 * the digits of a phone however the user typed it. Backed by the trigram and GIN indexes.
 */
export function contactSearchCondition(alias: string, query: string): { condition: string; parameters: Record<string, string> } {
  const digits = phoneDigits(query);
  const clauses = [`${alias}.name ILIKE :searchPattern`, `array_to_string(${alias}.emails, ' ') ILIKE :searchPattern`];
  if (digits) clauses.push(`array_to_string(${alias}.phones, ' ') LIKE :searchDigits`);
  return { condition: clauses.join(' OR '), parameters: { searchPattern: likePattern(query), searchDigits: `%${digits}%` } };
}

/** `%query%` with LIKE's wildcards in the query taken literally. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
