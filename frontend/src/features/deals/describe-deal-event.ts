import type { DealEventDto, TaskKind } from '@autofunnel/shared';
import { formatAmount } from '../board/format';
import { formatDay, formatDayTime, formatSlot } from './date-words';
import { TASK_KIND_LABELS } from './deal-labels';

export interface EventNames {
  stageName(id: string): string | undefined;
  userName(id: string): string | undefined;
}

const FIELD_NAMES: Record<string, string> = {
  title: 'the title',
  amount: 'the amount',
  vehicleInterest: 'the vehicle of interest',
  type: 'the type',
  sourceId: 'the source',
  deadlineAt: 'the contact deadline',
  contact: 'the customer',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Money and counts arrive as numbers; a numeric string is accepted too. */
function amount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** "2022 Skoda Octavia" from `{make, model, year}`, as the stock and the records name it. */
function vehicleName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const name = [text(value.make), text(value.model)].filter(Boolean).join(' ');
  if (!name) return undefined;
  const year = amount(value.year);
  return year === undefined ? name : `${year} ${name}`;
}

function joinWords(parts: (string | undefined | false)[]): string {
  return parts.filter(Boolean).join(', ');
}

/** An offer's event data: `{offerId, vehicle: {make, model, year, vin}, price, discount, total}`. */
function describeOffer(data: Record<string, unknown>): string {
  const total = amount(data.total);
  const discount = amount(data.discount) ?? 0;
  const money = total === undefined ? '' : `, ${formatAmount(total)}${discount > 0 ? ` (discount ${formatAmount(discount)})` : ''}`;
  return `${vehicleName(data.vehicle) ?? 'a vehicle'}${money}`;
}

/** A trade-in's event data: `{tradeInId, car: {make, model, year, vin, mileage, appraisalValue}}`. */
function describeTradeIn(data: Record<string, unknown>): string {
  const car = isObject(data.car) ? data.car : {};
  const mileage = amount(car.mileage);
  const appraisal = amount(car.appraisalValue);
  return joinWords([
    vehicleName(car) ?? 'the customer’s car',
    mileage !== undefined && `${formatAmount(mileage)} km`,
    appraisal !== undefined && `appraised at ${formatAmount(appraisal)}`,
  ]);
}

/** `{startsAt, endsAt}` as "Tue 26 Nov 14:00–15:00". */
function slotOf(data: Record<string, unknown>): string | undefined {
  const startsAt = text(data.startsAt);
  const endsAt = text(data.endsAt);
  return startsAt && endsAt ? formatSlot(startsAt, endsAt) : undefined;
}

/**
 * A test drive changed (`{vehicle, startsAt, endsAt, status, licenceChecked, changes: {field:
 * {from, to}}}`): moved, cancelled, done, booked again, licence checked.
 */
function describeTestDriveChange(data: Record<string, unknown>): string {
  const slot = slotOf(data);
  const vehicle = vehicleName(data.vehicle) ?? 'a vehicle';
  const changes = isObject(data.changes) ? data.changes : {};
  if ('status' in changes && data.status === 'cancelled') return `Test drive cancelled: ${joinWords([slot, vehicle])}`;
  if ('status' in changes && data.status === 'done') return `Test drive done: ${vehicle}`;
  if ('startsAt' in changes || 'endsAt' in changes) return `Test drive moved to ${joinWords([slot, vehicle])}`;
  if ('status' in changes) return `Test drive booked again: ${joinWords([slot, vehicle])}`;
  if ('licenceChecked' in changes && data.licenceChecked === true) return `Driving licence checked for the test drive of ${vehicle}`;
  return `Test drive changed: ${joinWords([slot, vehicle])}`;
}

function taskKind(value: unknown): string {
  return typeof value === 'string' && value in TASK_KIND_LABELS ? TASK_KIND_LABELS[value as TaskKind] : 'Task';
}

/** `{name}` of a user in event data (an assignee). */
const personName = (value: unknown) => (isObject(value) ? text(value.name) : undefined);

/**
 * A task, call or meeting: `{taskId, kind, title, dueAt, endsAt, assignee: {id, name},
 * participants, priority}`, plus `result` when completed, `changes` (or `reopened`) when updated.
 */
