import { useId } from 'react';
import type { FunnelDto } from '@autofunnel/shared';
import { SelectField } from '../../components/SelectField';
import { useGetBranchesQuery, useGetSourcesQuery, useGetUsersQuery } from '../directory/directory-api';
import { dayOf, PERIOD_PRESETS, type InsightsFilters as Filters, type PeriodChoice, type PeriodRange } from './insights-filters';

interface InsightsFiltersProps {
  filters: Filters;
  funnels: FunnelDto[];
  /** The funnel the dashboard shows: the chosen one, or the first where the dashboard needs one. */
  funnelId: string | null;
  needsFunnel: boolean;
  /** The period shown now: a switch to custom dates starts from it. */
  range: PeriodRange | null;
  onChange(change: Partial<Filters>): void;
}

function DateField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id} className="inline-field__label">
        {label}
      </label>
      <input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** Funnel, branch, manager, source, period (and days or weeks for the inflow). */
export function InsightsFilters({ filters, funnels, funnelId, needsFunnel, range, onChange }: InsightsFiltersProps) {
  const branches = useGetBranchesQuery().data ?? [];
  const users = useGetUsersQuery().data ?? [];
  const sources = useGetSourcesQuery().data ?? [];

  const choosePeriod = (period: PeriodChoice) => {
    if (period !== 'custom' || !range) return onChange({ period });
    // custom dates start as the period shown, its last day included
    const lastDay = new Date(range.to.getFullYear(), range.to.getMonth(), range.to.getDate() - 1);
    onChange({ period, from: filters.from ?? dayOf(range.from), to: filters.to ?? dayOf(lastDay) });
  };

  return (
    <div className="insights-filters" role="group" aria-label="Filters">
      <SelectField label="Funnel" layout="inline" value={funnelId ?? ''} onChange={(value) => onChange({ funnelId: value || null })}>
        {!needsFunnel && <option value="">All funnels</option>}
        {funnels.map((funnel) => (
          <option key={funnel.id} value={funnel.id}>
            {funnel.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Branch" layout="inline" value={filters.branchId ?? ''} onChange={(value) => onChange({ branchId: value || null })}>
        <option value="">All branches</option>
        {branches.map((branch) => (
          <option key={branch.id} value={branch.id}>
            {branch.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Manager" layout="inline" value={filters.managerId ?? ''} onChange={(value) => onChange({ managerId: value || null })}>
        <option value="">All managers</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Source" layout="inline" value={filters.sourceId ?? ''} onChange={(value) => onChange({ sourceId: value || null })}>
        <option value="">All sources</option>
        {sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Period" layout="inline" value={filters.period} onChange={(value) => choosePeriod(value as PeriodChoice)}>
        {PERIOD_PRESETS.map((preset) => (
          <option key={preset.key} value={preset.key}>
            {preset.label}
          </option>
        ))}
        <option value="custom">Custom dates</option>
      </SelectField>
      {filters.period === 'custom' && (
        <>
          <DateField label="From" value={filters.from ?? ''} onChange={(value) => onChange({ from: value || null })} />
          <DateField label="To" value={filters.to ?? ''} onChange={(value) => onChange({ to: value || null })} />
        </>
      )}
      {filters.dashboard === 'inflow' && (
        <SelectField label="Per" layout="inline" value={filters.granularity} onChange={(value) => onChange({ granularity: value === 'week' ? 'week' : 'day' })}>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </SelectField>
      )}
    </div>
  );
}
