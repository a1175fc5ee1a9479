import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DealsModule } from '../deals/deals.module.js';
import { EventsModule } from '../events/events.module.js';
import { ImportRunner } from './import-runner.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [ContactsModule, DealsModule, EventsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunner],
})
export class ImportsModule {}
