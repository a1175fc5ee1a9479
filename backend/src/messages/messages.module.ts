import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { OffersModule } from '../offers/offers.module.js';
import { Mailer } from './mailer.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';

@Module({
  imports: [DealsModule, OffersModule],
  controllers: [MessagesController],
  providers: [MessagesService, Mailer],
})
export class MessagesModule {}
