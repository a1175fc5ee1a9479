import { normaliseEmail, normalisePhone, phoneDigits } from './phone.js';

/** A WHERE fragment and its named parameters, for a TypeORM query builder. */
export interface SearchCondition {
  condition: string;
  parameters: Record<string, string>;
}

/**
 * SQL condition matching a contact (table alias `alias`) by part of its name (ignoring case and
 * accents: "jose" finds "José"), of an email, or of a phone however the user typed it. Each
 * branch is served by one trigram index of the ContactSearchAndCustomers migration, so
 * PostgreSQL combines index scans instead of reading every contact.
 */
export function contactSearchCondition(alias: string, query: string, region: string): SearchCondition {
  const parameters: Record<string, string> = {
    searchPattern: likePattern(query),
    searchEmail: likePattern(normaliseEmail(query)),
  };
  const clauses = [`af_unaccent(${alias}.name) ILIKE af_unaccent(:searchPattern)`, `af_joined(${alias}.emails) LIKE :searchEmail`];
  phoneSearchDigits(query, region).forEach((digits, index) => {
    parameters[`searchPhone${index}`] = `%${digits}%`;
    clauses.push(`af_joined(${alias}.phones) LIKE :searchPhone${index}`);
  });
  return { condition: clauses.join(' OR '), parameters };
}

/**
 * SQL condition matching a deal (alias `alias`) by its code (D-1042, d1042 or 1042), part of
 * its title, or its contact (see `contactSearchCondition`). The contacts are collected first
 * (an InitPlan), so `contact_id = ANY(…)` is an index lookup that PostgreSQL can OR with the
 * others, where a join would make it read every deal.
 */
export function dealSearchCondition(alias: string, query: string, region: string): SearchCondition {
  const contact = contactSearchCondition('search_contact', query, region);
  const clauses = [
    `${alias}.title ILIKE :searchPattern`,
    `${alias}.contact_id = ANY(ARRAY(SELECT search_contact.id FROM contact search_contact WHERE ${contact.condition}))`,
  ];
  const parameters = { ...contact.parameters };
  const code = dealCodeOf(query);
  if (code) {
    clauses.push(`${alias}.code = :searchCode`);
    parameters.searchCode = code;
  }
  return { condition: clauses.join(' OR '), parameters };
}

/** The deal code a search means, if it is one: "D-1042", "d1042", "D 1042" and "1042" → "D-1042". */
export function dealCodeOf(query: string): string | null {
  const match = /^(?:d\s*-?\s*)?(\d{1,18})$/i.exec(query.trim());
  return match ? `D-${BigInt(match[1])}` : null;
}

/**
 * The digit strings a phone-like search should be found in: what the user typed, and, when it
 * is a whole number in the dealership's region, its E.164 digits ("8 912 345-67-89" in RU →
 * 79123456789). Stored phones are E.164, so a part such as the last 7 digits matches too.
 */
export function phoneSearchDigits(query: string, region: string): string[] {
  const typed = phoneDigits(query);
  if (!typed) return [];
  const international = normalisePhone(query, region)?.slice(1);
  return international && international !== typed ? [typed, international] : [typed];
}

/** `%query%` with LIKE's wildcards in the query taken literally. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
