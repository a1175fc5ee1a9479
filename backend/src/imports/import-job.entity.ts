import type { ImportFormat, ImportRowError, ImportState, StartImportRequest } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';

/** A data row of the file: its number in the spreadsheet (header = 1) and one text per column. */
export interface ImportRow {
  line: number;
  cells: string[];
}

/**
 * One uploaded file and its import. The parsed rows are kept here, so the import can be started
 * later without uploading again; the counters and refused rows are updated with every batch,
 * in the batch's own transaction, so they always match what was imported.
 */
@Entity('import_job')
@Check('ck_import_job_state', `state IN ('uploaded', 'running', 'done', 'failed')`)
@Check('ck_import_job_format', `format IN ('csv', 'xlsx')`)
@Index('ix_import_job_created', ['createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 8 })
  format: ImportFormat;

  @Column({ type: 'varchar', length: 16, default: 'uploaded' })
  state: ImportState;

  @Column({ type: 'jsonb' })
  columns: string[];

  /** Large (up to a 10 MB file's worth): read only when the import runs. */
  @Column({ type: 'jsonb', select: false })
  rows: ImportRow[];

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  @Column({ type: 'jsonb', nullable: true })
  settings: StartImportRequest | null;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  merged: number;

  @Column({ type: 'integer', default: 0 })
  skipped: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  errors: ImportRowError[];

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Touched by every batch: a running import that stops touching it was interrupted. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;
}
