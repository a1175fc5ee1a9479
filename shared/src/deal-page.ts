/**
 * What happens on a deal (its page): trade-ins, offers, test drives, notes, documents, tasks,
 * messages, deadlines, long-term follow-up, linked contacts, the trash. Each change is written
 * to the deal's timeline and sent to live boards as a `board:event` (see events.ts).
 * Part of the public contract (api.md, "The deal page").
 */
import type { ContactSummaryDto, CursorPage, DealDto, UserRef } from './contract.js';
import type { DeadlineOutcome, MessageStatus, TaskKind, TaskPriority, TestDriveStatus } from './enums.js';
import type { VehicleDto } from './stock.js';

/** The customer's car the dealership may take in. */
export interface TradeInDto {
  id: string;
  dealId: string;
  make: string;
  model: string;
  year: number | null;
  vin: string | null;
  mileage: number | null;
  appraisalValue: number | null;
  notes: string | null;
  createdAt: string;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/trade-ins; PATCH /api/trade-ins/:id takes the same fields, all optional. */
export interface TradeInRequest {
  make: string;
  model: string;
  year?: number | null;
  vin?: string | null;
  mileage?: number | null;
  appraisalValue?: number | null;
  notes?: string | null;
}

export type OfferStatus = 'active' | 'withdrawn';

/** A quote on a stock vehicle; `total` = price − discount. */
export interface OfferDto {
  id: string;
  dealId: string;
  vehicle: VehicleDto;
  price: number;
  discount: number;
  total: number;
  validUntil: string | null;
  status: OfferStatus;
  notes: string | null;
  createdAt: string;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/offers (409 for a sold vehicle); the quote is GET /api/offers/:id/quote.pdf. */
export interface CreateOfferRequest {
  vehicleId: string;
  /** Defaults to the vehicle's price. */
  price?: number;
  discount?: number;
  /** A date (YYYY-MM-DD) or date-time. */
  validUntil?: string;
  notes?: string;
}

export interface TestDriveDto {
  id: string;
  dealId: string;
  vehicle: VehicleDto;
  startsAt: string;
  endsAt: string;
  licenceChecked: boolean;
  status: TestDriveStatus;
  notes: string | null;
  createdAt: string;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/test-drives: 409 when the vehicle is booked in an overlapping slot. */
export interface CreateTestDriveRequest {
  vehicleId: string;
  startsAt: string;
  endsAt: string;
  licenceChecked?: boolean;
  notes?: string;
}

/** PATCH /api/test-drives/:id */
export interface UpdateTestDriveRequest {
  startsAt?: string;
  endsAt?: string;
  licenceChecked?: boolean;
  status?: TestDriveStatus;
  notes?: string | null;
}

/** POST /api/deals/:id/notes */
export interface CreateNoteRequest {
  text: string;
}

/**
 * A file on a deal. POST /api/deals/:id/documents (multipart `file`, `title?`): 413 over
 * DOCUMENT_MAX_MB, 415 when the content is not one of DOCUMENT_TYPES. The bytes are at
 * GET /api/documents/:id/download.
 */
export interface DocumentDto {
  id: string;
  dealId: string;
  title: string;
  fileName: string;
  /** Detected from the content, e.g. application/pdf. */
  contentType: string;
  /** In bytes. */
  size: number;
  createdAt: string;
  createdBy: UserRef | null;
}

/** PATCH /api/documents/:id */
export interface RenameDocumentRequest {
  title: string;
}

export interface TaskDto {
  id: string;
  dealId: string;
  /** For lists outside the deal page ("My day"). */
  deal: { id: string; code: string; title: string; funnelId: string };
  kind: TaskKind;
  title: string;
  dueAt: string | null;
  /** Meetings: when it ends. */
  endsAt: string | null;
  assignee: UserRef | null;
  participants: UserRef[];
  branchId: string | null;
  priority: TaskPriority;
  notes: string | null;
  doneAt: string | null;
  doneBy: UserRef | null;
  result: string | null;
  createdAt: string;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/tasks; the assignee defaults to the caller. */
export interface CreateTaskRequest {
  kind: TaskKind;
  title: string;
  dueAt?: string;
  endsAt?: string;
  assigneeId?: string;
  participantIds?: string[];
  branchId?: string;
  priority?: TaskPriority;
  notes?: string;
}

/** PATCH /api/tasks/:id: only the fields given change; `null` clears a time, the branch or the notes. */
export interface UpdateTaskRequest {
  title?: string;
  dueAt?: string | null;
  endsAt?: string | null;
  assigneeId?: string;
  /** Replaces the participants. */
  participantIds?: string[];
  branchId?: string | null;
  priority?: TaskPriority;
  notes?: string | null;
}

/** POST /api/tasks/:id/complete: posts to the deal's timeline. */
export interface CompleteTaskRequest {
  result?: string;
}

/** An email to the customer: sent through SMTP, or kept in the outbox when none is configured. */
export interface MessageDto {
  id: string;
  dealId: string;
  /** For the outbox, which lists messages of every deal. */
  deal: { id: string; code: string; title: string };
  to: string;
  subject: string;
  body: string;
  offerId: string | null;
  status: MessageStatus;
  /** Why the last attempt failed, in words. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/messages; with `offerId` the quote PDF is attached. */
export interface SendMessageRequest {
  /** Defaults to the deal contact's first email. */
  to?: string;
  subject: string;
  body: string;
  offerId?: string;
}

/** GET /api/messages?status=&limit=&cursor= (team leads and admins): newest first. */
export type MessageListPage = CursorPage<MessageDto>;

/** A target time to contact the customer; the open one is the deal's `deadlineAt`. */
export interface DeadlineDto {
  id: string;
  dealId: string;
  dueAt: string;
  outcome: DeadlineOutcome | null;
  /** Why the customer was not reached, or what was agreed. */
  note: string | null;
  resolvedAt: string | null;
  resolvedBy: UserRef | null;
  createdAt: string;
  createdBy: UserRef | null;
}

/** POST /api/deals/:id/deadlines: sets (or moves) the open deadline. */
export interface SetDeadlineRequest {
  dueAt: string;
}

/** POST /api/deadlines/:id/resolve; `note` is required when not contacted. */
export interface ResolveDeadlineRequest {
  outcome: DeadlineOutcome;
  note?: string;
  /** Sets the next deadline in the same step. */
  nextDueAt?: string;
}

/** POST /api/deals/:id/follow-up: out of view until `until` (null brings it back now). */
export interface FollowUpRequest {
  until: string | null;
}

/** An entry of GET /api/deals/trash (admin): the deal, and who put it in the trash (null: the system). */
export interface TrashedDealDto extends DealDto {
  trashedBy: UserRef | null;
}

/** GET /api/deals/trash?funnelId=&limit=&cursor=: newest-trashed first; `total` is the whole trash (of that funnel). */
export interface TrashPage extends CursorPage<TrashedDealDto> {
  total: number;
}

/** POST /api/deals/:id/contacts: link an existing contact or a new one. */
export interface LinkContactRequest {
  contactId?: string;
  contact?: { name: string; phone?: string; email?: string };
  role?: string;
}

/** GET /api/deals/:id/contacts: the primary contact (`deal.contact`) first, then the linked ones. */
export interface LinkedContactDto {
  contact: ContactSummaryDto;
  /** What the person is to the deal ("spouse", "fleet buyer"); null for the primary contact. */
  role: string | null;
  primary: boolean;
}

/** An entry of the admin-edited list a lost deal's reason is picked from; positions run 1..n. */
export interface LostReasonDto {
  id: string;
  name: string;
  position: number;
}

/** POST /api/lost-reasons (admin): 409 when the name exists, ignoring case. */
export interface CreateLostReasonRequest {
  name: string;
}

/** PATCH /api/lost-reasons/:id (admin): `position` moves it there (1 = first), the others shift. */
export interface UpdateLostReasonRequest {
  name?: string;
  position?: number;
}

/** A task in "My day"; `overdue` once its due time has passed. */
export interface MyDayTaskDto extends TaskDto {
  overdue: boolean;
}

/** An open deal's contact deadline in "My day"; `deadlineId` resolves it (POST /api/deadlines/:id/resolve). */
export interface MyDayDeadlineDto {
  deadlineId: string | null;
  deal: DealDto;
  dueAt: string;
  overdue: boolean;
}

/**
 * GET /api/my-day?until=&limit=: the caller's open tasks and meetings (assignee or participant)
 * due before `until` or overdue, then undated ones; and the deadlines of the open deals they are
 * responsible for (not those in long-term follow-up). Overdue first, then by time.
 */
export interface MyDayDto {
  /** The server's time, by which `overdue` is judged. */
  now: string;
  /** The end of the window: the request's `until`, by default the end of today (server time). */
  until: string;
  tasks: MyDayTaskDto[];
  deadlines: MyDayDeadlineDto[];
  /** How many are due in all: more than listed when over `limit`. */
  tasksTotal: number;
  deadlinesTotal: number;
}

/** POST /api/follow-up/run (admin): what one run of the follow-up job did. */
export interface FollowUpRunResult {
  /** Open deals without activity for DEAL_EXPIRY_WEEKS, closed as lost with reason "expired". */
  expired: number;
  /** Deals whose long-term follow-up date came, back on the board with a fresh deadline. */
  returned: number;
}
