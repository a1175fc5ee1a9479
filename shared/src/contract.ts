/**
 * Shapes of the public HTTP contract (see the team's api.md). Both the API and the web app
 * compile against these, so a change here is a change to the contract.
 */
import type { ContactKind, DealOutcome, DealStatus, DealType, Role, StageKind } from './enums.js';
import type { FunnelSettings, StageSettings } from './team.js';

export interface UserRef {
  id: string;
  name: string;
}

export interface UserDto extends UserRef {
  email: string;
  role: Role;
  branchId: string | null;
}

export interface BranchDto {
  id: string;
  name: string;
}

export interface SourceDto {
  id: string;
  name: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserDto;
}

/** A kanban column with its rules (win probability, rotting, required fields). */
export interface StageDto extends StageSettings {
  id: string;
  name: string;
  color: string;
  kind: StageKind;
  position: number;
}

/** A funnel with its distribution and speed-to-lead settings. */
export interface FunnelDto extends FunnelSettings {
  id: string;
  name: string;
  stages: StageDto[];
}

export interface ContactSummaryDto {
  id: string;
  name: string;
  kind: ContactKind;
  phones: string[];
  emails: string[];
}

export interface ContactDto extends ContactSummaryDto {
  createdAt: string;
  updatedAt: string;
  /** Given when a lead is converted to a customer, e.g. C-000123; null means a lead. */
  customerNumber: string | null;
  convertedAt: string | null;
}

export interface ContactWithDealsDto extends ContactDto {
  deals: DealDto[];
}

export interface DealDto {
  id: string;
  code: string;
  title: string;
  funnelId: string;
  stageId: string;
  status: DealStatus;
  responsible: UserRef | null;
  branchId: string | null;
  contact: ContactSummaryDto;
  sourceId: string | null;
  channel: string | null;
  type: DealType | null;
  amount: number | null;
  vehicleInterest: string | null;
  /** Fractional order key within the stage: compare as plain strings (byte order). */
  position: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  deadlineAt: string | null;
  lostReason: string | null;
  closedAt: string | null;
  /** Counts shown on the card and the deal page's header. */
  tradeInCount: number;
  testDriveCount: number;
  offerCount: number;
  /** Long-term follow-up: the deal is out of view until this time, then back on the board. */
  followUpUntil: string | null;
  /** Marked invalid: in the trash, hidden everywhere; only an admin sees and restores it. */
  trashedAt: string | null;
  /** When a repeat customer's new request was added to this deal; cleared when someone next acts on it. */
  newRequestAt: string | null;
  /** When the deal entered its current stage (speed-to-lead countdowns run from here). */
  stageEnteredAt: string;
  /** When it first got a responsible (take into work, assignment or automatic distribution). */
  takenAt: string | null;
  /** When it waited in the unassigned stage past the funnel's escalation SLA. */
  slaEscalatedAt: string | null;
  /** Its responsible was deactivated: a team lead should reassign it. Cleared by assigning. */
  reassignmentFlaggedAt: string | null;
}

export interface NewContactInput {
  name: string;
  kind?: ContactKind;
  phone?: string;
  email?: string;
}

export interface CreateDealRequest {
  funnelId: string;
  contact?: NewContactInput;
  contactId?: string;
  title?: string;
  type?: DealType;
  sourceId?: string;
  amount?: number;
  vehicleInterest?: string;
  responsibleId?: string;
}

export interface UpdateDealRequest {
  version: number;
  title?: string;
  type?: DealType | null;
  sourceId?: string | null;
  amount?: number | null;
  vehicleInterest?: string | null;
  deadlineAt?: string | null;
}

export interface MoveDealRequest {
  stageId: string;
  /** The deal that will sit right above the moved one. */
  beforeId?: string;
  /** The deal that will sit right below the moved one. */
  afterId?: string;
  /** Optional optimistic check: 409 when the deal changed since this version. */
  version?: number;
}

export interface AssignDealRequest {
  userId?: string;
  branchId?: string;
}

export interface CloseDealRequest {
  outcome: DealOutcome;
  reason?: string;
}

export interface DealEventDto {
  seq: number;
  type: string;
  at: string;
  actor: UserRef | null;
  data: Record<string, unknown>;
}

export interface BoardColumnDto {
  stageId: string;
  count: number;
  amountSum: number;
  /** amountSum × the stage's win probability (amountSum when it has none). */
  weightedAmountSum: number;
  /** Open deals past the stage's `rotAfterDays` without activity. */
  rottenCount: number;
  deals: DealDto[];
  nextCursor: string | null;
}

export interface BoardDto {
  funnel: FunnelDto;
  columns: BoardColumnDto[];
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DealListPage extends CursorPage<DealDto> {
  total: number;
}

export interface ApiError {
  statusCode: number;
  message: string;
  error: string;
  /** For validation errors: the fields at fault and what is wrong with each. */
  fields?: Record<string, string[]>;
}
