/** The socket.io contract: `Server<ClientToServerEvents, ServerToClientEvents>` on the API. */
import type { DealDto, FunnelDto, StageDto, UserRef } from './contract.js';
import type { BoardEventType } from './events.js';

export interface BoardEvent {
  funnelId: string;
  /** Increases by exactly one per event of the funnel. */
  seq: number;
  type: BoardEventType;
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
}

export interface ClientToServerEvents {
  'board:join': (request: BoardJoinRequest, ack: (result: BoardJoinAck) => void) => void;
  'board:leave': (request: { funnelId: string }, ack?: (result: { ok: true }) => void) => void;
}
