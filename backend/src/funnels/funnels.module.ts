import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { FunnelsController } from './funnels.controller.js';
import { FunnelsService } from './funnels.service.js';
import { StagesController } from './stages.controller.js';

@Module({
  imports: [EventsModule],
  controllers: [FunnelsController, StagesController],
  providers: [FunnelsService],
  exports: [FunnelsService],
})
export class FunnelsModule {}
