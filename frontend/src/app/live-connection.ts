import type { BoardEvent, BoardJoinAck, BoardJoinRequest, NotificationDto } from '@autofunnel/shared';
import { isBoardEvent } from '../features/board/live/apply-board-event';
import {
  acknowledgeJoin,
  emptySequencer,
  receiveEvent,
  skipGap,
  type SequencerState,
  type SequencerStep,
} from '../features/board/live/event-sequencer';

/** How the live connection is doing, for the indicator and the offline banner. */
export type LiveStatus = 'connecting' | 'online' | 'offline';

/**
 * The part of a socket.io client socket (`Socket<ServerToClientEvents, ClientToServerEvents>`)
 * this module uses; tests hand in a fake.
 */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  on(event: 'board:event', listener: (event: BoardEvent) => void): unknown;
  on(event: 'notification:new', listener: (notification: NotificationDto) => void): unknown;
  emit(event: 'board:join', request: BoardJoinRequest, ack: (result: BoardJoinAck) => void): unknown;
  emit(event: 'board:leave', request: { funnelId: string }): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

export type LiveSocketFactory = (token: string) => LiveSocket;

/** One open board's interest in its funnel's events. */
export interface BoardSubscriber {
  /** Events to apply, in order, each exactly once. */
  onEvents(events: BoardEvent[]): void;
  /** Some events are lost for good (or the server cannot replay them): fetch the board again. */
  onResync(): void;
  /** The funnel's room was joined (again); `seq` is the funnel's current sequence number. */
  onJoined?(seq: number): void;
}

export interface LiveConnectionOptions {
  /** How long a gap in the sequence may stay open before the board is fetched again. */
  gapTimeoutMs?: number;
  /** How many recent events per funnel are kept for a board that is being (re)fetched. */
  recentLimit?: number;
}

interface Room {
  funnelId: string;
  subscribers: Set<BoardSubscriber>;
  sequencer: SequencerState;
  recent: BoardEvent[];
  joined: boolean;
  /** The seq acknowledged by the last join: the events up to it are owed to us. */
  ackSeq: number;
  gapTimer: ReturnType<typeof setTimeout> | null;
  joinWaiters: Set<() => void>;
}

/**
 * The one socket of the signed-in user, and the funnel rooms the open boards need. It joins a
 * room when the first board of that funnel opens and leaves it when the last one closes; after
 * a reconnect it rejoins with `sinceSeq` so the server replays what was missed. Events reach
 * the boards in order and exactly once (see event-sequencer).
 */
export class LiveConnection {
  private socket: LiveSocket | null = null;
  private token: string | null = null;
  private currentStatus: LiveStatus = 'offline';
  private readonly rooms = new Map<string, Room>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private readonly unauthorizedListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(events: BoardEvent[]) => void>();
  private readonly notificationListeners = new Set<(notification: NotificationDto) => void>();
  private readonly gapTimeoutMs: number;
  private readonly recentLimit: number;

  /** `createSocket` null: a connection that never goes online (tests and tools). */
  constructor(
    private readonly createSocket: LiveSocketFactory | null,
    options: LiveConnectionOptions = {},
  ) {
    this.gapTimeoutMs = options.gapTimeoutMs ?? 1000;
    this.recentLimit = options.recentLimit ?? 500;
  }

  get status(): LiveStatus {
    return this.currentStatus;
  }

