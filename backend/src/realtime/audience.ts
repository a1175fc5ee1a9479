import { HIDDEN_EVENT_TYPE, type BoardEvent, type DealScope, type Viewer } from '@autofunnel/shared';
import type { CommittedEvent } from '../events/events.service.js';

/**
 * Who may see a deal over the socket: `canSeeDeal` (shared/team.ts) expressed as socket.io rooms,
 * so that one `to(rooms).except(rooms)` per event does the set algebra on every API instance
 * (through the Redis adapter) instead of a loop over sockets.
 *
 * A viewer of funnel F joins `funnel:F` plus the audience rooms that match their role; a deal's
 * state names the audience rooms that see it. A viewer sees a deal exactly when the two lists
 * share a room (audience.spec.ts checks this against `canSeeDeal` and the trash rule).
 */

/** What decides who sees a deal: its responsible and branch, and whether it is in the trash (admins only). */
export interface DealAudienceState extends DealScope {
  trashed: boolean;
}

/** Every socket on funnel F's board, whatever it may see. */
export const funnelRoom = (funnelId: string) => `funnel:${funnelId}`;

const audienceRoom = (funnelId: string, audience: string) => `${funnelRoom(funnelId)}:${audience}`;
const branchKey = (branchId: string | null) => branchId ?? 'none';

/** The audience rooms of funnel F a viewer joins with its board (besides `funnel:F`). */
export function viewerRooms(funnelId: string, viewer: Viewer): string[] {
  const room = (audience: string) => audienceRoom(funnelId, audience);
  switch (viewer.role) {
    case 'admin':
      return [room('admin')];
    case 'lead':
      // A lead without a branch sees only deals without a branch (and their own).
      return [...new Set([room(`lead:${branchKey(viewer.branchId)}`), room('lead:none')]), room(`user:${viewer.id}`)];
    case 'manager':
      return [room(`user:${viewer.id}`), ...new Set([room(`untaken:${branchKey(viewer.branchId)}`), room('untaken:none')])];
  }
}

/** Whether `room` is one of funnel F's rooms (`funnel:F` itself or an audience room of it). */
export function isRoomOfFunnel(funnelId: string, room: string): boolean {
  return room === funnelRoom(funnelId) || room.startsWith(`${funnelRoom(funnelId)}:`);
}

/** The audience rooms of funnel F that see a deal in this state. */
export function roomsSeeing(funnelId: string, deal: DealAudienceState): string[] {
  const room = (audience: string) => audienceRoom(funnelId, audience);
  if (deal.trashed) return [room('admin')];
  const branch = branchKey(deal.branchId);
  return [room('admin'), room(`lead:${branch}`), room(deal.responsibleId ? `user:${deal.responsibleId}` : `untaken:${branch}`)];
}

/**
 * How an event reaches the sockets of `funnel:F`, each exactly once so their `seq` has no gap:
 * `seeing` get it in full; `lost` (except `seeing`) get `deal.hidden` naming the deal so their
 * board drops it; every other socket of the funnel gets a `deal.hidden` that says nothing.
 * `everyone` for an event about no deal (stages, the funnel).
 */
export type Routing = 'everyone' | { seeing: string[]; lost: string[] };

export function routingOf({ event, dealId, dealBefore }: CommittedEvent): Routing {
  if (dealId === null) return 'everyone';
  const after = stateAfter(event);
  // An event without the deal's state (e.g. written by the seed) is for admins only.
  const seeing = after ? roomsSeeing(event.funnelId, after) : [audienceRoom(event.funnelId, 'admin')];
  const before = dealBefore ? roomsSeeing(event.funnelId, dealBefore) : [];
  return { seeing, lost: before.filter((room) => !seeing.includes(room)) };
}

/** The event as one viewer gets it (replays; live delivery does the same with rooms). */
export function projectFor(viewer: Viewer, routed: CommittedEvent): BoardEvent {
  const routing = routingOf(routed);
  if (routing === 'everyone') return routed.event;
  const rooms = viewerRooms(routed.event.funnelId, viewer);
  if (routing.seeing.some((room) => rooms.includes(room))) return routed.event;
  if (routing.lost.some((room) => rooms.includes(room))) return hiddenEvent(routed.event, routed.dealId);
  return hiddenEvent(routed.event);
}

/** What a socket gets instead of an event it may not see: its seq, and the deal's id only for those who saw it before. */
export function hiddenEvent(event: BoardEvent, dealId?: string | null): BoardEvent {
  return { funnelId: event.funnelId, seq: event.seq, type: HIDDEN_EVENT_TYPE, at: event.at, actor: null, data: dealId ? { dealId } : {} };
}

function stateAfter({ deal }: BoardEvent): DealAudienceState | null {
  if (!deal) return null;
  return { responsibleId: deal.responsible?.id ?? null, branchId: deal.branchId, trashed: deal.trashedAt !== null };
}
