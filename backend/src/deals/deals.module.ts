import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { EventsModule } from '../events/events.module.js';
import { FunnelsModule } from '../funnels/funnels.module.js';
import { BoardController } from './board.controller.js';
import { DealQueriesService } from './deal-queries.service.js';
import { DealsController } from './deals.controller.js';
import { DealsService } from './deals.service.js';

@Module({
  imports: [ContactsModule, EventsModule, FunnelsModule],
  controllers: [DealsController, BoardController],
  providers: [DealsService, DealQueriesService],
  exports: [DealsService],
})
export class DealsModule {}
