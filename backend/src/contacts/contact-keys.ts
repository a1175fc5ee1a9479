import type { EntityManager } from 'typeorm';

/** What identifies a contact: its E.164 phones and lower-cased emails. */
export interface ContactKeys {
  phones: string[];
  emails: string[];
}

/**
 * Transaction-scoped advisory locks on each phone/email, taken in sorted order, so lookups and
 * writes of contacts sharing a key queue instead of racing (and never deadlock among themselves).
 */
export async function lockContactKeys(em: EntityManager, keys: ContactKeys): Promise<void> {
  const all = [...new Set([...keys.phones, ...keys.emails])].sort();
  for (const key of all) await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`contact:${key}`]);
}

/** `base` followed by the values of `extra` it lacks, in order. */
export function union(base: string[], extra: string[]): string[] {
  return [...new Set([...base, ...extra])];
}
