import type { ContactKind } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A customer: a person or a company. Phones are E.164, emails lower-cased, so lookups are exact. */
@Entity('contact')
@Check('ck_contact_kind', `kind IN ('person', 'company')`)
@Index('ix_contact_phones', { synchronize: false })
@Index('ix_contact_emails', { synchronize: false })
@Index('ix_contact_name_trgm', { synchronize: false })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
