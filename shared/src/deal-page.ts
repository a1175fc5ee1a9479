/**
 * What happens on a deal (its page): trade-ins, offers, test drives, notes, documents, tasks,
 * messages, deadlines, long-term follow-up, linked contacts, the trash. Each change is written
 * to the deal's timeline and sent to live boards as a `board:event` (see events.ts).
 * Part of the public contract (api.md, "The deal page").
 */
import type { ContactSummaryDto, DealDto, UserRef } from './contract.js';
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

export interface DocumentDto {
  id: string;
  dealId: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  createdBy: UserRef | null;
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

/** PATCH /api/tasks/:id */
export type UpdateTaskRequest = Partial<Omit<CreateTaskRequest, 'kind'>>;

/** POST /api/tasks/:id/complete: posts to the deal's timeline. */
export interface CompleteTaskRequest {
  result?: string;
}

/** An email to the customer: sent through SMTP, or kept in the outbox when none is configured. */
export interface MessageDto {
  id: string;
  dealId: string;
  to: string;
  subject: string;
  body: string;
  offerId: string | null;
  status: MessageStatus;
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

/** POST /api/deals/:id/contacts: link an existing contact or a new one. */
export interface LinkContactRequest {
  contactId?: string;
  contact?: { name: string; phone?: string; email?: string };
  role?: string;
}

export interface LinkedContactDto {
  contact: ContactSummaryDto;
  role: string | null;
  primary: boolean;
}

export interface LostReasonDto {
  id: string;
  name: string;
  position: number;
}

/** GET /api/my-day: the caller's open tasks and meetings and their deals' deadlines, overdue first. */
export interface MyDayDto {
  tasks: TaskDto[];
  deadlines: { deal: DealDto; dueAt: string; overdue: boolean }[];
}
