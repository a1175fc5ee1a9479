import { useId, useState } from 'react';
import { INSIGHTS_EXPORT_FORMATS, type DashboardKey, type InsightsQuery, type InsightsTable } from '@autofunnel/shared';
import { useProtectedFile } from '../deal-actions/use-protected-file';
import { insightsExportPath } from './insights-api';
import { chartOf } from './insights-charts';
import { InsightsTableView } from './InsightsTableView';

/** What an empty table means, where "no deals" would not say it. */
const EMPTY_TEXT: Record<string, string> = {
  calls: 'No calls in this period.',
  stuck: 'No deal is stuck longer than usual.',
};

interface InsightsCardProps {
  dashboard: DashboardKey;
  table: InsightsTable;
  /** The filters the table was computed with: the export gives the same rows. */
  query: InsightsQuery;
}

/** One table of a dashboard: its chart (or the table, at a click), and its export as a file. */
export function InsightsCard({ dashboard, table, query }: InsightsCardProps) {
  const titleId = useId();
  const [showTable, setShowTable] = useState(false);
  const { get, pending } = useProtectedFile();
  const chart = table.rows.length > 0 ? chartOf(dashboard, table) : null;

  return (
    <section className="insights-card" aria-labelledby={titleId}>
      <div className="insights-card__header">
        <h2 id={titleId} className="insights-card__title">
          {table.title}
        </h2>
        <div className="insights-card__actions">
          {chart && (
            <button type="button" className="button button--secondary button--small" aria-pressed={showTable} onClick={() => setShowTable((shown) => !shown)}>
              Table
            </button>
          )}
          {INSIGHTS_EXPORT_FORMATS.map((format) => {
            const url = insightsExportPath(dashboard, table.key, format, query);
            return (
              <button
                key={format}
                type="button"
                className="button button--ghost button--small"
                disabled={pending === url}
                onClick={() => void get({ url, what: `the ${format.toUpperCase()} file`, fallbackName: `${dashboard}-${table.key}.${format}` })}
              >
                Export {format.toUpperCase()}
              </button>
            );
          })}
        </div>
      </div>
      {table.rows.length === 0 ? (
        <p className="insights-empty">{EMPTY_TEXT[table.key] ?? 'No deals in this period.'}</p>
      ) : chart && !showTable ? (
        <figure className="insights-card__figure" aria-label={`Chart: ${table.title}`}>
          {chart}
        </figure>
      ) : (
        <InsightsTableView table={table} labelledBy={titleId} />
      )}
    </section>
  );
}