function describeTask(type: string, data: Record<string, unknown>): string {
  const kind = taskKind(data.kind);
  const title = text(data.title) ?? 'untitled';
  const dueAt = text(data.dueAt);
  const endsAt = text(data.endsAt);
  switch (type) {
    case 'deal.task_created': {
      const when = dueAt && (endsAt ? formatSlot(dueAt, endsAt) : formatDayTime(dueAt));
      const assignee = personName(data.assignee);
      return `${kind} planned: ${joinWords([title, when && `due ${when}`, assignee && `for ${assignee}`])}`;
    }
    case 'deal.task_completed': {
      const result = text(data.result);
      return `${kind} completed: ${title}${result ? ` — ${result}` : ''}`;
    }
    case 'deal.task_deleted':
      return `${kind} deleted: ${title}`;
    default: {
      if (data.reopened === true) return `${kind} reopened: ${title}`;
      const changes = isObject(data.changes) ? data.changes : {};
      const newDue = isObject(changes.dueAt) ? text(changes.dueAt.to) : undefined;
      const newAssignee = isObject(changes.assignee) ? personName(changes.assignee.to) : undefined;
      return `${kind} changed: ${joinWords([title, newDue && `now due ${formatDayTime(newDue)}`, newAssignee && `now for ${newAssignee}`])}`;
    }
  }
}

/**
 * An email to the customer: `{to, subject, offer: {offerId, vehicle, total} | null, via:
 * 'smtp' | 'outbox', retry}`. Without SMTP it waits in the outbox.
 */
function describeMessage(data: Record<string, unknown>): string {
  const to = text(data.to) ?? 'the customer';
  const subject = text(data.subject);
  const quote = isObject(data.offer) ? ` with the quote for ${vehicleName(data.offer.vehicle) ?? 'a vehicle'}` : '';
  const about = subject ? `: ${subject}` : '';
  if (data.via === 'outbox') return `Email waiting in the outbox (to ${to}${quote})${about}`;
  return `${data.retry === true ? 'Email from the outbox sent' : 'Email sent'} to ${to}${quote}${about}`;
}

/** `{deadlineId, dueAt, outcome, note, late, nextDueAt}` */
function describeDeadlineOutcome(data: Record<string, unknown>): string {
  const note = text(data.note);
  const next = text(data.nextDueAt);
  const outcome = data.outcome === 'not_contacted' ? `Not reached${note ? `: ${note}` : ''}` : `Marked contacted${note ? `: ${note}` : ''}`;
  const late = data.late === true ? ' (after the deadline)' : '';
  return `${outcome}${late}${next ? `; next contact by ${formatDayTime(next)}` : ''}`;
}

function stage(names: EventNames, id: unknown): string {
  const stageId = text(id);
  return (stageId && names.stageName(stageId)) ?? 'another stage';
}

function user(names: EventNames, id: unknown): string | undefined {
  const userId = text(id);
  return userId ? (names.userName(userId) ?? 'another user') : undefined;
}

function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'amount') return formatAmount(Number(value));
  if (field === 'deadlineAt' && typeof value === 'string') return new Date(value).toLocaleString();
  if (field === 'sourceId') return 'another source';
  return `“${String(value)}”`;
}

function describeChanges(changes: unknown): string {
  if (typeof changes !== 'object' || changes === null) return 'Edited the deal';
  const parts = Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>).map(([field, change]) => {
    const name = FIELD_NAMES[field] ?? field;
    if (field === 'sourceId') return `changed ${name}`;
    return `changed ${name} from ${describeValue(field, change?.from)} to ${describeValue(field, change?.to)}`;
  });
  if (parts.length === 0) return 'Saved the deal without changes';
  const sentence = parts.join('; ');
  return sentence[0].toUpperCase() + sentence.slice(1);
}

/** The customer request an event records (a call, form, message or ADF lead from a channel). */
export interface ReceivedRequest {
  channelName: string;
  summary: string;
}

export function requestOf(event: DealEventDto): ReceivedRequest | null {
  const request = event.data?.request as { channel?: { name?: unknown }; summary?: unknown } | undefined;
  const channelName = text(request?.channel?.name);
  const summary = text(request?.summary);
  return channelName && summary ? { channelName, summary } : null;
}

