import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DistributionService } from './distribution.service.js';

@Module({
  imports: [NotificationsModule],
  providers: [DistributionService],
  exports: [DistributionService],
})
export class DistributionModule {}
