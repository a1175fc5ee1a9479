import type { TaskKind, TaskPriority } from '@autofunnel/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import { Branch } from '../users/branch.entity.js';
import { User } from '../users/user.entity.js';

/** A task, call or meeting planned on a deal; completing it posts to the deal's timeline. */
@Entity('task')
@Check('ck_task_kind', `kind IN ('task', 'call', 'meeting')`)
@Check('ck_task_priority', `priority IN ('low', 'normal', 'high', 'urgent')`)
@Check('ck_task_ends', `ends_at IS NULL OR (due_at IS NOT NULL AND ends_at >= due_at)`)
@Index('ix_task_deal', ['dealId', 'createdAt'])
@Index('ix_task_assignee_open', ['assigneeId', 'dueAt'], { where: 'done_at IS NULL' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => Deal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<Deal>;

  @Column({ type: 'varchar', length: 10 })
  kind: TaskKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User> | null;

  @ManyToMany(() => User)
  @JoinTable({ name: 'task_participant', joinColumn: { name: 'task_id' }, inverseJoinColumn: { name: 'user_id' } })
  participants?: Relation<User>[];

  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @ManyToOne(() => Branch, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'branch_id' })
  branch?: Relation<Branch> | null;

  @Column({ type: 'varchar', length: 8, default: 'normal' })
  priority: TaskPriority;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by_id', type: 'uuid', nullable: true })
  doneById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'done_by_id' })
  doneBy?: Relation<User> | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
