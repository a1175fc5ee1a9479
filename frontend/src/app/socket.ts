import type { ClientToServerEvents, ServerToClientEvents } from '@autofunnel/shared';
import { io, type Socket } from 'socket.io-client';
import type { LiveSocket, LiveSocketFactory } from './live-connection';

/**
 * The real socket: same origin as the page, path /socket.io, authenticated with the same token
 * as the HTTP calls. WebSocket first (several API instances need no sticky sessions then), long
 * polling when a proxy blocks WebSockets.
 */
export const connectSocketIo: LiveSocketFactory = (token) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    auth: { token },
    autoConnect: false,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  return socket as unknown as LiveSocket;
};
