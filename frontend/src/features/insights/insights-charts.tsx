import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardKey, InsightsCell, InsightsColumn, InsightsTable, InsightsUnit } from '@autofunnel/shared';
import { formatDay, formatValue } from './insights-format';

const PALETTE = ['#1f6feb', '#12b76a', '#f79009', '#7a5af8', '#ee46bc', '#06aed4', '#d92d20', '#667085', '#84cc16', '#b54708'];
const ANSWERED = '#12b76a';
const MISSED = '#d92d20';
const MEDIAN = '#1f6feb';
const P90 = '#f79009';

type Row = Record<string, InsightsCell>;
type Datum = Record<string, string | number | null>;

function columnOf(table: InsightsTable, key: string): InsightsColumn {
  return table.columns.find((column) => column.key === key) ?? { key, label: key, unit: 'count' };
}

/** The figure of a tooltip, as its unit reads. */
function tooltipValue(unit: InsightsUnit) {
  return (value: unknown) => formatValue(typeof value === 'number' || typeof value === 'string' ? value : null, unit);
}

/** An axis tick as its unit reads ("2 h", "40%"), kept short. */
function tickOf(unit: InsightsUnit) {
  return (value: unknown) => (typeof value === 'number' ? formatValue(value, unit) : String(value));
}

const periodTick = (value: unknown) => formatDay(String(value)).replace(/ \d{4}$/, '');

/**
 * Long rows (period, source, deals) as one datum per period with a figure per source, for
 * stacked bars; series in order of their total, largest first (the legend reads that way).
 */
export function pivot(rows: Row[], indexKey: string, seriesKey: string, valueKey: string): { data: Datum[]; series: string[] } {
  const byIndex = new Map<string, Datum>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const index = String(row[indexKey] ?? '—');
    const series = String(row[seriesKey] ?? '—');
    const value = typeof row[valueKey] === 'number' ? row[valueKey] : 0;
    const datum = byIndex.get(index) ?? { [indexKey]: index };
    datum[series] = ((datum[series] as number | undefined) ?? 0) + value;
    byIndex.set(index, datum);
    totals.set(series, (totals.get(series) ?? 0) + value);
  }
  const series = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  return { data: [...byIndex.values()], series };
}

