import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Channel } from '../channels/channel.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { Deal } from '../deals/deal.entity.js';

export type IntakeKind = 'call' | 'form' | 'message' | 'adf' | 'email';

/**
 * Every request a channel sent in, and the deal it became or was added to. Its idempotency key
 * (the sender's externalId, Idempotency-Key header, or ADF prospect id) is unique per channel,
 * so a retried request is answered with the first result instead of creating anything.
 */
@Entity('intake_request')
@Check('ck_intake_request_kind', `kind IN ('call', 'form', 'message', 'adf', 'email')`)
@Index('ux_intake_request_key', ['channelId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('ix_intake_request_deal', ['dealId'])
@Index('ix_intake_request_received', ['receivedAt'])
export class IntakeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null once the channel is deleted: the request stays in the deal's history. */
  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @ManyToOne(() => Channel, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<Channel>;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 300, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: IntakeKind;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  /** The request created its deal (else it was added to the customer's open deal). */
  @Column({ name: 'created_deal', type: 'boolean' })
  createdDeal: boolean;

  /** What the sender told us, as received (after validation), for the timeline and insights. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
