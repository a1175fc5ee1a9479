import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEAL_SORT_FIELDS, DEAL_STATUSES, type DealSortField, type DealStatus } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class StageDealsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEAL_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;
}

export class BoardQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200, description: 'Deals per column' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: DEAL_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;
}

export class ListDealsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'funnelId must be an id (UUID)' })
  funnelId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'stageId must be an id (UUID)' })
  stageId?: string;

  @ApiPropertyOptional({ enum: DEAL_STATUSES })
  @IsOptional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;

  @ApiPropertyOptional({ description: 'A user id, "me", or "none" for untaken deals' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-fA-F-]{36})$/, { message: 'responsibleId must be a user id, "me" or "none"' })
  responsibleId?: string;

  @ApiPropertyOptional({ description: 'Matches code, title, contact name, phone or email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: DEAL_SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(DEAL_SORT_FIELDS)
  sort?: DealSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
