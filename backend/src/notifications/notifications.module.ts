import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { AssignmentNotifier } from './assignment-notifier.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [EventsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, AssignmentNotifier],
  exports: [NotificationsService],
})
export class NotificationsModule {}
