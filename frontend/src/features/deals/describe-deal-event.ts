import type { DealEventDto } from '@autofunnel/shared';
import { formatAmount } from '../board/format';

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

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

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
    default:
      return event.type;
  }
}
