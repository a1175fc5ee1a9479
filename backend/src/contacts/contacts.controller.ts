import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { ContactDto, ContactWithDealsDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ContactMergeService } from './contact-merge.service.js';
import { ContactsService } from './contacts.service.js';
import { MergeContactsDto } from './dto/merge-contacts.dto.js';
import { CreateContactDto, UpdateContactDto } from './dto/save-contact.dto.js';
import { SearchContactsQuery } from './dto/search-contacts.query.js';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly merging: ContactMergeService,
  ) {}

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
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContactWithDealsDto> {
    return this.contacts.getWithDeals(caller, id);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateContactDto): Promise<ContactDto> {
    return this.contacts.update(id, body);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The contact is already a customer' })
  @ApiForbiddenResponse({ description: 'A manager who holds none of the contact’s deals' })
  convert(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContactDto> {
    return this.contacts.convert(caller, id);
  }

  @Post(':id/merge')
  @Roles('admin')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'duplicateId is the contact itself' })
  merge(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeContactsDto): Promise<ContactDto> {
    return this.merging.merge(caller, id, body.duplicateId);
  }
}
