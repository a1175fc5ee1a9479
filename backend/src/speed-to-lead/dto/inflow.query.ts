import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { dateTime, uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';

export class InflowQuery {
  @ApiProperty()
  @uuid('funnelId')
  funnelId: string;

  @ApiPropertyOptional({ description: "Start of the period (the client's local midnight); default the start of the UTC day" })
  @Optional()
  @dateTime('since')
  since?: string;
}
