import type { DealEventDto } from '@autofunnel/shared';
import { requestOf } from '../deals/describe-deal-event';

/** The chips above the timeline, in the order shown. */
export const TIMELINE_FILTERS = [
  { id: 'all', label: 'All' },
  { id: 'notes', label: 'Notes' },
  { id: 'vehicles', label: 'Offers & test drives' },
  { id: 'tasks', label: 'Tasks & follow-up' },
  { id: 'documents', label: 'Documents' },
  { id: 'emails', label: 'Emails' },
  { id: 'changes', label: 'Changes' },
  { id: 'requests', label: 'Requests' },
] as const;

export type TimelineFilter = (typeof TIMELINE_FILTERS)[number]['id'];
type TimelineKind = Exclude<TimelineFilter, 'all'>;

/** Event types by kind; trade-ins go with offers and test drives (all about the cars). */
const KIND_OF_TYPE: Record<string, TimelineKind> = {
  'deal.note_added': 'notes',
  'deal.trade_in_added': 'vehicles',
  'deal.trade_in_updated': 'vehicles',
  'deal.trade_in_removed': 'vehicles',
  'deal.offer_added': 'vehicles',
  'deal.offer_updated': 'vehicles',
  'deal.offer_withdrawn': 'vehicles',
  'deal.test_drive_scheduled': 'vehicles',
  'deal.test_drive_updated': 'vehicles',
  'deal.task_created': 'tasks',
  'deal.task_updated': 'tasks',
  'deal.task_completed': 'tasks',
  'deal.task_deleted': 'tasks',
  'deal.deadline_set': 'tasks',
  'deal.deadline_resolved': 'tasks',
  'deal.follow_up_scheduled': 'tasks',
  'deal.follow_up_returned': 'tasks',
  // Escalation makes the team lead's urgent call-back task.
  'deal.sla_escalated': 'tasks',
  'deal.document_added': 'documents',
  'deal.document_renamed': 'documents',
  'deal.document_deleted': 'documents',
  'deal.message_sent': 'emails',
  'deal.request_added': 'requests',
};

/** Whether `event` shows under `filter`; a deal created by a customer's request is both a change and a request. */
export function matchesTimelineFilter(event: DealEventDto, filter: TimelineFilter): boolean {
  if (filter === 'all') return true;
  const kind = KIND_OF_TYPE[event.type] ?? 'changes';
  if (kind === filter) return true;
  return filter === 'requests' && event.type === 'deal.created' && requestOf(event) !== null;
}
