import type { BoardEvent, BoardJoinAck, BoardJoinRequest, NotificationDto } from '@autofunnel/shared';
import { LiveConnection, type LiveSocket } from '../app/live-connection';

type Handler = (...args: never[]) => void;

/**
 * A stand-in for the socket.io client: the test plays the server (connects, drops, sends
 * events, answers joins); what the client emitted is in `emitted`.
 */
export class FakeSocket implements LiveSocket {
  connected = false;
  readonly emitted: { event: string; payload: unknown }[] = [];
  /** The server's answer to `board:join`; null leaves joins unanswered (see `answerJoins`). */
  joinAnswer: ((request: BoardJoinRequest) => BoardJoinAck) | null = () => ({ seq: 0 });
  /** Connect as soon as the client asks to. */
  connectsAtOnce = true;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly unansweredJoins: { request: BoardJoinRequest; ack: (result: BoardJoinAck) => void }[] = [];

  constructor(readonly token: string) {}

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  emit(event: string, payload: unknown, ack?: (result: BoardJoinAck) => void): this {
    this.emitted.push({ event, payload });
    if (event === 'board:join' && ack) {
      const request = payload as BoardJoinRequest;
      const answer = this.joinAnswer;
      if (answer) queueMicrotask(() => ack(answer(request)));
      else this.unansweredJoins.push({ request, ack });
    }
    return this;
  }

  connect(): this {
    if (this.connectsAtOnce) this.serverAccepts();
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }

  // --- the server's side ---

  serverAccepts() {
    this.connected = true;
    this.fire('connect');
  }

  serverDrops(reason = 'transport close') {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  serverRefuses(message: string) {
    this.fire('connect_error', new Error(message));
  }

  send(event: BoardEvent | unknown) {
    this.fire('board:event', event);
  }

  /** A `notification:new` to the user's own sockets. */
  notify(notification: NotificationDto) {
    this.fire('notification:new', notification);
  }

  answerJoins(answer: (request: BoardJoinRequest) => BoardJoinAck) {
    for (const { request, ack } of this.unansweredJoins.splice(0)) ack(answer(request));
  }

  joins(): BoardJoinRequest[] {
    return this.emitted.filter((e) => e.event === 'board:join').map((e) => e.payload as BoardJoinRequest);
  }

  private fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
}

/** A live connection over fake sockets; `sockets` lists every socket it opened. */
export function fakeLive(options: { gapTimeoutMs?: number; configure?: (socket: FakeSocket) => void } = {}) {
  const sockets: FakeSocket[] = [];
  const live = new LiveConnection(
    (token) => {
      const socket = new FakeSocket(token);
      options.configure?.(socket);
      sockets.push(socket);
      return socket;
    },
    { gapTimeoutMs: options.gapTimeoutMs },
  );
  return { live, sockets, socket: () => sockets[sockets.length - 1] };
}
