import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { TradeInsController } from './trade-ins.controller.js';
import { TradeInsService } from './trade-ins.service.js';

@Module({
  imports: [DealsModule],
  controllers: [TradeInsController],
  providers: [TradeInsService],
})
export class TradeInsModule {}
