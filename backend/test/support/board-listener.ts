import type { BoardEvent, BoardJoinAck, ClientToServerEvents, ServerToClientEvents } from '@autofunnel/shared';
import { io, type Socket } from 'socket.io-client';

type BoardClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client that records every board event it receives. */
export class Listener {
  readonly events: BoardEvent[] = [];
  private constructor(readonly socket: BoardClient) {
    socket.on('board:event', (event) => this.events.push(event));
  }

  static async connect(url: string, token: string | undefined): Promise<Listener> {
    const socket: BoardClient = io(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return new Listener(socket);
  }

  join(funnelId: string, sinceSeq?: number): Promise<BoardJoinAck> {
    return this.socket.timeout(5000).emitWithAck('board:join', { funnelId, ...(sinceSeq === undefined ? {} : { sinceSeq }) });
  }

  /** Waits until `count` events have arrived (or fails after 5 s). */
  async received(count: number): Promise<BoardEvent[]> {
    const deadline = Date.now() + 5000;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${this.events.length}: ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.events;
  }

  close(): void {
    this.socket.close();
  }
}
