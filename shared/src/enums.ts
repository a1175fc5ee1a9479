/** Who a user is in the dealership; decides what they may change. */
export const ROLES = ['admin', 'lead', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every funnel has exactly one `unassigned` stage (first) and one `won` stage (last);
 * everything in between is `open`.
 */
export const STAGE_KINDS = ['unassigned', 'open', 'won'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Lost is a status, not a stage: a lost deal keeps the stage it was lost at. */
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * How the customer reached the dealership (the deal "type" of the dealer CRMs): the code of an
 * entry of the admin-edited list of deal types. These built-in ones always exist (intake uses them).
 */
export const BUILT_IN_DEAL_TYPES = ['internet_lead', 'phone_up', 'chat', 'sms', 'walk_in'] as const;
export type BuiltInDealType = (typeof BUILT_IN_DEAL_TYPES)[number];
export type DealType = string;

export const CONTACT_KINDS = ['person', 'company'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const DEAL_OUTCOMES = ['won', 'lost'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

/** Columns the deal list can be sorted by. */
export const DEAL_SORT_FIELDS = ['createdAt', 'updatedAt', 'lastActivityAt', 'deadlineAt', 'amount'] as const;
export type DealSortField = (typeof DEAL_SORT_FIELDS)[number];

/** The deal list's `followUp` filter: only deals in long-term follow-up, or none of them. */
export const DEAL_FOLLOW_UP_FILTERS = ['only', 'exclude'] as const;
export type DealFollowUpFilter = (typeof DEAL_FOLLOW_UP_FILTERS)[number];

/** A vehicle in stock: for sale, held for a customer, or sold (a won deal's offer sells it). */
export const VEHICLE_STATUSES = ['in_stock', 'reserved', 'sold'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

export const TEST_DRIVE_STATUSES = ['scheduled', 'done', 'cancelled'] as const;
export type TestDriveStatus = (typeof TEST_DRIVE_STATUSES)[number];

/** The appointments a manager plans on a deal; each may have a due time and participants. */
export const TASK_KINDS = ['task', 'call', 'meeting'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** `urgent`: made by the system, e.g. when a new request waited past its speed-to-lead SLA. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** How a contact deadline ended: the customer was reached, or not (with why). */
export const DEADLINE_OUTCOMES = ['contacted', 'not_contacted'] as const;
export type DeadlineOutcome = (typeof DEADLINE_OUTCOMES)[number];

/** `outbox`: written but not sent, because no SMTP server is configured. */
export const MESSAGE_STATUSES = ['sent', 'outbox', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
