import type { StageKind } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Funnel } from './funnel.entity.js';

/** A kanban column. Positions are 0..n-1 within the funnel, unique (checked at commit). */
@Entity('stage')
@Check('ck_stage_kind', `kind IN ('unassigned', 'open', 'won')`)
@Unique('uq_stage_funnel_position', ['funnelId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Index('ux_stage_one_unassigned', ['funnelId'], { unique: true, where: `kind = 'unassigned'` })
@Index('ux_stage_one_won', ['funnelId'], { unique: true, where: `kind = 'won'` })
export class Stage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'funnel_id', type: 'uuid' })
  funnelId: string;

  @ManyToOne(() => Funnel, (funnel) => funnel.stages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'funnel_id' })
  funnel?: Relation<Funnel>;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 7 })
  color: string;

  @Column({ type: 'varchar', length: 16 })
  kind: StageKind;

  @Column({ type: 'integer' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
