import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DASHBOARDS, INSIGHTS_TABLES, type DashboardKey, type InsightsDashboard } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { conversionDashboard } from './dashboards/conversion.query.js';
import { inflowDashboard } from './dashboards/inflow.query.js';
import { managersDashboard } from './dashboards/managers.query.js';
import { sourcesDashboard } from './dashboards/sources.query.js';
import { speedToLeadDashboard } from './dashboards/speed-to-lead.query.js';
import { stageDurationsDashboard } from './dashboards/stage-durations.query.js';
import type { InsightsExportQueryDto, InsightsQueryDto } from './dto/insights.query.js';
import { exportTable, type ExportFile } from './insights-export.js';
import { scopeParameters, type DashboardFigures, type InsightsScope } from './insights-scope.js';

const DAY_MS = 86_400_000;
/** A year, leap day included: longer periods are no dashboard question and cost a full scan. */
const MAX_SPAN_DAYS = 366;

const QUERIES: Record<DashboardKey, (scope: InsightsScope) => Promise<DashboardFigures>> = {
  inflow: inflowDashboard,
  'speed-to-lead': speedToLeadDashboard,
  conversion: conversionDashboard,
  'stage-durations': stageDurationsDashboard,
  managers: managersDashboard,
  sources: sourcesDashboard,
};

/** Dashboards whose stages belong to one funnel. */
const NEEDS_FUNNEL: readonly DashboardKey[] = ['conversion', 'stage-durations'];

/**
 * Insights: each dashboard computed in PostgreSQL over the deals the viewer may see, for the
 * period and the previous one of the same length, from one consistent snapshot.
 */
@Injectable()
export class InsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async dashboard(viewer: AuthUser, name: string, query: InsightsQueryDto): Promise<InsightsDashboard> {
    const dashboard = dashboardKey(name);
    const { from, to } = periodOf(query);
    if (NEEDS_FUNNEL.includes(dashboard) && !query.funnelId) {
      throw new BadRequestException(`funnelId is required for the ${dashboard} dashboard: stages belong to one funnel`);
    }
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const figures = await this.dataSource.transaction('REPEATABLE READ', async (em) => {
      if (query.funnelId && !(await em.existsBy(Funnel, { id: query.funnelId }))) throw new NotFoundException(`Funnel ${query.funnelId} does not exist`);
      const settings = {
        from,
        to,
        previousFrom,
        now: this.clock.now(),
        granularity: query.granularity ?? 'day',
        filters: { funnelId: query.funnelId, branchId: query.branchId, managerId: query.managerId, sourceId: query.sourceId },
        viewer,
      };
      const parameters = scopeParameters(settings);
      return QUERIES[dashboard]({
        ...settings,
        query: async <T>(sql: string, extra: Record<string, unknown> = {}) => {
          const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, { ...parameters, ...extra });
          return (await em.query(text, values)) as T[];
        },
      });
    });
    return {
      dashboard,
      period: { from: from.toISOString(), to: to.toISOString() },
      previousPeriod: { from: previousFrom.toISOString(), to: from.toISOString() },
      ...figures,
    };
  }

  /** One table of a dashboard as a file; 400 naming the dashboard's tables for an unknown key. */
  async export(viewer: AuthUser, name: string, query: InsightsExportQueryDto): Promise<ExportFile> {
    const dashboard = dashboardKey(name);
    const known = Object.keys(INSIGHTS_TABLES[dashboard]);
    if (!known.includes(query.table)) throw new BadRequestException(`table must be one of the ${dashboard} dashboard's tables: ${known.join(', ')}`);
    const answer = await this.dashboard(viewer, dashboard, query);
    return exportTable(dashboard, answer.tables.find((table) => table.key === query.table)!, answer.period, query.format);
  }
}

function dashboardKey(name: string): DashboardKey {
  if (!(DASHBOARDS as readonly string[]).includes(name)) throw new NotFoundException(`There is no dashboard "${name}"; the dashboards are: ${DASHBOARDS.join(', ')}`);
  return name as DashboardKey;
}

/** The validated period: `to` after `from`, at most MAX_SPAN_DAYS apart. */
function periodOf(query: InsightsQueryDto): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to.getTime() <= from.getTime()) throw new BadRequestException('to must be after from (the period runs from `from` inclusive to `to` exclusive)');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) throw new BadRequestException(`The period from from to to must span at most ${MAX_SPAN_DAYS} days; choose a shorter one`);
  return { from, to };
}
