import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { numberTransformer } from '../database/columns.js';
import { Stage } from './stage.entity.js';

@Entity('funnel')
export class Funnel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Sequence number of the funnel's latest event; bumped under a row lock by EventsService. */
  @Column({ name: 'last_seq', type: 'bigint', default: 0, transformer: numberTransformer })
  lastSeq: number;

  @OneToMany(() => Stage, (stage) => stage.funnel)
  stages?: Relation<Stage>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
