import type { BoardEventType, DealDto, DealScope } from '@autofunnel/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { numberTransformer } from '../database/columns.js';
import { Deal } from '../deals/deal.entity.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { User } from '../users/user.entity.js';

/**
 * The funnel's append-only log: a deal's timeline and the source of live board updates.
 * `seq` is gap-free per funnel, so a client can ask for everything after the last one it saw.
 */
@Entity('funnel_event')
@Index('ix_funnel_event_deal', ['dealId', 'seq'])
export class FunnelEvent {
  @PrimaryColumn({ name: 'funnel_id', type: 'uuid' })
  funnelId: string;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  seq: number;

  @ManyToOne(() => Funnel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'funnel_id' })
  funnel?: Relation<Funnel>;

  @Column({ type: 'varchar', length: 40 })
  type: BoardEventType;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId: string | null;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal> | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** What changed (ids, from/to values), in the shape documented per event type. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  data: Record<string, unknown>;

  /** The deal as it was right after this event, so live boards and replays need no extra read. */
  @Column({ name: 'deal_snapshot', type: 'jsonb', nullable: true })
  dealSnapshot: DealDto | null;

  /** Who could see the deal just before this event (its responsible and branch, and whether it was in the trash): the sockets tell those who lose sight of it. */
  @Column({ name: 'deal_before', type: 'jsonb', nullable: true })
  dealBefore: (DealScope & { trashed: boolean }) | null;
}