/** One timeline entry in plain words, e.g. "Moved it from Test drive to Offer / negotiation". */
export function describeDealEvent(event: DealEventDto, names: EventNames): string {
  const data = event.data ?? {};
  const request = requestOf(event);
  switch (event.type) {
    case 'deal.request_added':
      return `New request from the customer: ${request?.summary ?? 'details not recorded'}`;
    case 'deal.created': {
      const where = request ? `${request.summary}; created the deal in ${stage(names, data.stageId)}` : `Created the deal in ${stage(names, data.stageId)}`;
      const who = user(names, data.responsibleId);
      const returning = data.contactReused === true ? ' for a returning customer' : '';
      return `${where}${returning}${who ? `, with ${who} responsible` : ''}`;
    }
    case 'deal.taken': {
      const from = text(data.fromStageId);
      const to = text(data.toStageId);
      return from && to && from !== to ? `Took it into work, moving it from ${stage(names, from)} to ${stage(names, to)}` : 'Took it into work';
    }
    case 'deal.moved': {
      const from = text(data.fromStageId);
      const to = text(data.toStageId);
      if (from && from === to) return `Changed its place within ${stage(names, to)}`;
      const status = data.status === 'won' ? ' (won)' : '';
      return `Moved it from ${stage(names, from)} to ${stage(names, to)}${status}`;
    }
    case 'deal.assigned': {
      const who = user(names, data.responsibleId);
      const branchChanged = data.branchId !== data.fromBranchId;
      if (who && data.responsibleId !== data.fromResponsibleId) return `Assigned it to ${who}`;
      return branchChanged ? 'Assigned it to another branch' : 'Assigned it';
    }
    case 'deal.closed':
      return data.outcome === 'won' ? 'Closed it as won' : `Closed it as lost${text(data.reason) ? `: ${text(data.reason)}` : ''}`;
    case 'deal.reopened':
      return `Reopened it${data.fromStatus === 'won' || data.fromStatus === 'lost' ? ` (it was ${data.fromStatus})` : ''}`;
    case 'deal.updated':
      return describeChanges(data.changes);
    case 'deal.sla_escalated':
      return 'Nobody took it into work in time: escalated to the team lead, with an urgent call-back task';
    case 'deal.flagged_for_reassignment':
      return 'Flagged for reassignment: its responsible was deactivated';
    case 'deal.note_added':
      return `Note: ${text(data.text) ?? ''}`.trim();
    case 'deal.trade_in_added':
      return `Trade-in: ${describeTradeIn(data)}`;
    case 'deal.trade_in_updated':
      return `Trade-in changed: ${describeTradeIn(data)}`;
    case 'deal.trade_in_removed':
      return `Trade-in removed: ${describeTradeIn(data)}`;
    case 'deal.offer_added':
      return `Offer: ${describeOffer(data)}`;
    case 'deal.offer_updated':
      return `Offer changed: ${describeOffer(data)}`;
    case 'deal.offer_withdrawn':
      return `Offer withdrawn: ${describeOffer(data)}`;
    case 'deal.test_drive_scheduled': {
      const slot = slotOf(data);
      const vehicle = vehicleName(data.vehicle) ?? 'a vehicle';
      return slot ? `Test drive booked ${slot}, ${vehicle}` : `Test drive booked: ${vehicle}`;
    }
    case 'deal.test_drive_updated':
      return describeTestDriveChange(data);
    case 'deal.document_added':
      return `Document added: ${text(data.title) ?? text(data.fileName) ?? 'a file'}`;
    case 'deal.document_renamed':
      return `Document renamed from ${describeValue('title', data.from)} to ${describeValue('title', data.to)}`;
    case 'deal.document_deleted':
      return `Document deleted: ${text(data.title) ?? text(data.fileName) ?? 'a file'}`;
    case 'deal.task_created':
    case 'deal.task_updated':
    case 'deal.task_completed':
    case 'deal.task_deleted':
      return describeTask(event.type, data);
    case 'deal.message_sent':
      return describeMessage(data);
    case 'deal.deadline_set': {
      const to = text(data.to);
      const from = text(data.from);
      if (!to) return 'Contact deadline withdrawn';
      return from ? `Contact deadline moved from ${formatDayTime(from)} to ${formatDayTime(to)}` : `Contact deadline set for ${formatDayTime(to)}`;
    }
    case 'deal.deadline_resolved':
      return describeDeadlineOutcome(data);
    case 'deal.follow_up_scheduled': {
      const until = text(data.until);
      return until ? `Long-term follow-up: out of view until ${formatDay(until)}` : 'Long-term follow-up';
    }
    case 'deal.follow_up_returned': {
      const deadline = text(data.deadlineAt);
      const why = data.early === true ? 'Brought back from long-term follow-up' : 'Back in view: the long-term follow-up date has come';
      return deadline ? `${why}; contact the customer by ${formatDayTime(deadline)}` : why;
    }
    case 'deal.expired': {
      const weeks = amount(data.weeks);
      return weeks === undefined ? 'Expired without activity' : `Expired after ${weeks} ${weeks === 1 ? 'week' : 'weeks'} without activity`;
    }
    case 'deal.trashed':
      return 'Moved to the trash';
    case 'deal.restored':
      return 'Restored from the trash';
    case 'deal.contact_linked': {
      const role = text(data.role);
      return `Linked ${text(data.name) ?? 'a contact'}${role ? ` (${role})` : ''} to the deal`;
    }
    case 'deal.contact_unlinked':
      return `Unlinked ${text(data.name) ?? 'a contact'} from the deal`;
    default:
      return event.type;
  }
}
