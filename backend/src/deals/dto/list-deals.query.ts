import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { DEAL_FOLLOW_UP_FILTERS, DEAL_SORT_FIELDS, DEAL_STATUSES, type BoardFilter, type DealFollowUpFilter, type DealSortField, type DealStatus } from '@autofunnel/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** An id, or one of `words` ("me", "none"), refused with a message naming the field. */
const IdOr = (field: string, what: string, words: string[]) => {
  const choices = [what, ...words.map((word) => `"${word}"`)];
  return Matches(new RegExp(`^(${[...words, UUID].join('|')})$`, 'i'), { message: `${field} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` });
};

/** `true` or `false` in a query string (where every value is text). */
const QueryBoolean = (field: string) => (target: object, property: string) => {
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))(target, property);
  IsBoolean({ message: `${field} must be true or false` })(target, property);
};

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

/**
 * Narrows a board, a column or the list (`BoardFilter`); counts and sums follow. Every filter
 * applies on top of who may see what: a manager filtering by a colleague finds nothing.
 */
export class DealFilterQuery implements BoardFilter {
  @ApiPropertyOptional({ description: 'A user id, "me", or "none" for untaken deals' })
  @Optional()
  @IdOr('responsibleId', 'a user id', ['me', 'none'])
  responsibleId?: string;

  @ApiPropertyOptional({ description: 'A branch id, or "none" for deals without a branch' })
  @Optional()
  @IdOr('branchId', 'a branch id', ['none'])
  branchId?: string;

  @ApiPropertyOptional({ description: 'A source id, or "none" for deals without a source' })
  @Optional()
  @IdOr('sourceId', 'a source id', ['none'])
  sourceId?: string;

  @ApiPropertyOptional({ description: 'A deal type code (GET /api/deal-types), or "none" for deals without a type', example: 'phone_up' })
  @Optional()
  @IsString({ message: 'type must be a deal type code or "none"' })
  @MaxLength(40)
  type?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only rotten deals (idle longer than their stage allows); false is the same as leaving it out' })
  @Optional()
  @QueryBoolean('rotten')
  rotten?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only deals whose responsible was deactivated; false is the same as leaving it out' })
  @Optional()
  @QueryBoolean('needsReassignment')
  needsReassignment?: boolean;
}

export class StageDealsQuery extends IntersectionType(PageQuery, DealFilterQuery) {
  @ApiPropertyOptional({ enum: DEAL_STATUSES, default: 'open' })
  @Optional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;
}

/** The board: the first `limit` deals of every column, of one status, filtered. */
export class BoardQuery extends IntersectionType(PickType(StageDealsQuery, ['limit', 'status'] as const), DealFilterQuery) {}

export class ListDealsQuery extends IntersectionType(PageQuery, DealFilterQuery) {
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
