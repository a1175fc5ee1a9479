import { canSeeDeal, type BoardEvent, type DealDto, type Viewer } from '@autofunnel/shared';
import type { CommittedEvent } from '../events/events.service.js';
import { funnelRoom, hiddenEvent, isRoomOfFunnel, projectFor, roomsSeeing, routingOf, viewerRooms, type DealAudienceState } from './audience.js';

const F = 'f1';
const viewers: Viewer[] = [
  { id: 'admin', role: 'admin', branchId: null },
  { id: 'admin-a', role: 'admin', branchId: 'A' },
  { id: 'lead-a', role: 'lead', branchId: 'A' },
  { id: 'lead-b', role: 'lead', branchId: 'B' },
  { id: 'lead-none', role: 'lead', branchId: null },
  { id: 'a1', role: 'manager', branchId: 'A' },
  { id: 'a2', role: 'manager', branchId: 'A' },
  { id: 'b1', role: 'manager', branchId: 'B' },
  { id: 'm-none', role: 'manager', branchId: null },
];
const responsibles = [null, ...viewers.map((viewer) => viewer.id)];
const states: DealAudienceState[] = responsibles.flatMap((responsibleId) =>
  ['A', 'B', null].flatMap((branchId) => [false, true].map((trashed) => ({ responsibleId, branchId, trashed }))),
);

const sees = (viewer: Viewer, state: DealAudienceState) => roomsSeeing(F, state).some((room) => viewerRooms(F, viewer).includes(room));
/** The rule the rooms must implement: canSeeDeal, and the trash for admins only. */
const mayView = (viewer: Viewer, state: DealAudienceState) => canSeeDeal(viewer, state) && (!state.trashed || viewer.role === 'admin');
const describeState = (state: DealAudienceState) => `responsible ${state.responsibleId ?? 'none'}, branch ${state.branchId ?? 'none'}${state.trashed ? ', trashed' : ''}`;

function dealEvent(seq: number, after: DealAudienceState, before: DealAudienceState | null): CommittedEvent {
  const deal = { id: 'd1', funnelId: F, responsible: after.responsibleId ? { id: after.responsibleId, name: 'R' } : null, branchId: after.branchId, trashedAt: after.trashed ? '2026-01-01T00:00:00.000Z' : null } as DealDto;
  const event: BoardEvent = { funnelId: F, seq, type: 'deal.assigned', at: '2026-01-01T00:00:00.000Z', actor: { id: 'lead-a', name: 'Lead' }, deal, data: { secret: 'contact' } };
  return { event, dealId: 'd1', dealBefore: before };
}

describe('socket audience rooms', () => {
  it('let a viewer see a deal exactly when canSeeDeal says so, and the trash only for admins', () => {
    for (const viewer of viewers) {
      for (const state of states) {
        expect([viewer.id, describeState(state), sees(viewer, state)]).toEqual([viewer.id, describeState(state), mayView(viewer, state)]);
      }
    }
  });

  it("are rooms of the viewer's funnel only", () => {
    for (const viewer of viewers) {
      expect(viewerRooms(F, viewer).every((room) => isRoomOfFunnel(F, room) && room !== funnelRoom(F))).toBe(true);
      expect(viewerRooms(F, viewer).some((room) => isRoomOfFunnel('f2', room))).toBe(false);
    }
    expect(isRoomOfFunnel(F, funnelRoom(F))).toBe(true);
    expect(isRoomOfFunnel(F, 'funnel:f10')).toBe(false);
  });
});

describe('routing and projection of an event', () => {
  it('sends events about no deal to the whole funnel', () => {
    const event: BoardEvent = { funnelId: F, seq: 3, type: 'stage.created', at: '2026-01-01T00:00:00.000Z', actor: null, data: {} };
    expect(routingOf({ event, dealId: null, dealBefore: null })).toBe('everyone');
    for (const viewer of viewers) expect(projectFor(viewer, { event, dealId: null, dealBefore: null })).toBe(event);
  });

  it('gives each viewer the full event, a deal.hidden naming the deal, or a silent deal.hidden', () => {
    for (const before of [null, ...states]) {
      for (const after of states) {
        const committed = dealEvent(7, after, before);
        for (const viewer of viewers) {
          const projected = projectFor(viewer, committed);
          const context = [viewer.id, before && describeState(before), describeState(after)];
          if (mayView(viewer, after)) expect([context, projected]).toEqual([context, committed.event]);
          else if (before && mayView(viewer, before)) expect([context, projected]).toEqual([context, { funnelId: F, seq: 7, type: 'deal.hidden', at: committed.event.at, actor: null, data: { dealId: 'd1' } }]);
          else expect([context, projected]).toEqual([context, { funnelId: F, seq: 7, type: 'deal.hidden', at: committed.event.at, actor: null, data: {} }]);
        }
      }
    }
  });

  it('routes to rooms that partition the funnel: seeing, lost (never also seeing), the rest', () => {
    const taken = dealEvent(8, { responsibleId: 'a1', branchId: 'A', trashed: false }, { responsibleId: null, branchId: 'A', trashed: false });
    expect(routingOf(taken)).toEqual({
      seeing: [`funnel:${F}:admin`, `funnel:${F}:lead:A`, `funnel:${F}:user:a1`],
      lost: [`funnel:${F}:untaken:A`],
    });
  });

  it('shows an event whose deal state is unknown (no snapshot) to admins only', () => {
    const { event } = dealEvent(9, { responsibleId: null, branchId: 'A', trashed: false }, null);
    const committed = { event: { ...event, deal: undefined }, dealId: 'd1', dealBefore: null };
    expect(projectFor(viewers[0], committed)).toBe(committed.event);
    expect(projectFor(viewers[2], committed)).toEqual(hiddenEvent(committed.event));
    expect(projectFor(viewers[5], committed).data).toEqual({});
  });
});
