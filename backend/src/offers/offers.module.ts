import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { OffersController } from './offers.controller.js';
import { OffersService } from './offers.service.js';
import { QuotePdfService } from './quote-pdf.service.js';

@Module({
  imports: [DealsModule],
  controllers: [OffersController],
  providers: [OffersService, QuotePdfService],
  // MessagesModule attaches the quote to emails.
  exports: [QuotePdfService],
})
export class OffersModule {}
