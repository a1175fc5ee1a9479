import { Module } from '@nestjs/common';
import { LostReasonsController } from './lost-reasons.controller.js';
import { LostReasonsService } from './lost-reasons.service.js';

@Module({
  controllers: [LostReasonsController],
  providers: [LostReasonsService],
})
export class LostReasonsModule {}
