import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { FollowUpController } from './follow-up.controller.js';
import { FollowUpJob } from './follow-up.job.js';
import { FollowUpService } from './follow-up.service.js';

@Module({
  imports: [DealsModule],
  controllers: [FollowUpController],
  providers: [FollowUpService, FollowUpJob],
})
export class FollowUpModule {}
