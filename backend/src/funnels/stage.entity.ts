import type { StageKind, StageRequirement } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Funnel } from './funnel.entity.js';

/** A kanban column. Positions are 0..n-1 within the funnel, unique (checked at commit). */
@Entity('stage')
@Check('ck_stage_kind', `kind IN ('unassigned', 'open', 'won')`)
@Check('ck_stage_win_probability', `win_probability IS NULL OR win_probability BETWEEN 0 AND 100`)
@Check('ck_stage_rot_after_days', `rot_after_days IS NULL OR rot_after_days > 0`)
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

  /** 0–100, the chance a deal here is won; weighs the column's sum. */
  @Column({ name: 'win_probability', type: 'smallint', nullable: true })
  winProbability: number | null;

  /** An open deal without activity for this many days is "rotten". */
  @Column({ name: 'rot_after_days', type: 'integer', nullable: true })
  rotAfterDays: number | null;

  /** What a deal must have to enter this stage (see stage-requirements.ts). */
  @Column({ name: 'required_fields', type: 'text', array: true, default: () => `'{}'` })
  requiredFields: StageRequirement[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
