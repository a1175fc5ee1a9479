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
  'stage.created',
  'stage.updated',
  'stage.deleted',
  'stages.reordered',
  'funnel.created',
  'funnel.updated',
] as const;
export type BoardEventType = (typeof BOARD_EVENT_TYPES)[number];
