import type { DealStatus, DealType } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Contact } from '../contacts/contact.entity.js';
import { numberTransformer } from '../database/columns.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { Stage } from '../funnels/stage.entity.js';
import { Branch } from '../users/branch.entity.js';
import { User } from '../users/user.entity.js';
import { Source } from '../sources/source.entity.js';
import { DealTypeEntity } from '../deal-types/deal-type.entity.js';

/**
 * One customer request moving through a funnel. `position` is a fractional-index key
 * (byte-ordered, hence COLLATE "C") so a move rewrites only the moved row.
 */
@Entity('deal')
@Check('ck_deal_status', `status IN ('open', 'won', 'lost')`)
@Check('ck_deal_amount', `amount >= 0`)
@Unique('uq_deal_stage_position', ['stageId', 'position'])
@Index('ix_deal_board', ['stageId', 'status', 'position'])
// The list view and its totals never show the trash: partial, so a count stays an index-only scan.
@Index('ix_deal_funnel_created', ['funnelId', 'status', 'createdAt'], { where: 'trashed_at IS NULL' })
@Index('ix_deal_responsible', ['responsibleId', 'status'])
@Index('ix_deal_contact', ['contactId'])
@Index('ix_deal_title_trgm', { synchronize: false })
@Index('ix_deal_open_activity', ['lastActivityAt'], { where: `status = 'open' AND trashed_at IS NULL` })
@Index('ix_deal_follow_up', ['followUpUntil'], { where: 'follow_up_until IS NOT NULL' })
@Index('ix_deal_trash', ['trashedAt', 'id'], { where: 'trashed_at IS NOT NULL' })
// The speed-to-lead job's worklist: untaken open deals not escalated yet.
@Index('ix_deal_sla_pending', ['funnelId', 'stageEnteredAt'], { where: `responsible_id IS NULL AND status = 'open' AND sla_escalated_at IS NULL AND trashed_at IS NULL` })
@Index('ix_deal_branch', ['branchId', 'status'])
// Insights: a period's new deals, takes and closings per funnel.
@Index('ix_deal_insights_created', ['funnelId', 'createdAt'], { where: 'trashed_at IS NULL' })
@Index('ix_deal_insights_taken', ['funnelId', 'takenAt'], { where: 'trashed_at IS NULL AND taken_at IS NOT NULL' })
@Index('ix_deal_insights_closed', ['funnelId', 'closedAt'], { where: 'trashed_at IS NULL AND closed_at IS NOT NULL' })
export class Deal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human-readable code such as D-1042, from a database sequence. */
  @Column({ type: 'varchar', length: 20, unique: true, default: () => `concat('D-', nextval('deal_code_seq'))` })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'funnel_id', type: 'uuid' })
  funnelId: string;

  @ManyToOne(() => Funnel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funnel_id' })
  funnel?: Relation<Funnel>;

  @Column({ name: 'stage_id', type: 'uuid' })
  stageId: string;

  @ManyToOne(() => Stage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stage_id' })
  stage?: Relation<Stage>;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: DealStatus;

  @Column({ name: 'responsible_id', type: 'uuid', nullable: true })
  responsibleId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_id' })
  responsible?: Relation<User> | null;

  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Relation<Branch> | null;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @ManyToOne(() => Source, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Source> | null;

  /** Advertising channel the request came through (filled by intake), as named then. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  channel: string | null;

  /** The code of an entry of the admin-edited deal types. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  type: DealType | null;

  @ManyToOne(() => DealTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type', referencedColumnName: 'code' })
  typeEntry?: Relation<DealTypeEntity> | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numberTransformer })
  amount: number | null;

  @Column({ name: 'vehicle_interest', type: 'varchar', length: 200, nullable: true })
  vehicleInterest: string | null;

  @Column({ type: 'varchar', length: 64, collation: 'C' })
  position: string;

  /** Increases by one on every change; PATCH compares it to refuse stale writes. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  /** When the customer must be contacted; a target, not a task. */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'lost_reason', type: 'varchar', length: 200, nullable: true })
  lostReason: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'trade_in_count', type: 'integer', default: 0 })
  tradeInCount: number;

  @Column({ name: 'test_drive_count', type: 'integer', default: 0 })
  testDriveCount: number;

  /** Active offers (withdrawn ones are not counted). */
  @Column({ name: 'offer_count', type: 'integer', default: 0 })
  offerCount: number;

  /** Long-term follow-up: off the board until then; the follow-up job brings it back. */
  @Column({ name: 'follow_up_until', type: 'timestamptz', nullable: true })
  followUpUntil: Date | null;

  /** Marked invalid: hidden everywhere until an admin restores it. */
  @Column({ name: 'trashed_at', type: 'timestamptz', nullable: true })
  trashedAt: Date | null;

  /** A repeat customer's request was added to this deal and nobody has acted on the deal since. */
  @Column({ name: 'new_request_at', type: 'timestamptz', nullable: true })
  newRequestAt: Date | null;

  /** When it entered its current stage: the speed-to-lead SLA counts from here. */
  @Column({ name: 'stage_entered_at', type: 'timestamptz', default: () => 'now()' })
  stageEnteredAt: Date;

  /** When it first got a responsible; with createdAt, the time to take into work. */
  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  /** Who took it (its first responsible), for speed-to-lead per manager. */
  @Column({ name: 'taken_by_id', type: 'uuid', nullable: true })
  takenById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'taken_by_id' })
  takenBy?: Relation<User> | null;

  /** Escalated once (team lead notified, urgent task made) for waiting past the SLA. */
  @Column({ name: 'sla_escalated_at', type: 'timestamptz', nullable: true })
  slaEscalatedAt: Date | null;

  /** The responsible was deactivated; cleared when the deal gets a new responsible. */
  @Column({ name: 'reassignment_flagged_at', type: 'timestamptz', nullable: true })
  reassignmentFlaggedAt: Date | null;
}
