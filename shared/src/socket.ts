/** The socket.io contract: `Server<ClientToServerEvents, ServerToClientEvents>` on the API. */
import type { DealDto, FunnelDto, StageDto, UserRef } from './contract.js';
import type { BoardEventType, HIDDEN_EVENT_TYPE } from './events.js';
import type { NotificationDto } from './team.js';

export interface BoardEvent {
  funnelId: string;
  /** Increases by exactly one per event of the funnel. */
  seq: number;
  type: BoardEventType | typeof HIDDEN_EVENT_TYPE;
  at: string;
  actor: UserRef | null;
  deal?: DealDto;
  stage?: StageDto;
  funnel?: FunnelDto;
  data?: Record<string, unknown>;
}

export interface BoardJoinRequest {
  funnelId: string;
  sinceSeq?: number;
}

export interface BoardJoinAck {
  seq: number;
  resync?: boolean;
  error?: string;
}

export interface ServerToClientEvents {
  'board:event': (event: BoardEvent) => void;
  /** To the user's own sockets: a new in-app notification (the bell counts it). */
  'notification:new': (notification: NotificationDto) => void;
}

export interface ClientToServerEvents {
  'board:join': (request: BoardJoinRequest, ack: (result: BoardJoinAck) => void) => void;
  'board:leave': (request: { funnelId: string }, ack?: (result: { ok: true }) => void) => void;
}
