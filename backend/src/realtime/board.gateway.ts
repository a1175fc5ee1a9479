import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { BoardJoinAck, BoardJoinRequest, ClientToServerEvents, ServerToClientEvents } from '@autofunnel/shared';
import { isUUID } from 'class-validator';
import { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthGuard } from '../auth/auth.guard.js';
import type { AppEnvironment } from '../config/env.js';
import { EventsService, type CommittedEvent } from '../events/events.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UsersService } from '../users/users.service.js';
import { funnelRoom, hiddenEvent, isRoomOfFunnel, projectFor, routingOf, viewerRooms } from './audience.js';

interface SocketData {
  user: AuthUser;
}
type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Every socket of a user (all their tabs and devices): notifications, and ending their sessions. */
const userRoom = (userId: string) => `user:${userId}`;

/**
 * Live boards: clients join a room per funnel and receive every committed change of it as
 * `board:event`, in `seq` order, each projected to what their user may see (audience.ts): an
 * event about a deal they may not see arrives as `deal.hidden`, so their `seq` has no gap. A
 * client that rejoins with `sinceSeq` first gets what it missed, projected the same way.
 */
@WebSocketGateway({ serveClient: false })
export class BoardGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() private readonly server: BoardServer;
  private readonly logger = new Logger(BoardGateway.name);
  private readonly subscriptions = new Subscription();
  private readonly replayLimit: number;

  constructor(
    private readonly auth: AuthGuard,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.replayLimit = config.get('REALTIME_REPLAY_LIMIT', { infer: true });
  }

  afterInit(): void {
    // The handshake carries the same bearer token as HTTP: `io(url, { auth: { token } })`.
    this.server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      this.auth
        .authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined)
        .then((user) => {
          socket.data.user = user;
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
    this.subscriptions.add(this.events.committed$.subscribe((events) => events.forEach((event) => this.broadcast(event))));
    this.subscriptions.add(
      this.notifications.delivered$.subscribe(({ userId, notification }) => this.server.to(userRoom(userId)).emit('notification:new', notification)),
    );
    // A deactivated user, or one whose password changed, is gone from every instance at once.
    this.subscriptions.add(this.users.sessionsRevoked$.subscribe((userId) => this.server.in(userRoom(userId)).disconnectSockets(true)));
  }

  async handleConnection(socket: BoardSocket): Promise<void> {
    await socket.join(userRoom(socket.data.user.id));
  }

  @SubscribeMessage('board:join')
  async join(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: BoardJoinRequest): Promise<BoardJoinAck> {
    const funnelId = request?.funnelId;
    const sinceSeq = request?.sinceSeq;
    if (typeof funnelId !== 'string' || !isUUID(funnelId)) return { seq: 0, error: 'funnelId must be a funnel id (UUID)' };
    if (sinceSeq !== undefined && !(Number.isInteger(sinceSeq) && sinceSeq >= 0)) return { seq: 0, error: 'sinceSeq must be a whole number ≥ 0' };
    const viewer = socket.data.user;
    // Join first, then read: an event committed meanwhile arrives live and from the replay,
    // and clients drop any seq they have already applied.
    await socket.join([funnelRoom(funnelId), ...viewerRooms(funnelId, viewer)]);
    try {
      const { seq, events } = await this.events.since(funnelId, sinceSeq, this.replayLimit);
      if (events === null) return { seq, resync: true };
      for (const event of events) socket.emit('board:event', projectFor(viewer, event));
      return { seq };
    } catch (error) {
      await this.leaveFunnel(socket, funnelId);
      if (error instanceof Error && error.name === 'NotFoundException') return { seq: 0, error: error.message };
      this.logger.error(error);
      return { seq: 0, error: 'Could not join the board; try again' };
    }
  }

  @SubscribeMessage('board:leave')
  async leave(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: { funnelId?: unknown }): Promise<{ ok: true }> {
    if (typeof request?.funnelId === 'string') await this.leaveFunnel(socket, request.funnelId);
    return { ok: true };
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  /** Sends one committed event to each socket of its funnel exactly once: in full, or hidden. */
  private broadcast(committed: CommittedEvent): void {
    const { event } = committed;
    const everyone = funnelRoom(event.funnelId);
    const routing = routingOf(committed);
    if (routing === 'everyone') {
      this.server.to(everyone).emit('board:event', event);
      return;
    }
    // `to([])` would mean every socket of the server: only non-empty room lists go out.
    if (routing.seeing.length > 0) this.server.to(routing.seeing).emit('board:event', event);
    if (routing.lost.length > 0) this.server.to(routing.lost).except(routing.seeing).emit('board:event', hiddenEvent(event, committed.dealId));
    this.server
      .to(everyone)
      .except([...routing.seeing, ...routing.lost])
      .emit('board:event', hiddenEvent(event));
  }

  private async leaveFunnel(socket: BoardSocket, funnelId: string): Promise<void> {
    await Promise.all([...socket.rooms].filter((room) => isRoomOfFunnel(funnelId, room)).map((room) => socket.leave(room)));
  }
}
