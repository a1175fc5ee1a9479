import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DASHBOARDS, type InsightsDashboard } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { InsightsExportQueryDto, InsightsQueryDto } from './dto/insights.query.js';
import { InsightsService } from './insights.service.js';

/** Insights dashboards and their tables as files, over the deals the caller may see. */
@ApiTags('insights')
@ApiBearerAuth()
@Controller('insights')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get(':dashboard')
  @ApiParam({ name: 'dashboard', enum: DASHBOARDS })
  @ApiOkResponse({ description: 'InsightsDashboard: headline figures with the previous period, and tables' })
  @ApiBadRequestResponse({ description: 'A wrong period or filter, or no funnelId for conversion / stage-durations' })
  @ApiNotFoundResponse({ description: 'No such dashboard, or no such funnel' })
  dashboard(@CurrentUser() caller: AuthUser, @Param('dashboard') dashboard: string, @Query() query: InsightsQueryDto): Promise<InsightsDashboard> {
    return this.insights.dashboard(caller, dashboard, query);
  }

  @Get(':dashboard/export')
  @ApiParam({ name: 'dashboard', enum: DASHBOARDS })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The table as a CSV (UTF-8 with BOM) or XLSX attachment' })
  @ApiBadRequestResponse({ description: 'An unknown table or format, or a wrong period or filter' })
  @ApiNotFoundResponse({ description: 'No such dashboard, or no such funnel' })
  async export(@CurrentUser() caller: AuthUser, @Param('dashboard') dashboard: string, @Query() query: InsightsExportQueryDto): Promise<StreamableFile> {
    const file = await this.insights.export(caller, dashboard, query);
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}
