import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardKey, InsightsPeriod, InsightsQuery } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useNow } from '../../app/use-now';
import { ErrorMessage } from '../../components/StatusMessage';
import { useGetFunnelsQuery } from '../funnels/funnels-api';
import { useGetInsightsQuery } from './insights-api';
import { dayOf, filtersFromSearch, NEEDS_FUNNEL, periodRange, queryOf, searchOfFilters, type InsightsFilters as Filters } from './insights-filters';
import { formatDay } from './insights-format';
import { InsightsCard } from './InsightsCard';
import { InsightsFilters } from './InsightsFilters';
import { KpiTiles } from './KpiTiles';
import './insights.css';

const TABS: { key: DashboardKey; label: string }[] = [
  { key: 'inflow', label: 'Inflow' },
  { key: 'speed-to-lead', label: 'Speed to lead' },
  { key: 'conversion', label: 'Funnel conversion' },
  { key: 'stage-durations', label: 'Stage durations' },
  { key: 'managers', label: 'Managers' },
  { key: 'sources', label: 'Sources' },
];

/** "1 Mar 2026 – 30 Mar 2026": the days of a period whose end is exclusive, in local time. */
function formatPeriod(period: InsightsPeriod): string {
  const lastDay = new Date(Date.parse(period.to) - 1);
  return `${formatDay(dayOf(new Date(period.from)))} – ${formatDay(dayOf(lastDay))}`;
}

function DashboardSkeleton() {
  return (
    <div className="insights-skeleton" role="status" aria-label="Loading the dashboard">
      <div className="insights-kpis" aria-hidden="true">
        {[0, 1, 2].map((tile) => (
          <div key={tile} className="skeleton insights-skeleton__tile" />
        ))}
      </div>
      <div className="skeleton insights-skeleton__chart" aria-hidden="true" />
      <div className="skeleton insights-skeleton__chart" aria-hidden="true" />
    </div>
  );
}

function Dashboard({ dashboard, query }: { dashboard: DashboardKey; query: InsightsQuery }) {
  const { currentData, error, isFetching, refetch } = useGetInsightsQuery({ dashboard, query });
  if (!currentData) {
    if (error && !isFetching) return <ErrorMessage title="Could not load the dashboard." detail={describeError(error)} onRetry={refetch} />;
    return <DashboardSkeleton />;
  }
  const empty = currentData.tables.every((table) => table.rows.length === 0);
  return (
    <>
      <p className="insights-period muted small">
        {formatPeriod(currentData.period)}, compared with {formatPeriod(currentData.previousPeriod)}
      </p>
      <KpiTiles kpis={currentData.kpis} />
      {empty ? (
        <div className="empty-state">
          <p className="empty-state__title">No deals in this period</p>
          <p>Try a longer period or fewer filters.</p>
        </div>
      ) : (
        <div className="insights-cards">
          {currentData.tables.map((table) => (
            <InsightsCard key={table.key} dashboard={dashboard} table={table} query={query} />
          ))}
        </div>
      )}
    </>
  );
}

/**
 * /insights: six dashboards of where deals come from, how fast they are taken, where they
 * stall and who converts, each compared with the previous period. The filters live in the URL,
 * so a link shows the same view.
 */
export function InsightsPage() {
  const tabsId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const funnels = useGetFunnelsQuery();
  // presets end today: a new day (checked every minute) moves them
  const now = useNow(60_000);
  const range = periodRange(filters, new Date(now));

  const needsFunnel = NEEDS_FUNNEL.has(filters.dashboard);
  const funnelList = funnels.data ?? [];
  const chosenFunnel = funnelList.find((funnel) => funnel.id === filters.funnelId);
  // the stages of conversion and durations belong to one funnel: the first, unless one is chosen
  const funnelId = needsFunnel ? (chosenFunnel ?? funnelList[0])?.id ?? null : filters.funnelId;

  const change = (next: Partial<Filters>) => setSearchParams(searchOfFilters({ ...filters, ...next }), { replace: true });
  const switchTo = (dashboard: DashboardKey) => setSearchParams(searchOfFilters({ ...filters, dashboard }));

  let content;
  if (!range) {
    content = <p className="insights-empty">Choose the first and the last day of the period (the last one on or after the first).</p>;
  } else if (needsFunnel && !funnelId) {
    if (funnels.isLoading) content = <DashboardSkeleton />;
    else if (!funnels.data) content = <ErrorMessage title="Could not load the funnels." detail={describeError(funnels.error)} onRetry={funnels.refetch} />;
    else content = <p className="insights-empty">There are no funnels yet: this dashboard shows the stages of one.</p>;
  } else {
    content = <Dashboard dashboard={filters.dashboard} query={queryOf(filters, range, funnelId)} />;
  }

  return (
    <div className="insights-page">
      <h1 className="insights-page__title">Insights</h1>
      <div className="insights-tabs" role="tablist" aria-label="Dashboards">
        {TABS.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${tabsId}-${tab.key}`}
            aria-selected={tab.key === filters.dashboard}
            aria-controls={`${tabsId}-panel`}
            className="insights-tabs__tab"
            onClick={() => switchTo(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="insights-panel" role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${filters.dashboard}`}>
        <InsightsFilters filters={filters} funnels={funnelList} funnelId={funnelId} needsFunnel={needsFunnel} range={range} onChange={change} />
        {content}
      </div>
    </div>
  );
}
