import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DealDto, LinkedContactDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { DealContactsService } from './deal-contacts.service.js';
import { LinkContactDto } from './dto/link-contact.dto.js';

@ApiTags('deals')
@ApiBearerAuth()
@Controller()
export class DealContactsController {
  constructor(private readonly dealContacts: DealContactsService) {}

  @Get('deals/:dealId/contacts')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<LinkedContactDto[]> {
    return this.dealContacts.list(caller, dealId);
  }

  @Post('deals/:dealId/contacts')
  @ApiConflictResponse({ description: 'The contact is already on the deal' })
  @ApiUnprocessableEntityResponse({ description: 'contactId does not exist, or the new contact lacks a name or a phone/email' })
  link(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: LinkContactDto): Promise<LinkedContactDto> {
    return this.dealContacts.link(caller, dealId, body);
  }

  @Delete('deals/:dealId/contacts/:contactId')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'The contact is not linked to the deal' })
  @ApiUnprocessableEntityResponse({ description: 'The primary contact cannot be unlinked' })
  unlink(
    @CurrentUser() caller: AuthUser,
    @Param('dealId', ParseUUIDPipe) dealId: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
  ): Promise<void> {
    return this.dealContacts.unlink(caller, dealId, contactId);
  }

  @Post('deals/:dealId/contacts/:contactId/primary')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'The contact is not linked to the deal' })
  @ApiConflictResponse({ description: 'The contact is already the primary one' })
  makePrimary(
    @CurrentUser() caller: AuthUser,
    @Param('dealId', ParseUUIDPipe) dealId: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
  ): Promise<DealDto> {
    return this.dealContacts.makePrimary(caller, dealId, contactId);
  }
}
