import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Contact } from '../contacts/contact.entity.js';
import { Deal } from './deal.entity.js';

/** Further contacts on a deal (a spouse, a company's buyer); the primary one is `deal.contact_id`. */
@Entity('deal_contact')
@Index('ix_deal_contact_contact', ['contactId'])
export class DealContact {
  @PrimaryColumn({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @PrimaryColumn({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Column({ type: 'varchar', length: 60, nullable: true })
  role: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
