import type { DealStatus, DealType } from '@autofunnel/shared';

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

/** The usual reasons a deal is lost (the dealer CRMs' list); "Other" lets one be typed. */
export const LOST_REASONS = ['Refused', 'Unreachable', 'Bought elsewhere', 'Too expensive', 'Invalid or duplicate'] as const;
