import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { MessageDto, MessageListPage } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ListMessagesQuery } from './dto/list-messages.query.js';
import { SendMessageDto } from './dto/send-message.dto.js';
import { MessagesService } from './messages.service.js';

/** Emails to a deal's customer, and the outbox of those not (yet) sent. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('deals/:dealId/messages')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  listForDeal(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<MessageDto[]> {
    return this.messages.listForDeal(caller, dealId);
  }

  @Post('deals/:dealId/messages')
  @ApiCreatedResponse({ description: 'Sent (status sent), or kept in the outbox (status outbox) when SMTP_URL is not set' })
  @ApiUnprocessableEntityResponse({ description: 'No `to` and the customer has no email, or offerId is not an active offer of this deal' })
  @ApiBadGatewayResponse({ description: 'The mail server refused or could not be reached; the message is kept with status failed' })
  send(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: SendMessageDto): Promise<MessageDto> {
    return this.messages.send(caller, dealId, body);
  }

  @Get('messages')
  @Roles('lead', 'admin')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListMessagesQuery): Promise<MessageListPage> {
    return this.messages.list(caller, query);
  }

  @Post('messages/:id/send')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Already sent, or being sent right now' })
  @ApiUnprocessableEntityResponse({ description: 'SMTP_URL is not set' })
  @ApiBadGatewayResponse({ description: 'The mail server refused or could not be reached; the message stays failed' })
  retry(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MessageDto> {
    return this.messages.retry(caller, id);
  }
}
