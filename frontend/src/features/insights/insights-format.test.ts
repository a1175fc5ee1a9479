import type { InsightsKpi } from '@autofunnel/shared';
import { formatDay, formatDuration, formatValue, kpiChange } from './insights-format';

const kpi = (overrides: Partial<InsightsKpi>): InsightsKpi => ({ key: 'won', label: 'Won', unit: 'count', value: 10, previous: 8, ...overrides });

describe('insights figures', () => {
  it('reads durations in their two largest units', () => {
    expect([0, 45, 60, 719, 3600, 11_100, 86_399, 86_400, 187_200].map(formatDuration)).toEqual([
      '0 s', '45 s', '1 min', '11 min', '1 h', '3 h 5 min', '23 h 59 min', '1 d', '2 d 4 h',
    ]);
  });

  it('formats each unit, and nothing as a dash', () => {
    expect(formatValue(1_234_567, 'money')).toBe('1,234,567');
    expect(formatValue(12_345, 'count')).toBe('12,345');
    expect(formatValue(33.333, 'percent')).toBe('33.3%');
    expect(formatValue(720, 'seconds')).toBe('12 min');
    expect(formatValue('2026-03-02', 'date')).toBe('2 Mar 2026');
    expect(formatValue('Website', 'text')).toBe('Website');
    expect(formatValue(null, 'money')).toBe('—');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('compares with the previous period: relative change, points for shares, good or bad news', () => {
    expect(kpiChange(kpi({ value: 10, previous: 8 }))).toEqual({ direction: 'up', text: '▲ 25%', tone: 'good' });
    expect(kpiChange(kpi({ key: 'lost', value: 10, previous: 8 }))).toEqual({ direction: 'up', text: '▲ 25%', tone: 'bad' });
    expect(kpiChange(kpi({ key: 'median_seconds', unit: 'seconds', value: 300, previous: 600 }))).toEqual({ direction: 'down', text: '▼ 50%', tone: 'good' });
    expect(kpiChange(kpi({ key: 'conversion', unit: 'percent', value: 20, previous: 22.5 }))).toEqual({ direction: 'down', text: '▼ 2.5 pp', tone: 'bad' });
    expect(kpiChange(kpi({ value: 5, previous: 5 }))).toEqual({ direction: 'same', text: '= 0%', tone: 'neutral' });
    expect(kpiChange(kpi({ value: 3, previous: 0 }))).toEqual({ direction: 'up', text: '▲ new', tone: 'neutral' });
    expect(kpiChange(kpi({ value: 3, previous: null }))).toBeNull();
    expect(kpiChange(kpi({ value: null, previous: 3 }))).toBeNull();
  });
});
