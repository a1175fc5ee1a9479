import { BOARD_EVENT_TYPES, type DealEventDto } from '@autofunnel/shared';
import { formatAmount } from '../board/format';
import { formatDay, formatDayTime, formatSlot } from './date-words';
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

describe('describeDealEvent: what happens on the deal page (the data the API writes)', () => {
  const vehicle = { id: 'v1', make: 'Skoda', model: 'Octavia', year: 2022, vin: 'TMBJJ7NE8L0123456' };
  const kia = { id: 'v2', make: 'Kia', model: 'Sportage', year: 2024, vin: 'U5YPG81ABNL123456' };
  const say = (type: string, data: Record<string, unknown>) => describeDealEvent(event(type, data), names);

  it('describes offers with the vehicle, the total and the discount', () => {
    expect(say('deal.offer_added', { offerId: 'o1', vehicle, price: 25000, discount: 500, total: 24500, validUntil: null })).toBe(
      `Offer: 2022 Skoda Octavia, ${formatAmount(24500)} (discount ${formatAmount(500)})`,
    );
    expect(say('deal.offer_added', { offerId: 'o1', vehicle, price: 25000, discount: 0, total: 25000 })).toBe(`Offer: 2022 Skoda Octavia, ${formatAmount(25000)}`);
    expect(say('deal.offer_withdrawn', { offerId: 'o1', vehicle, price: 25000, discount: 500, total: 24500 })).toBe(
      `Offer withdrawn: 2022 Skoda Octavia, ${formatAmount(24500)} (discount ${formatAmount(500)})`,
    );
  });

  it('describes test drives with their slot and vehicle, and what changed', () => {
    const slot = { startsAt: '2026-11-26T14:00:00.000Z', endsAt: '2026-11-26T15:00:00.000Z' };
    const words = formatSlot(slot.startsAt, slot.endsAt);
    const update = (changes: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
      say('deal.test_drive_updated', { testDriveId: 't1', vehicle: kia, ...slot, status: 'scheduled', licenceChecked: false, changes, ...rest });
    expect(say('deal.test_drive_scheduled', { testDriveId: 't1', vehicle: kia, ...slot, licenceChecked: false })).toBe(`Test drive booked ${words}, 2024 Kia Sportage`);
    expect(update({ status: { from: 'scheduled', to: 'cancelled' } }, { status: 'cancelled' })).toBe(`Test drive cancelled: ${words}, 2024 Kia Sportage`);
    expect(update({ status: { from: 'scheduled', to: 'done' } }, { status: 'done', licenceChecked: true })).toBe('Test drive done: 2024 Kia Sportage');
    expect(update({ startsAt: { from: 'x', to: slot.startsAt }, endsAt: { from: 'y', to: slot.endsAt } })).toBe(`Test drive moved to ${words}, 2024 Kia Sportage`);
    expect(update({ status: { from: 'cancelled', to: 'scheduled' } })).toBe(`Test drive booked again: ${words}, 2024 Kia Sportage`);
    expect(update({ licenceChecked: { from: false, to: true } }, { licenceChecked: true })).toBe('Driving licence checked for the test drive of 2024 Kia Sportage');
    expect(update({ notes: { from: null, to: 'Wants the motorway' } })).toBe(`Test drive changed: ${words}, 2024 Kia Sportage`);
  });

  it('describes trade-ins with mileage and appraisal', () => {
    const car = { make: 'Ford', model: 'Focus', year: 2015, vin: null, mileage: 98000, appraisalValue: 6500 };
    expect(say('deal.trade_in_added', { tradeInId: 'ti1', car })).toBe(`Trade-in: 2015 Ford Focus, ${formatAmount(98000)} km, appraised at ${formatAmount(6500)}`);
    expect(say('deal.trade_in_removed', { tradeInId: 'ti1', car: { ...car, year: null, mileage: null, appraisalValue: null } })).toBe('Trade-in removed: Ford Focus');
  });

  it('describes tasks, calls and meetings, their changes and their result', () => {
    const dueAt = '2026-11-26T14:00:00.000Z';
    const task = { taskId: 'k1', kind: 'call', title: 'Call back', dueAt, endsAt: null, assignee: { id: 'u2', name: 'Boris Ivanov' }, participants: [], priority: 'normal' };
    expect(say('deal.task_created', task)).toBe(`Call planned: Call back, due ${formatDayTime(dueAt)}, for Boris Ivanov`);
    expect(say('deal.task_completed', { ...task, kind: 'task', result: 'Will come on Saturday' })).toBe('Task completed: Call back — Will come on Saturday');
    expect(say('deal.task_completed', { ...task, kind: 'meeting', title: 'Showroom visit', result: null })).toBe('Meeting completed: Showroom visit');
    expect(say('deal.task_updated', { ...task, changes: { dueAt: { from: null, to: dueAt } } })).toBe(`Call changed: Call back, now due ${formatDayTime(dueAt)}`);
    expect(say('deal.task_updated', { ...task, reopened: true, changes: { doneAt: { from: dueAt, to: null } } })).toBe('Call reopened: Call back');
    expect(say('deal.task_deleted', task)).toBe('Call deleted: Call back');
  });

  it('says whether an email went out or waits in the outbox', () => {
    const message = { messageId: 'm1', to: 'maria@example.com', subject: 'Your offer', offer: null, retry: false };
    expect(say('deal.message_sent', { ...message, via: 'smtp' })).toBe('Email sent to maria@example.com: Your offer');
    expect(say('deal.message_sent', { ...message, via: 'outbox', offer: { offerId: 'o1', vehicle, total: 24500 } })).toBe(
      'Email waiting in the outbox (to maria@example.com with the quote for 2022 Skoda Octavia): Your offer',
    );
    expect(say('deal.message_sent', { ...message, via: 'smtp', retry: true })).toBe('Email from the outbox sent to maria@example.com: Your offer');
  });

  it('describes documents and notes', () => {
    expect(say('deal.note_added', { text: 'Wants a tow bar' })).toBe('Note: Wants a tow bar');
    expect(say('deal.document_added', { documentId: 'f1', title: 'Passport copy', fileName: 'passport.pdf', size: 1000, contentType: 'application/pdf' })).toBe(
      'Document added: Passport copy',
    );
    expect(say('deal.document_renamed', { documentId: 'f1', fileName: 'passport.pdf', from: 'Scan', to: 'Passport copy' })).toBe('Document renamed from “Scan” to “Passport copy”');
    expect(say('deal.document_deleted', { documentId: 'f1', title: 'Passport copy', fileName: 'passport.pdf' })).toBe('Document deleted: Passport copy');
  });

  it('describes deadlines and what became of them', () => {
    const dueAt = '2026-11-26T14:00:00.000Z';
    const next = '2026-11-27T10:00:00.000Z';
    expect(say('deal.deadline_set', { deadlineId: 'dl1', from: null, to: dueAt })).toBe(`Contact deadline set for ${formatDayTime(dueAt)}`);
    expect(say('deal.deadline_set', { deadlineId: 'dl1', from: dueAt, to: next })).toBe(`Contact deadline moved from ${formatDayTime(dueAt)} to ${formatDayTime(next)}`);
    const resolved = { deadlineId: 'dl1', dueAt, note: null, late: false, nextDueAt: null };
    expect(say('deal.deadline_resolved', { ...resolved, outcome: 'contacted' })).toBe('Marked contacted');
    expect(say('deal.deadline_resolved', { ...resolved, outcome: 'not_contacted', note: 'no answer' })).toBe('Not reached: no answer');
    expect(say('deal.deadline_resolved', { ...resolved, outcome: 'not_contacted', note: 'no answer', late: true, nextDueAt: next })).toBe(
      `Not reached: no answer (after the deadline); next contact by ${formatDayTime(next)}`,
    );
  });

  it('describes long-term follow-up, expiry, the trash and linked contacts', () => {
    const until = '2027-01-12T00:00:00.000Z';
    const deadlineAt = '2027-01-12T02:00:00.000Z';
    expect(say('deal.follow_up_scheduled', { from: null, until, withdrawnDeadlineAt: null })).toBe(`Long-term follow-up: out of view until ${formatDay(until)}`);
    expect(say('deal.follow_up_returned', { until, deadlineAt, early: false })).toBe(
      `Back in view: the long-term follow-up date has come; contact the customer by ${formatDayTime(deadlineAt)}`,
    );
    expect(say('deal.follow_up_returned', { until, deadlineAt, early: true })).toBe(`Brought back from long-term follow-up; contact the customer by ${formatDayTime(deadlineAt)}`);
    expect(say('deal.expired', { reason: 'expired', inactiveSince: '2026-09-01T10:00:00.000Z', weeks: 8 })).toBe('Expired after 8 weeks without activity');
    expect(say('deal.trashed', { stageId: 'st-new', status: 'open' })).toBe('Moved to the trash');
    expect(say('deal.restored', { stageId: 'st-new', status: 'open' })).toBe('Restored from the trash');
    expect(say('deal.contact_linked', { contactId: 'c2', name: 'Olga Lebedeva', role: 'Spouse' })).toBe('Linked Olga Lebedeva (Spouse) to the deal');
    expect(say('deal.contact_unlinked', { contactId: 'c2', name: 'Olga Lebedeva', role: null })).toBe('Unlinked Olga Lebedeva from the deal');
  });

  it('has words for every deal event type', () => {
    for (const type of BOARD_EVENT_TYPES.filter((candidate) => candidate.startsWith('deal.'))) {
      expect(say(type, {})).not.toBe(type);
    }
  });
});

describe('date words', () => {
  it('says a slot as weekday, day, month and a 24-hour time range', () => {
    const start = new Date(2026, 10, 26, 14, 0).toISOString();
    const end = new Date(2026, 10, 26, 15, 30).toISOString();
    expect(formatSlot(start, end, Date.parse(start))).toMatch(/^\S+ 26 \S+ 14:00–15:30$/);
    expect(formatDay(new Date(2027, 0, 12).toISOString(), Date.parse(start))).toMatch(/^\S+ 12 \S+ 2027$/);
  });
});
