import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An entry of the admin-edited list of deal types (internet lead, phone-up, walk-in...). Deals
 * store its `code`, which never changes; the name may. Built-in (`system`) entries are used by
 * intake and cannot be deleted.
 */
@Entity('deal_type')
export class DealTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** 1..n in the order the list is shown. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: false })
  system: boolean;
}
