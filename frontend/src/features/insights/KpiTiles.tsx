import { useId } from 'react';
import type { InsightsKpi } from '@autofunnel/shared';
import { formatValue, kpiChange } from './insights-format';

function KpiTile({ kpi }: { kpi: InsightsKpi }) {
  const id = useId();
  const change = kpiChange(kpi);
  return (
    <div className="insights-kpi" role="group" aria-labelledby={id}>
      <p id={id} className="insights-kpi__label">
        {kpi.label}
      </p>
      <p className="insights-kpi__value">{formatValue(kpi.value, kpi.unit)}</p>
      <p className="insights-kpi__change small">
        {change && <span className={`insights-kpi__delta insights-kpi__delta--${change.tone}`}>{change.text}</span>}{' '}
        <span className="muted">previous period: {formatValue(kpi.previous, kpi.unit)}</span>
      </p>
    </div>
  );
}

/** The dashboard's headline figures, each against the previous period. */
export function KpiTiles({ kpis }: { kpis: InsightsKpi[] }) {
  return (
    <div className="insights-kpis">
      {kpis.map((kpi) => (
        <KpiTile key={kpi.key} kpi={kpi} />
      ))}
    </div>
  );
}
