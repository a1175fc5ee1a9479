import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An entry of the admin-edited list a lost deal's reason is picked from. Names are unique
 * ignoring case (`uq_lost_reason_name` on lower(name), created by the DealPage migration).
 */
@Entity('lost_reason')
@Index('uq_lost_reason_name', { synchronize: false })
export class LostReason {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 1..n in the order the list is shown. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
