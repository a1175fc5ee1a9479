import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import { Funnel } from '../funnels/funnel.entity.js';

/**
 * One stay of a deal in a stage, from the deal event log: the trigger `tg_funnel_event_stage_visit`
 * (TeamRules… see the Insights migration) opens a visit whenever an event shows the deal in
 * another stage, and closes the previous one. Insights read these instead of replaying events.
 * `stage_id` has no foreign key: a deleted stage's history stays.
 */
@Entity('deal_stage_visit')
@Index('ix_visit_funnel_entered', ['funnelId', 'enteredAt'])
@Index('ix_visit_stage_entered', ['stageId', 'enteredAt'])
@Index('ix_visit_deal', ['dealId', 'enteredAt'])
@Index('ux_visit_open', ['dealId'], { unique: true, where: 'left_at IS NULL' })
export class DealStageVisit {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ name: 'funnel_id', type: 'uuid' })
  funnelId: string;

  @ManyToOne(() => Funnel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'funnel_id' })
  funnel?: Relation<Funnel>;

  @Column({ name: 'stage_id', type: 'uuid' })
  stageId: string;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;

  /** Null while the deal is still there. */
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