  onStatusChange(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The server refused the token: the session is over. */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  /** Every event handed to the boards, once each (for caches other than the boards). */
  onEvents(listener: (events: BoardEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** The signed-in user's new in-app notifications, as they arrive (the bell). */
  onNotification(listener: (notification: NotificationDto) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /** Connects with `token` (again, if it changed). */
  connect(token: string): void {
    if (!this.createSocket || (this.socket && this.token === token)) return;
    this.disconnect();
    this.token = token;
    const socket = this.createSocket(token);
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => {
      this.setStatus('online');
      for (const room of this.rooms.values()) this.join(room);
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      for (const room of this.rooms.values()) room.joined = false;
      // The server hung up on purpose (e.g. a restart): socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      this.setStatus('offline');
      if (error.message === 'unauthorized') {
        for (const listener of this.unauthorizedListeners) listener();
      }
    });
    socket.on('board:event', (event) => this.receive(event));
    socket.on('notification:new', (notification) => {
      for (const listener of this.notificationListeners) listener(notification);
    });
    if (!socket.connected) socket.connect();
    else {
      this.setStatus('online');
      for (const room of this.rooms.values()) this.join(room);
    }
  }

  disconnect(): void {
    const socket = this.socket;
    this.socket = null;
    this.token = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    for (const room of this.rooms.values()) {
      room.joined = false;
      this.release(room);
    }
    this.setStatus('offline');
  }

  /** Starts receiving `funnelId`'s events; call the returned function to stop. */
  subscribe(funnelId: string, subscriber: BoardSubscriber): () => void {
    let room = this.rooms.get(funnelId);
    if (!room) {
      room = {
        funnelId,
        subscribers: new Set(),
        sequencer: emptySequencer,
        recent: [],
        joined: false,
        ackSeq: 0,
        gapTimer: null,
        joinWaiters: new Set(),
      };
      this.rooms.set(funnelId, room);
      if (this.socket?.connected) this.join(room);
    }
    room.subscribers.add(subscriber);
    const subscribed = room;
    return () => {
      subscribed.subscribers.delete(subscriber);
      if (subscribed.subscribers.size > 0 || this.rooms.get(funnelId) !== subscribed) return;
      this.rooms.delete(funnelId);
      if (subscribed.gapTimer) clearTimeout(subscribed.gapTimer);
      this.release(subscribed);
      if (subscribed.joined && this.socket?.connected) this.socket.emit('board:leave', { funnelId });
    };
  }

  /** The seq of the last event of `funnelId` handed to the boards (null before the join's ack). */
  lastSeq(funnelId: string): number | null {
    return this.rooms.get(funnelId)?.sequencer.lastSeq ?? null;
  }

  /** Recent events of `funnelId` after `seq`, in order: a board fetched at `seq` applies these. */
  eventsSince(funnelId: string, seq: number | null): BoardEvent[] {
    const room = this.rooms.get(funnelId);
    if (!room || seq === null) return [];
    return room.recent.filter((event) => event.seq > seq);
  }

  /**
   * Resolves once the room of `funnelId` is joined, or after `timeoutMs` (offline boards load
   * anyway, and catch up when the connection returns).
   */
  whenJoined(funnelId: string, timeoutMs: number): Promise<void> {
    const room = this.rooms.get(funnelId);
    // Offline (not merely still connecting): no point in waiting.
    if (!room || room.joined || !this.socket || this.currentStatus === 'offline') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        room.joinWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      room.joinWaiters.add(done);
    });
  }

  private setStatus(status: LiveStatus) {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private release(room: Room) {
    for (const waiter of [...room.joinWaiters]) waiter();
  }

  private join(room: Room) {
    const socket = this.socket;
    if (!socket) return;
    const sinceSeq = room.sequencer.lastSeq;
    const request: BoardJoinRequest = sinceSeq === null ? { funnelId: room.funnelId } : { funnelId: room.funnelId, sinceSeq };
    socket.emit('board:join', request, (ack) => {
      if (this.rooms.get(room.funnelId) !== room || this.socket !== socket) return;
      if (!ack || typeof ack.seq !== 'number' || ack.error) {
        this.release(room); // the board loads without live updates
        return;
      }
      room.joined = true;
      room.ackSeq = ack.seq;
      if (ack.resync) {
        room.sequencer = { lastSeq: ack.seq, pending: [] };
        room.recent = [];
        this.release(room);
        for (const subscriber of room.subscribers) subscriber.onResync();
        return;
      }
      this.handle(room, acknowledgeJoin(room.sequencer, ack.seq));
      this.release(room);
      for (const subscriber of room.subscribers) subscriber.onJoined?.(ack.seq);
    });
  }

  private receive(event: unknown) {
    if (!isBoardEvent(event)) return;
    const room = this.rooms.get(event.funnelId);
    if (!room) return;
    this.handle(room, receiveEvent(room.sequencer, event));
  }

  private handle(room: Room, step: SequencerStep) {
    room.sequencer = step.state;
    if (step.ready.length > 0) {
      room.recent = [...room.recent, ...step.ready].slice(-this.recentLimit);
      for (const subscriber of room.subscribers) subscriber.onEvents(step.ready);
      for (const listener of this.eventListeners) listener(step.ready);
    }
    if (!step.waiting || room.sequencer.lastSeq === null) {
      if (room.gapTimer) clearTimeout(room.gapTimer);
      room.gapTimer = null;
      return;
    }
    room.gapTimer ??= setTimeout(() => {
      room.gapTimer = null;
      if (this.rooms.get(room.funnelId) !== room) return;
      room.sequencer = skipGap(room.sequencer, room.ackSeq);
      room.recent = [];
      for (const subscriber of room.subscribers) subscriber.onResync();
    }, this.gapTimeoutMs);
  }
}
