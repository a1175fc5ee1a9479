import type { ChannelKind } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Funnel } from '../funnels/funnel.entity.js';
import { Source } from '../sources/source.entity.js';
import { Branch } from '../users/branch.entity.js';

/**
 * An advertising channel: a phone line, a website form, a messenger or a media partner that
 * sends requests in. It decides the funnel and source of their deals, and authenticates with
 * its API key (stored as a SHA-256 hash: the key is random and long, so no slow hash is needed).
 */
@Entity('ad_channel')
@Check('ck_ad_channel_kind', `kind IN ('phone', 'web', 'messenger', 'partner')`)
export class Channel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ChannelKind;

  @Column({ name: 'funnel_id', type: 'uuid' })
  funnelId: string;

  @ManyToOne(() => Funnel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funnel_id' })
  funnel?: Relation<Funnel>;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @ManyToOne(() => Source, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Source>;

  /** The branch that receives this channel's requests (distribution and visibility follow it). */
  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Relation<Branch> | null;

  @Column({ name: 'merge_repeat_requests', type: 'boolean', default: true })
  mergeRepeatRequests: boolean;

  /** Requests per minute this channel's key may send; beyond it, 429 with Retry-After. */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', default: 120 })
  rateLimitPerMinute: number;

  @Column({ name: 'api_key_hash', type: 'varchar', length: 64, unique: true, select: false })
  apiKeyHash: string;

  @Column({ name: 'api_key_prefix', type: 'varchar', length: 16 })
  apiKeyPrefix: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
