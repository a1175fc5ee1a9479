/**
 * Running the team: users and branches administration, visibility by role, automatic
 * distribution, speed-to-lead SLAs, notifications, the Inflow view, stage rules and the
 * admin-edited deal types. Part of the public contract (docs/api.md, "Running the team").
 */
import type { BranchDto, DealDto, UserDto, UserRef } from './contract.js';
import type { Role } from './enums.js';

// ---------- visibility ----------

/** Who is asking, as far as visibility goes. */
export interface Viewer {
  id: string;
  role: Role;
  branchId: string | null;
}

/** What of a deal decides who may see it. */
export interface DealScope {
  responsibleId: string | null;
  branchId: string | null;
}

/**
 * Who sees a deal: an admin every deal; a team lead the deals of their branch, deals without a
 * branch and their own; a manager their own deals and the untaken deals of their branch (or
 * without a branch). The trash is a separate rule (admins only). The API, the socket rooms and
 * the web app all decide with this one function.
 */
export function canSeeDeal(viewer: Viewer, deal: DealScope): boolean {
  if (viewer.role === 'admin') return true;
  if (deal.responsibleId === viewer.id) return true;
  const sameBranch = deal.branchId === null || deal.branchId === viewer.branchId;
  if (viewer.role === 'lead') return sameBranch;
  return deal.responsibleId === null && sameBranch;
}

/** The scope of a deal as the API sends it. */
export function scopeOf(deal: Pick<DealDto, 'responsible' | 'branchId'>): DealScope {
  return { responsibleId: deal.responsible?.id ?? null, branchId: deal.branchId };
}

// ---------- users and branches ----------

/** A user as the admin pages see them. */
export interface UserAdminDto extends UserDto {
  phoneExtension: string | null;
  active: boolean;
  /** Receives automatically distributed deals while true; each manager switches it. */
  onDuty: boolean;
  /** At most this many open deals through automatic distribution; null = no cap. */
  maxOpenDeals: number | null;
  openDealCount: number;
  createdAt: string;
}

/** POST /api/users (admin). */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  branchId?: string | null;
  phoneExtension?: string | null;
  /** At least 8 characters. */
  password: string;
  maxOpenDeals?: number | null;
}

/** PATCH /api/users/:id (admin). */
export interface UpdateUserRequest {
  email?: string;
  name?: string;
  role?: Role;
  branchId?: string | null;
  phoneExtension?: string | null;
  maxOpenDeals?: number | null;
  onDuty?: boolean;
}

/** POST /api/users/:id/deactivate → the user, and how many open deals now need reassignment. */
export interface DeactivateUserResponse {
  user: UserAdminDto;
  flaggedDeals: number;
}

/** POST /api/users/:id/reset-password (admin) {password?}: without one, a temporary password is made and shown once. */
export interface ResetPasswordRequest {
  password?: string;
}
export interface ResetPasswordResponse {
  temporaryPassword: string | null;
}

/** POST /api/me/password: every signed-in user, for themselves. */
export interface ChangeOwnPasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** GET /api/me → the signed-in user with their duty switch; PATCH /api/me {onDuty}. */
export type MeDto = UserAdminDto;
export interface UpdateMeRequest {
  onDuty?: boolean;
  name?: string;
}

export interface BranchAdminDto extends BranchDto {
  userCount: number;
  openDealCount: number;
}

// ---------- funnel settings: distribution and SLA ----------

/** How new unassigned deals of a funnel get a responsible. */
export const DISTRIBUTION_MODES = ['off', 'round_robin', 'least_busy'] as const;
export type DistributionMode = (typeof DISTRIBUTION_MODES)[number];

/** PATCH /api/funnels/:id accepts these next to `name` (admin). */
export interface FunnelSettings {
  distribution: DistributionMode;
  /** Minutes in the unassigned stage after which the card turns amber; null = no SLA. */
  slaWarnMinutes: number | null;
  /** Minutes after which it turns red, the team lead is notified and an urgent task is made. */
  slaEscalateMinutes: number | null;
}

