import type { ContactKind } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A customer: a person or a company. Phones are E.164, emails lower-cased, so lookups are exact.
 * A lead until converted, when it gets a customer number from the `customer` number series.
 * The search indexes are on expressions (see ContactSearchAndCustomers), so TypeORM leaves them be.
 */
@Entity('contact')
@Check('ck_contact_kind', `kind IN ('person', 'company')`)
@Check('ck_contact_customer', `(customer_number IS NULL) = (converted_at IS NULL)`)
@Index('ix_contact_phones', { synchronize: false })
@Index('ix_contact_emails', { synchronize: false })
@Index('ix_contact_name_search', { synchronize: false })
@Index('ix_contact_phones_search', { synchronize: false })
@Index('ix_contact_emails_search', { synchronize: false })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16, default: 'person' })
  kind: ContactKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  phones: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  emails: string[];

  /** e.g. C-000123; null while the contact is a lead. */
  @Column({ name: 'customer_number', type: 'varchar', length: 30, nullable: true, unique: true })
  customerNumber: string | null;

  @Column({ name: 'converted_at', type: 'timestamptz', nullable: true })
  convertedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
