import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSIGHTS_EXPORT_FORMATS, INSIGHTS_GRANULARITIES, type InsightsExportFormat, type InsightsGranularity, type InsightsQuery as InsightsQueryShape } from '@autofunnel/shared';
import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { dateTime, uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';

/** The period and filters of a dashboard (`shared/src/insights.ts` InsightsQuery). */
export class InsightsQueryDto implements InsightsQueryShape {
  @ApiProperty({ example: '2025-03-01', description: 'Start of the period, inclusive (ISO date or date-time; a date is UTC midnight)' })
  @dateTime('from')
  from: string;

  @ApiProperty({ example: '2025-04-01', description: 'End of the period, exclusive; after `from`, at most 366 days later' })
  @dateTime('to')
  to: string;

  @ApiPropertyOptional({ description: 'Only deals of this funnel; required by the conversion and stage-durations dashboards' })
  @Optional()
  @uuid('funnelId')
  funnelId?: string;

  @ApiPropertyOptional()
  @Optional()
  @uuid('branchId')
  branchId?: string;

  @ApiPropertyOptional({ description: 'Deals this user is responsible for (for takes: the user who took them)' })
  @Optional()
  @uuid('managerId')
  managerId?: string;

  @ApiPropertyOptional()
  @Optional()
  @uuid('sourceId')
  sourceId?: string;

  @ApiPropertyOptional({ enum: INSIGHTS_GRANULARITIES, description: 'Inflow buckets: day (default) or ISO week' })
  @Optional()
  @IsIn(INSIGHTS_GRANULARITIES, { message: `granularity must be one of: ${INSIGHTS_GRANULARITIES.join(', ')}` })
  granularity?: InsightsGranularity;
}

/** The same filters, plus which table of the dashboard and in which format. */
export class InsightsExportQueryDto extends InsightsQueryDto {
  @ApiProperty({ example: 'by_source', description: "A table key of the dashboard (shared INSIGHTS_TABLES)" })
  @IsString({ message: 'table must be a table key such as by_source' })
  @IsNotEmpty({ message: 'table must be a table key such as by_source' })
  table: string;

  @ApiProperty({ enum: INSIGHTS_EXPORT_FORMATS })
  @IsIn(INSIGHTS_EXPORT_FORMATS, { message: `format must be one of: ${INSIGHTS_EXPORT_FORMATS.join(', ')}` })
  format: InsightsExportFormat;
}
