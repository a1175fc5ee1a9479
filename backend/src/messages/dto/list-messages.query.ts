import { ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_STATUSES, type MessageStatus } from '@autofunnel/shared';
import { IsIn } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { PageQuery } from '../../deals/dto/list-deals.query.js';

export class ListMessagesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES, description: 'outbox: waiting for SMTP; failed: the mail server refused; every status when absent' })
  @Optional()
  @IsIn(MESSAGE_STATUSES, { message: `status must be one of ${MESSAGE_STATUSES.join(', ')}` })
  status?: MessageStatus;
}
