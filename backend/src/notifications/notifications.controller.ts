import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NotificationDto, NotificationPage } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationsService } from './notifications.service.js';

/** The bell: every signed-in user sees and reads only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ description: 'Newest first, with the unread count of all of them (NotificationPage)' })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(caller.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ read }: how many were unread' })
  async readAll(@CurrentUser() caller: AuthUser): Promise<{ read: number }> {
    return { read: await this.notifications.markAllRead(caller.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such notification of yours' })
  read(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(caller.id, id);
  }
}
