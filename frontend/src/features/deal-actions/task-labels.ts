import type { TaskKind, TaskPriority } from '@autofunnel/shared';

export const TASK_KIND_LABELS: Record<TaskKind, string> = { task: 'Task', call: 'Call', meeting: 'Meeting' };

export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
