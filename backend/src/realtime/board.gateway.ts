import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import type { BoardJoinAck, BoardJoinRequest, ClientToServerEvents, ServerToClientEvents } from '@autofunnel/shared';
import { isUUID } from 'class-validator';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthGuard } from '../auth/auth.guard.js';
import type { AppEnvironment } from '../config/env.js';
import { EventsService } from '../events/events.service.js';

interface SocketData {
  user: AuthUser;
}
type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const roomOf = (funnelId: string) => `funnel:${funnelId}`;

/**
 * Live boards: clients join a room per funnel and receive every committed change of it as
 * `board:event`, in `seq` order. A client that rejoins with `sinceSeq` first gets what it missed.
 */
@WebSocketGateway({ serveClient: false })
export class BoardGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private server: BoardServer;
  private readonly logger = new Logger(BoardGateway.name);
  private subscription?: Subscription;
  private readonly replayLimit: number;

  constructor(
    private readonly auth: AuthGuard,
    private readonly events: EventsService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.replayLimit = config.get('REALTIME_REPLAY_LIMIT', { infer: true });
  }

  afterInit(server: BoardServer): void {
    // The handshake carries the same bearer token as HTTP: `io(url, { auth: { token } })`.
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      this.auth
        .authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined)
        .then((user) => {
          socket.data.user = user;
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
    this.subscription = this.events.committed$.subscribe((events) => {
      for (const event of events) server.to(roomOf(event.funnelId)).emit('board:event', event);
    });
  }

  @SubscribeMessage('board:join')
  async join(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: BoardJoinRequest): Promise<BoardJoinAck> {
    const funnelId = request?.funnelId;
    const sinceSeq = request?.sinceSeq;
    if (typeof funnelId !== 'string' || !isUUID(funnelId)) return { seq: 0, error: 'funnelId must be a funnel id (UUID)' };
    if (sinceSeq !== undefined && !(Number.isInteger(sinceSeq) && sinceSeq >= 0)) return { seq: 0, error: 'sinceSeq must be a whole number ≥ 0' };
    // Join first, then read: an event committed meanwhile arrives live and from the replay,
    // and clients drop any seq they have already applied.
    await socket.join(roomOf(funnelId));
    try {
      const { seq, events } = await this.events.since(funnelId, sinceSeq, this.replayLimit);
      if (events === null) return { seq, resync: true };
      for (const event of events) socket.emit('board:event', event);
      return { seq };
    } catch (error) {
      await socket.leave(roomOf(funnelId));
      if (error instanceof Error && error.name === 'NotFoundException') return { seq: 0, error: error.message };
      this.logger.error(error);
      return { seq: 0, error: 'Could not join the board; try again' };
    }
  }

  @SubscribeMessage('board:leave')
  async leave(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: { funnelId?: unknown }): Promise<{ ok: true }> {
    if (typeof request?.funnelId === 'string') await socket.leave(roomOf(request.funnelId));
    return { ok: true };
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
