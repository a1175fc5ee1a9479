import type { DeadlineDto } from '@autofunnel/shared';
import type { Deadline } from './deadline.entity.js';

/** Relations a deadline needs loaded before `toDeadlineDto`. */
export const DEADLINE_RELATIONS = { createdBy: true, resolvedBy: true } as const;

export function toDeadlineDto(deadline: Deadline): DeadlineDto {
  return {
    id: deadline.id,
    dealId: deadline.dealId,
    dueAt: deadline.dueAt.toISOString(),
    outcome: deadline.outcome,
    note: deadline.note,
    resolvedAt: deadline.resolvedAt?.toISOString() ?? null,
    resolvedBy: deadline.resolvedBy ? { id: deadline.resolvedBy.id, name: deadline.resolvedBy.name } : null,
    createdAt: deadline.createdAt.toISOString(),
    createdBy: deadline.createdBy ? { id: deadline.createdBy.id, name: deadline.createdBy.name } : null,
  };
}
