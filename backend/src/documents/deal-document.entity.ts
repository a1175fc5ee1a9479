import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numberTransformer } from '../database/columns.js';
import { Deal } from '../deals/deal.entity.js';
import { User } from '../users/user.entity.js';

/** A file on a deal. The bytes live on disk under DOCUMENTS_DIR at `storage_key`. */
@Entity('deal_document')
@Index('ix_deal_document_deal', ['dealId', 'createdAt'])
export class DealDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** As uploaded, for the download's file name. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the file's content, not taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'bigint', transformer: numberTransformer })
  size: number;

  /** Path relative to DOCUMENTS_DIR; never derived from the client's file name. */
  @Column({ name: 'storage_key', type: 'varchar', length: 200, unique: true })
  storageKey: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