function Frame({ height = 280, children }: { height?: number; children: ReactElement }) {
  // initialDimension: drawn at once (and where nothing measures, as in tests), then fitted to the card
  return (
    <div className="insights-chart">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Stacked bars of a long table: one bar per `indexKey`, a segment per `seriesKey`. */
function stackedBars(table: InsightsTable, indexKey: string, seriesKey: string, valueKey: string, horizontal = false) {
  const { data, series } = pivot(table.rows, indexKey, seriesKey, valueKey);
  const value = columnOf(table, valueKey);
  const isPeriod = columnOf(table, indexKey).unit === 'date';
  const bars = series.map((name, index) => <Bar key={name} dataKey={name} name={name} stackId="all" fill={PALETTE[index % PALETTE.length]} />);
  if (horizontal) {
    return (
      <Frame height={Math.max(180, data.length * 40 + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={tickOf(value.unit)} />
          <YAxis type="category" dataKey={indexKey} width={140} />
          <Tooltip formatter={tooltipValue(value.unit)} />
          <Legend />
          {bars}
        </BarChart>
      </Frame>
    );
  }
  return (
    <Frame>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={indexKey} tickFormatter={isPeriod ? periodTick : undefined} />
        <YAxis allowDecimals={false} tickFormatter={tickOf(value.unit)} />
        <Tooltip formatter={tooltipValue(value.unit)} labelFormatter={isPeriod ? (label) => formatDay(String(label)) : undefined} />
        <Legend />
        {bars}
      </BarChart>
    </Frame>
  );
}

/** Bars of figures with one unit, side by side per category. */
function groupedBars(table: InsightsTable, categoryKey: string, bars: { key: string; color: string; stackId?: string }[]) {
  const unit = columnOf(table, bars[0].key).unit;
  const isPeriod = columnOf(table, categoryKey).unit === 'date';
  return (
    <Frame>
      <BarChart data={table.rows}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tickFormatter={isPeriod ? periodTick : undefined} />
        <YAxis allowDecimals={false} tickFormatter={tickOf(unit)} width={72} />
        <Tooltip formatter={tooltipValue(unit)} labelFormatter={isPeriod ? (label) => formatDay(String(label)) : undefined} />
        <Legend />
        {bars.map((bar) => (
          <Bar key={bar.key} dataKey={bar.key} name={columnOf(table, bar.key).label} fill={bar.color} stackId={bar.stackId} />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Two figures of different units per category: one on the left axis, one on the right. */
function twoAxisBars(table: InsightsTable, categoryKey: string, left: string, right: string) {
  const [leftColumn, rightColumn] = [columnOf(table, left), columnOf(table, right)];
  return (
    <Frame>
      <BarChart data={table.rows}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} />
        <YAxis yAxisId="left" allowDecimals={false} tickFormatter={tickOf(leftColumn.unit)} width={80} />
        <YAxis yAxisId="right" orientation="right" allowDecimals={false} tickFormatter={tickOf(rightColumn.unit)} width={64} />
        <Tooltip formatter={(value, _name, item) => formatValue(typeof value === 'number' ? value : null, item.dataKey === right ? rightColumn.unit : leftColumn.unit)} />
        <Legend />
        <Bar yAxisId="left" dataKey={left} name={leftColumn.label} fill={PALETTE[0]} />
        <Bar yAxisId="right" dataKey={right} name={rightColumn.label} fill={PALETTE[1]} />
      </BarChart>
    </Frame>
  );
}

/** How many reached each stage, with the conversion from the stage before. */
function conversionBars(table: InsightsTable) {
  const fromPrevious = columnOf(table, 'from_previous');
  const data = table.rows.map((row) => ({
    ...row,
    label: row.from_previous === null || row.from_previous === undefined ? formatValue(row.reached, 'count') : `${formatValue(row.reached, 'count')} · ${formatValue(row.from_previous, fromPrevious.unit)}`,
  }));
  return (
    <Frame height={Math.max(180, data.length * 40 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 96 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="stage" width={140} />
        <Tooltip formatter={tooltipValue('count')} />
        <Bar dataKey="reached" name={columnOf(table, 'reached').label} fill={PALETTE[0]}>
          <LabelList dataKey="label" position="right" className="insights-chart__label" />
        </Bar>
      </BarChart>
    </Frame>
  );
}

type ChartOf = (table: InsightsTable) => ReactElement;

/** The chart of each table that reads well as one; the others are shown as tables. */
const CHARTS: { [D in DashboardKey]?: Record<string, ChartOf> } = {
  inflow: {
    by_source: (table) => stackedBars(table, 'period', 'source', 'deals'),
    by_channel: (table) => stackedBars(table, 'period', 'channel', 'deals'),
    calls: (table) => groupedBars(table, 'period', [
      { key: 'answered', color: ANSWERED, stackId: 'calls' },
      { key: 'missed', color: MISSED, stackId: 'calls' },
    ]),
  },
  'speed-to-lead': {
    distribution: (table) => groupedBars(table, 'bucket', [{ key: 'deals', color: PALETTE[0] }]),
    by_branch: (table) => groupedBars(table, 'branch', [{ key: 'median_seconds', color: MEDIAN }]),
    by_manager: (table) => groupedBars(table, 'manager', [{ key: 'median_seconds', color: MEDIAN }]),
  },
  conversion: {
    stages: conversionBars,
    lost_reasons: (table) => stackedBars(table, 'reason', 'stage', 'deals', true),
  },
  'stage-durations': {
    stages: (table) => groupedBars(table, 'stage', [
      { key: 'median_seconds', color: MEDIAN },
      { key: 'p90_seconds', color: P90 },
    ]),
  },
  managers: {
    managers: (table) => twoAxisBars(table, 'manager', 'revenue', 'won'),
  },
  sources: {
    sources: (table) => twoAxisBars(table, 'source', 'revenue', 'conversion'),
  },
};

/** The chart of a dashboard's table, or null when it is only a table. */
export function chartOf(dashboard: DashboardKey, table: InsightsTable): ReactElement | null {
  return CHARTS[dashboard]?.[table.key]?.(table) ?? null;
}
