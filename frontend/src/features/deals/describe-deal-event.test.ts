import type { DealEventDto } from '@autofunnel/shared';
import { formatAmount } from '../board/format';
import { describeDealEvent, type EventNames } from './describe-deal-event';

const names: EventNames = {
  stageName: (id) => ({ 'st-new': 'Unassigned', 'st-selection': 'Car selection', 'st-offer': 'Offer / negotiation' })[id],
  userName: (id) => ({ u1: 'Anna Smirnova', u2: 'Boris Ivanov' })[id],
};
const event = (type: string, data: Record<string, unknown>): DealEventDto => ({ seq: 1, type, at: '2026-11-23T10:00:00Z', actor: null, data });

describe('describeDealEvent', () => {
  it.each([
    [event('deal.created', { stageId: 'st-new', responsibleId: null, contactReused: true }), 'Created the deal in Unassigned for a returning customer'],
    [event('deal.created', { stageId: 'st-selection', responsibleId: 'u1' }), 'Created the deal in Car selection, with Anna Smirnova responsible'],
    [event('deal.taken', { fromStageId: 'st-new', toStageId: 'st-selection' }), 'Took it into work, moving it from Unassigned to Car selection'],
    [event('deal.moved', { fromStageId: 'st-selection', toStageId: 'st-offer' }), 'Moved it from Car selection to Offer / negotiation'],
    [event('deal.moved', { fromStageId: 'st-offer', toStageId: 'st-offer' }), 'Changed its place within Offer / negotiation'],
    [event('deal.moved', { fromStageId: 'st-gone', toStageId: 'st-offer' }), 'Moved it from another stage to Offer / negotiation'],
    [event('deal.assigned', { fromResponsibleId: 'u1', responsibleId: 'u2' }), 'Assigned it to Boris Ivanov'],
    [event('deal.closed', { outcome: 'lost', reason: 'Bought elsewhere' }), 'Closed it as lost: Bought elsewhere'],
    [event('deal.closed', { outcome: 'won', reason: null }), 'Closed it as won'],
    [event('deal.reopened', { fromStatus: 'lost' }), 'Reopened it (it was lost)'],
    [event('deal.updated', { changes: { vehicleInterest: { from: null, to: 'Kia Sportage' } } }), 'Changed the vehicle of interest from nothing to “Kia Sportage”'],
  ])('%#: says %s', (dealEvent, words) => {
    expect(describeDealEvent(dealEvent, names)).toBe(words);
  });

  it('formats amounts', () => {
    expect(describeDealEvent(event('deal.updated', { changes: { amount: { from: 1000, to: 2500 } } }), names)).toBe(
      `Changed the amount from ${formatAmount(1000)} to ${formatAmount(2500)}`,
    );
  });
});
