import type { DeadlineOutcome } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A target time to contact the customer. At most one per deal is open (unresolved); its
 * due time is mirrored in `deal.deadline_at` so boards and lists sort and colour without a join.
 */
@Entity('deadline')
@Check('ck_deadline_outcome', `outcome IS NULL OR outcome IN ('contacted', 'not_contacted')`)
@Check('ck_deadline_resolved', `(outcome IS NULL) = (resolved_at IS NULL)`)
@Index('ix_deadline_deal', ['dealId', 'createdAt'])
@Index('uq_deadline_open', ['dealId'], { unique: true, where: 'resolved_at IS NULL' })
export class Deadline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: DeadlineOutcome | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by_id' })
  resolvedBy?: Relation<User> | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
