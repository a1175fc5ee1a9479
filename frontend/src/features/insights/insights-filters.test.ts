import { filtersFromSearch, periodRange, queryOf, searchOfFilters } from './insights-filters';

/** 15 Mar 2026, 14:30 local time. */
const NOW = new Date(2026, 2, 15, 14, 30);
const local = (year: number, month: number, day: number) => new Date(year, month - 1, day);

describe('insights filters', () => {
  it('turns each preset into local midnights ending with today, `to` exclusive', () => {
    const range = (period: string) => periodRange(filtersFromSearch(new URLSearchParams({ period })), NOW);
    expect(range('last-7-days')).toEqual({ from: local(2026, 3, 9), to: local(2026, 3, 16) });
    expect(range('last-30-days')).toEqual({ from: local(2026, 2, 14), to: local(2026, 3, 16) });
    expect(range('this-month')).toEqual({ from: local(2026, 3, 1), to: local(2026, 3, 16) });
    expect(range('last-90-days')).toEqual({ from: local(2025, 12, 16), to: local(2026, 3, 16) });
    expect(range('this-year')).toEqual({ from: local(2026, 1, 1), to: local(2026, 3, 16) });
    // anything else is the default, the last 30 days
    expect(range('last-century')).toEqual(range('last-30-days'));
  });

  it('includes the last day of custom dates, and refuses an end before the start', () => {
    const custom = (from: string, to: string) => periodRange(filtersFromSearch(new URLSearchParams({ period: 'custom', from, to })), NOW);
    expect(custom('2026-02-01', '2026-02-28')).toEqual({ from: local(2026, 2, 1), to: local(2026, 3, 1) });
    expect(custom('2026-02-01', '2026-02-01')).toEqual({ from: local(2026, 2, 1), to: local(2026, 2, 2) });
    expect(custom('2026-02-02', '2026-02-01')).toBeNull();
    expect(custom('2026-02-01', 'tomorrow')).toBeNull();
  });

  it('keeps only what differs from the defaults in the URL, and reads it back', () => {
    const search = new URLSearchParams('dashboard=sources&branch=b1&period=custom&from=2026-01-01&to=2026-01-31&granularity=week');
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({
      dashboard: 'sources', funnelId: null, branchId: 'b1', managerId: null, sourceId: null, period: 'custom', from: '2026-01-01', to: '2026-01-31', granularity: 'week',
    });
    expect(searchOfFilters(filters).toString()).toBe(search.toString());
    expect(searchOfFilters(filtersFromSearch(new URLSearchParams('dashboard=nonsense&period=last-30-days'))).toString()).toBe('');
  });

  it('asks for the granularity only of the inflow', () => {
    const range = { from: local(2026, 3, 1), to: local(2026, 3, 8) };
    const inflow = filtersFromSearch(new URLSearchParams('granularity=week&manager=u1'));
    expect(queryOf(inflow, range, null)).toEqual({ from: range.from.toISOString(), to: range.to.toISOString(), managerId: 'u1', granularity: 'week' });
    expect(queryOf({ ...inflow, dashboard: 'managers' }, range, 'f1')).toEqual({ from: range.from.toISOString(), to: range.to.toISOString(), funnelId: 'f1', managerId: 'u1' });
  });
});
