import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [ContactsModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
