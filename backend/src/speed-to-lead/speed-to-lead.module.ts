import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { InflowService } from './inflow.service.js';
import { SlaJob } from './sla.job.js';
import { SpeedToLeadController } from './speed-to-lead.controller.js';

/** Speed to lead: SLA escalation of untaken requests, and the Inflow view. */
@Module({
  imports: [DealsModule, EventsModule, NotificationsModule],
  controllers: [SpeedToLeadController],
  providers: [SlaJob, InflowService],
})
export class SpeedToLeadModule {}
