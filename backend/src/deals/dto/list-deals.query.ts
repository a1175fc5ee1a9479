import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { DEAL_FOLLOW_UP_FILTERS, DEAL_SORT_FIELDS, DEAL_STATUSES, type DealFollowUpFilter, type DealSortField, type DealStatus } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional.js';

export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class StageDealsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEAL_STATUSES, default: 'open' })
  @Optional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;
}

/** The board: the first `limit` deals of every column, of one status. */
export class BoardQuery extends PickType(StageDealsQuery, ['limit', 'status'] as const) {}

export class ListDealsQuery extends PageQuery {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'funnelId must be an id (UUID)' })
  funnelId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'stageId must be an id (UUID)' })
  stageId?: string;

  @ApiPropertyOptional({ enum: DEAL_STATUSES })
  @Optional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;

  @ApiPropertyOptional({ description: 'A user id, "me", or "none" for untaken deals' })
  @Optional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'responsibleId must be a user id, "me" or "none"' })
  responsibleId?: string;

  @ApiPropertyOptional({ enum: DEAL_FOLLOW_UP_FILTERS, description: 'Only deals in long-term follow-up, or none of them (default: both)' })
  @Optional()
  @IsIn(DEAL_FOLLOW_UP_FILTERS, { message: `followUp must be 'only' or 'exclude'` })
  followUp?: DealFollowUpFilter;

  @ApiPropertyOptional({ description: 'Matches code, title, contact name, phone or email' })
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: DEAL_SORT_FIELDS, default: 'createdAt' })
  @Optional()
  @IsIn(DEAL_SORT_FIELDS)
  sort?: DealSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @Optional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** The trash (admin): newest-trashed first. */
export class TrashQuery extends PageQuery {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'funnelId must be an id (UUID)' })
  funnelId?: string;
}
