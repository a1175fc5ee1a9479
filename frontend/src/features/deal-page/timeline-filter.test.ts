import type { DealEventDto } from '@autofunnel/shared';
import { matchesTimelineFilter, TIMELINE_FILTERS, type TimelineFilter } from './timeline-filter';

const event = (type: string, data: Record<string, unknown> = {}): DealEventDto => ({ seq: 1, type, at: '2026-11-23T10:00:00.000Z', actor: null, data });
const request = { kind: 'form', channel: { id: 'ch1', name: 'Website form' }, summary: 'Web form: Is it available?', details: {} };

/** The chips (besides "All") under which `dealEvent` shows. */
const chipsOf = (dealEvent: DealEventDto) =>
  TIMELINE_FILTERS.map((filter) => filter.id).filter((id): id is Exclude<TimelineFilter, 'all'> => id !== 'all' && matchesTimelineFilter(dealEvent, id));

describe('matchesTimelineFilter', () => {
  it.each([
    ['deal.note_added', ['notes']],
    ['deal.trade_in_added', ['vehicles']],
    ['deal.offer_withdrawn', ['vehicles']],
    ['deal.test_drive_updated', ['vehicles']],
    ['deal.task_deleted', ['tasks']],
    ['deal.deadline_resolved', ['tasks']],
    ['deal.follow_up_returned', ['tasks']],
    ['deal.document_renamed', ['documents']],
    ['deal.message_sent', ['emails']],
    ['deal.request_added', ['requests']],
    ['deal.moved', ['changes']],
    ['deal.closed', ['changes']],
    ['deal.trashed', ['changes']],
    ['deal.contact_linked', ['changes']],
  ])('shows %s under %j', (type, chips) => {
    expect(chipsOf(event(type))).toEqual(chips);
    expect(matchesTimelineFilter(event(type), 'all')).toBe(true);
  });

  it('shows a deal created by a customer request under both changes and requests', () => {
    expect(chipsOf(event('deal.created', { stageId: 'st-new', request }))).toEqual(['changes', 'requests']);
    expect(chipsOf(event('deal.created', { stageId: 'st-new' }))).toEqual(['changes']);
  });
});
