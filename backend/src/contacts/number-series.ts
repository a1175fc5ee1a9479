import type { EntityManager } from 'typeorm';

/**
 * The next number of a series, formatted (`C-` + `000123`). The UPDATE locks the series row
 * until the caller's transaction ends, so concurrent callers get consecutive numbers in turn.
 */
export async function takeNextNumber(em: EntityManager, key: string): Promise<string> {
  const [rows] = (await em.query(
    `UPDATE number_series SET next_value = next_value + 1 WHERE key = $1 RETURNING prefix, next_value - 1 AS value, padding`,
    [key],
  )) as [{ prefix: string; value: number; padding: number }[], number];
  if (rows.length === 0) throw new Error(`Number series "${key}" does not exist`);
  const [{ prefix, value, padding }] = rows;
  return `${prefix}${String(value).padStart(padding, '0')}`;
}
