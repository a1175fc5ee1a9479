import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ContactMergeService } from './contact-merge.service.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [EventsModule],
  controllers: [ContactsController],
  providers: [ContactsService, ContactMergeService],
  exports: [ContactsService],
})
export class ContactsModule {}
