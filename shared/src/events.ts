/** Types of the funnel event log; each also travels as a `board:event` over the socket. */
export const BOARD_EVENT_TYPES = [
  'deal.created',
  'deal.updated',
  'deal.moved',
  'deal.taken',
  'deal.assigned',
  'deal.closed',
  'deal.reopened',
  'deal.request_added',
  // The deal page's actions (see deal-page.ts); each carries the deal with its new counts.
  'deal.note_added',
  'deal.trade_in_added',
  'deal.trade_in_updated',
  'deal.trade_in_removed',
  'deal.offer_added',
  'deal.offer_updated',
  'deal.offer_withdrawn',
  'deal.test_drive_scheduled',
  'deal.test_drive_updated',
  'deal.document_added',
  'deal.document_renamed',
  'deal.document_deleted',
  'deal.task_created',
  'deal.task_updated',
  'deal.task_completed',
  'deal.task_deleted',
  'deal.message_sent',
  'deal.deadline_set',
  'deal.deadline_resolved',
  'deal.follow_up_scheduled',
  'deal.follow_up_returned',
  'deal.expired',
  'deal.trashed',
  'deal.restored',
  'deal.contact_linked',
  'deal.contact_unlinked',
  // Running the team (see team.ts).
  'deal.sla_escalated',
  'deal.flagged_for_reassignment',
  'stage.created',
  'stage.updated',
  'stage.deleted',
  'stages.reordered',
  'funnel.created',
  'funnel.updated',
] as const;
export type BoardEventType = (typeof BOARD_EVENT_TYPES)[number];

/**
 * Not in the log: what a socket gets instead of an event about a deal its user may not see, so
 * that its `seq` still counts up by one. `data.dealId` is set only when the user could see the
 * deal before this change (their board drops the card); otherwise it says nothing at all.
 */
export const HIDDEN_EVENT_TYPE = 'deal.hidden' as const;
