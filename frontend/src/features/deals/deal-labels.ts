import type { DealStatus, TaskKind } from '@autofunnel/shared';

// Deal types are admin-edited: their names come from the API (useDealTypeNames in admin/deal-types).

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
};

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  task: 'Task',
  call: 'Call',
  meeting: 'Meeting',
};
