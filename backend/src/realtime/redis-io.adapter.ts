import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** socket.io over Redis pub/sub: a room's events reach its sockets on every API instance. */
export class RedisIoAdapter extends IoAdapter {
  private readonly publisher;
  private readonly subscriber;

  constructor(app: INestApplicationContext, url: string) {
    super(app);
    this.publisher = createClient({ url });
    this.subscriber = this.publisher.duplicate();
  }

  async connect(): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.publisher, this.subscriber));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all([this.publisher.quit(), this.subscriber.quit()].map((closing) => closing.catch(() => undefined)));
  }
}
