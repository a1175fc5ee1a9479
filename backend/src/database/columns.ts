import type { ValueTransformer } from 'typeorm';

/** pg returns bigint and numeric as strings; these columns stay well inside a JS number. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
