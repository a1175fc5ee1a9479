import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { EventsModule } from '../events/events.module.js';
import { FunnelsModule } from '../funnels/funnels.module.js';
import { DistributionModule } from '../distribution/distribution.module.js';
import { BoardController } from './board.controller.js';
import { DealContactsController } from './deal-contacts.controller.js';
import { DealContactsService } from './deal-contacts.service.js';
import { DealNotesService } from './deal-notes.service.js';
import { DealQueriesService } from './deal-queries.service.js';
import { DealTrashService } from './deal-trash.service.js';
import { DealsController } from './deals.controller.js';
import { DealsService } from './deals.service.js';

@Module({
  imports: [ContactsModule, EventsModule, FunnelsModule, DistributionModule],
  controllers: [DealsController, DealContactsController, BoardController],
  providers: [DealsService, DealQueriesService, DealTrashService, DealNotesService, DealContactsService],
  exports: [DealsService],
})
export class DealsModule {}
