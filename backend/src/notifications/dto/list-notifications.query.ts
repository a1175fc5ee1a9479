import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { PageQuery } from '../../deals/dto/list-deals.query.js';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @Optional()
  // A query string is text: only the words true and false are booleans here.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}
