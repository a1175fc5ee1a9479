import type { Role } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Branch } from './branch.entity.js';

@Check('ck_app_user_role', `role IN ('admin', 'lead', 'manager')`)
@Check('ck_app_user_max_open_deals', `max_open_deals IS NULL OR max_open_deals >= 0`)
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; logins compare lower-cased. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Relation<Branch>;

  /** Matches answered calls from telephony to a user. */
  @Column({ name: 'phone_extension', type: 'varchar', length: 16, nullable: true })
  phoneExtension: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The manager's own switch: only users on duty receive automatically distributed deals. */
  @Column({ name: 'on_duty', type: 'boolean', default: false })
  onDuty: boolean;

  /** Automatic distribution skips a user holding this many open deals; null = no cap. */
  @Column({ name: 'max_open_deals', type: 'integer', nullable: true })
  maxOpenDeals: number | null;

  /** Round robin hands the next deal to the on-duty manager who got one longest ago. */
  @Column({ name: 'last_auto_assigned_at', type: 'timestamptz', nullable: true })
  lastAutoAssignedAt: Date | null;

  /** Bumped by a password change or reset: tokens signed with an older epoch stop working. */
  @Column({ name: 'session_epoch', type: 'integer', default: 0 })
  sessionEpoch: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
