import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A named counter for human-readable numbers (`customer` → C-000123). Taking a number bumps
 * `next_value` with UPDATE … RETURNING, whose row lock makes concurrent takers queue: numbers
 * are distinct, consecutive, and given back if the transaction rolls back.
 */
@Entity('number_series')
@Check('ck_number_series_next_value', `next_value > 0`)
@Check('ck_number_series_padding', `padding BETWEEN 0 AND 20`)
export class NumberSeries {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'varchar', length: 10 })
  prefix: string;

  @Column({ name: 'next_value', type: 'integer', default: 1 })
  nextValue: number;

  /** Digits the number is zero-padded to. */
  @Column({ type: 'integer', default: 6 })
  padding: number;
}
