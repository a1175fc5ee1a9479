import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An entry of the admin-edited list a lost deal's reason is picked from. */
@Entity('lost_reason')
export class LostReason {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
