import type { DealStatus, DealType, TaskKind } from '@autofunnel/shared';

export const DEAL_TYPE_LABELS: Record<DealType, string> = {
  internet_lead: 'Internet lead',
  phone_up: 'Phone call',
  chat: 'Chat',
  sms: 'SMS',
  walk_in: 'Walk-in',
};

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
