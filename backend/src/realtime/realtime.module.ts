import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { BoardGateway } from './board.gateway.js';

@Module({
  imports: [AuthModule, EventsModule, NotificationsModule, UsersModule],
  providers: [BoardGateway],
})
export class RealtimeModule {}
