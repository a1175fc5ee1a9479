import type { TaskDto, UserRef } from '@autofunnel/shared';
import type { User } from '../users/user.entity.js';
import type { Task } from './task.entity.js';

/** Relations a task needs loaded before `toTaskDto`. */
export const TASK_RELATIONS = { deal: true, assignee: true, participants: true, doneBy: true, createdBy: true } as const;

export function toUserRef(user: User): UserRef {
  return { id: user.id, name: user.name };
}

export function userRef(user: User | null | undefined): UserRef | null {
  return user ? toUserRef(user) : null;
}

export function toTaskDto(task: Task): TaskDto {
  if (!task.deal || !task.participants) throw new Error(`Task ${task.id} was loaded without its deal or participants`);
  return {
    id: task.id,
    dealId: task.dealId,
    deal: { id: task.deal.id, code: task.deal.code, title: task.deal.title, funnelId: task.deal.funnelId },
    kind: task.kind,
    title: task.title,
    dueAt: task.dueAt?.toISOString() ?? null,
    endsAt: task.endsAt?.toISOString() ?? null,
    assignee: userRef(task.assignee),
    participants: task.participants.map(toUserRef).sort((a, b) => a.name.localeCompare(b.name)),
    branchId: task.branchId,
    priority: task.priority,
    notes: task.notes,
    doneAt: task.doneAt?.toISOString() ?? null,
    doneBy: userRef(task.doneBy),
    result: task.result,
    createdAt: task.createdAt.toISOString(),
    createdBy: userRef(task.createdBy),
  };
}

/** Open tasks first, soonest due first (undated after them), then done ones, latest done first. */
export function compareTasks(a: Task, b: Task): number {
  if (!a.doneAt !== !b.doneAt) return a.doneAt ? 1 : -1;
  if (a.doneAt && b.doneAt) return b.doneAt.getTime() - a.doneAt.getTime();
  if (a.dueAt?.getTime() !== b.dueAt?.getTime()) {
    if (!a.dueAt) return 1;
    if (!b.dueAt) return -1;
    return a.dueAt.getTime() - b.dueAt.getTime();
  }
  return a.createdAt.getTime() - b.createdAt.getTime();
}
