import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { ContactDto, ContactWithDealsDto } from '@autofunnel/shared';
import { ContactsService } from './contacts.service.js';
import { CreateContactDto, UpdateContactDto } from './dto/save-contact.dto.js';
import { SearchContactsQuery } from './dto/search-contacts.query.js';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  search(@Query() query: SearchContactsQuery): Promise<ContactDto[]> {
    return this.contacts.search(query.q, query.limit);
  }

  @Post()
  @ApiConflictResponse({ description: 'A contact with this phone or email exists; its id is in existingContactId' })
  create(@Body() body: CreateContactDto): Promise<ContactDto> {
    return this.contacts.create(body);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ContactWithDealsDto> {
    return this.contacts.getWithDeals(id);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateContactDto): Promise<ContactDto> {
    return this.contacts.update(id, body);
  }
}
