import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { BoardGateway } from './board.gateway.js';

@Module({
  imports: [AuthModule, EventsModule],
  providers: [BoardGateway],
})
export class RealtimeModule {}