// ---------- stage rules ----------

/** What a deal must have before it may enter a stage. */
export const STAGE_REQUIREMENTS = ['vehicleInterest', 'amount', 'source', 'type', 'contactPhone', 'contactEmail', 'tradeIn', 'testDrive', 'offer'] as const;
export type StageRequirement = (typeof STAGE_REQUIREMENTS)[number];

/** How the refusal names each missing requirement. */
export const STAGE_REQUIREMENT_LABELS: Record<StageRequirement, string> = {
  vehicleInterest: 'vehicle of interest',
  amount: 'amount',
  source: 'source',
  type: 'deal type',
  contactPhone: "customer's phone",
  contactEmail: "customer's email",
  tradeIn: 'a trade-in',
  testDrive: 'a test drive',
  offer: 'an active offer',
};

/** PATCH /api/stages/:id accepts these next to `name` and `color` (admin). */
export interface StageSettings {
  /** 0–100: the chance a deal in this stage is won; the column header weighs its sum by it. */
  winProbability: number | null;
  /** Days without activity after which an open deal here is "rotten". */
  rotAfterDays: number | null;
  requiredFields: StageRequirement[];
}

/** The 422 body of a move refused by a stage rule. */
export interface StageRuleRefusal {
  statusCode: 422;
  error: 'Unprocessable Entity';
  message: string;
  stageId: string;
  missing: StageRequirement[];
}

// ---------- board filters ----------

/** Query of GET /api/funnels/:id/board and /api/stages/:id/deals besides limit/status/cursor. */
export interface BoardFilter {
  /** A user id, `me` or `none` (untaken). */
  responsibleId?: string;
  /** A branch id or `none`. */
  branchId?: string;
  /** A source id or `none`. */
  sourceId?: string;
  /** A deal type code or `none`. */
  type?: string;
  /** Only rotten deals. */
  rotten?: boolean;
  /** Only deals flagged for reassignment (their responsible was deactivated). */
  needsReassignment?: boolean;
}

// ---------- admin-edited deal types ----------

export interface DealTypeDto {
  id: string;
  /** Stable key stored on deals (e.g. `phone_up`); made from the name on creation. */
  code: string;
  name: string;
  position: number;
  /** Built in and used by intake: may be renamed, not deleted. */
  system: boolean;
}

// ---------- notifications ----------

/**
 * `sla_escalated`: a new request waited past the SLA (to the branch's team leads);
 * `deals_need_reassignment`: a user was deactivated with open deals (to team leads);
 * `deal_assigned`: someone else (or distribution) made you responsible for a deal.
 */
export const NOTIFICATION_KINDS = ['sla_escalated', 'deals_need_reassignment', 'deal_assigned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  dealId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications?cursor=&limit=&unread=true */
export interface NotificationPage {
  items: NotificationDto[];
  nextCursor: string | null;
  unreadCount: number;
}

/** POST /api/sla/run (admin): the SLA escalation job, run now. */
export interface SlaRunResult {
  /** Deals escalated by this run (each deal is escalated once). */
  escalated: number;
}

// ---------- the Inflow view ----------

export interface InflowTake {
  deal: { id: string; code: string; title: string };
  user: UserRef;
  takenAt: string;
  /** From the deal's creation to take into work. */
  takeSeconds: number;
  /** true when automatic distribution assigned it. */
  auto: boolean;
}

export interface InflowTaker {
  user: UserRef;
  count: number;
  medianTakeSeconds: number | null;
}

/** GET /api/inflow?funnelId=&since= (lead, admin): a team lead's live view of the unassigned inflow. */
export interface InflowDto {
  funnelId: string;
  /** Start of "today" as the client asked (its local midnight), default the UTC day. */
  since: string;
  arrived: number;
  untakenCount: number;
  /** Untaken deals, oldest first (at most 100). */
  untaken: DealDto[];
  medianTakeSeconds: number | null;
  takers: InflowTaker[];
  /** Latest takes first (at most 50). */
  recentTakes: InflowTake[];
}
