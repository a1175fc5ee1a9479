import type { DistributionMode } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { numberTransformer } from '../database/columns.js';
import { Stage } from './stage.entity.js';

@Entity('funnel')
@Check('ck_funnel_distribution', `distribution IN ('off', 'round_robin', 'least_busy')`)
@Check('ck_funnel_sla', `(sla_warn_minutes IS NULL OR sla_warn_minutes > 0) AND (sla_escalate_minutes IS NULL OR sla_escalate_minutes > 0) AND (sla_warn_minutes IS NULL OR sla_escalate_minutes IS NULL OR sla_warn_minutes < sla_escalate_minutes)`)
export class Funnel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Sequence number of the funnel's latest event; bumped under a row lock by EventsService. */
  @Column({ name: 'last_seq', type: 'bigint', default: 0, transformer: numberTransformer })
  lastSeq: number;

  /** How new unassigned deals get a responsible (see DistributionService). */
  @Column({ type: 'varchar', length: 16, default: 'off' })
  distribution: DistributionMode;

  /** Speed to lead: minutes a deal may wait in the unassigned stage before its card turns amber. */
  @Column({ name: 'sla_warn_minutes', type: 'integer', nullable: true })
  slaWarnMinutes: number | null;

  /** …and before it turns red and is escalated to the team lead. */
  @Column({ name: 'sla_escalate_minutes', type: 'integer', nullable: true })
  slaEscalateMinutes: number | null;

  @OneToMany(() => Stage, (stage) => stage.funnel)
  stages?: Relation<Stage>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
