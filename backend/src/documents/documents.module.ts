import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { DocumentStorage } from './document-storage.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [DealsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentStorage],
})
export class DocumentsModule {}
