import { card, funnel } from '../../test/board-fixtures';
import { idleDays, isRotten, slaCountdown } from './deal-signals';

const [unassigned, selection] = funnel.stages;
const entered = Date.parse('2026-11-23T10:00:00.000Z');
const minutes = (count: number) => entered + count * 60_000;
const request = card('r', unassigned.id, 'a0', { responsible: null, stageEnteredAt: new Date(entered).toISOString() });
const sla = { slaWarnMinutes: 15, slaEscalateMinutes: 30 };

describe('slaCountdown (speed to lead)', () => {
  it('counts down to the escalation, turning amber at the warning and red at the escalation', () => {
    expect(slaCountdown(request, unassigned, sla, minutes(0))).toEqual({ level: 'ok', text: '30 min left' });
    expect(slaCountdown(request, unassigned, sla, minutes(14.5))).toEqual({ level: 'ok', text: '16 min left' });
    expect(slaCountdown(request, unassigned, sla, minutes(15))).toEqual({ level: 'warn', text: '15 min left' });
    expect(slaCountdown(request, unassigned, sla, minutes(29.9))).toEqual({ level: 'warn', text: '1 min left' });
    expect(slaCountdown(request, unassigned, sla, minutes(30))).toEqual({ level: 'escalated', text: 'escalated just now' });
    expect(slaCountdown(request, unassigned, sla, minutes(35))).toEqual({ level: 'escalated', text: 'escalated 5 min ago' });
    expect(slaCountdown(request, unassigned, sla, minutes(30 + 125))).toEqual({ level: 'escalated', text: 'escalated 2h 5m ago' });
  });

  it("takes the server's escalation stamp over this browser's clock", () => {
    const escalated = { ...request, slaEscalatedAt: new Date(minutes(28)).toISOString() };
    expect(slaCountdown(escalated, unassigned, sla, minutes(29))).toEqual({ level: 'escalated', text: 'escalated 1 min ago' });
  });

  it('with only a warning: counts down to it, then says how long the request waits', () => {
    const warnOnly = { slaWarnMinutes: 10, slaEscalateMinutes: null };
    expect(slaCountdown(request, unassigned, warnOnly, minutes(4))).toEqual({ level: 'ok', text: '6 min left' });
    expect(slaCountdown(request, unassigned, warnOnly, minutes(12))).toEqual({ level: 'warn', text: 'waiting 12 min' });
  });

  it('does not apply to taken deals, other stages, closed deals or a funnel without an SLA', () => {
    expect(slaCountdown({ ...request, responsible: { id: 'u', name: 'U' } }, unassigned, sla, minutes(40))).toBeNull();
    expect(slaCountdown(request, selection, sla, minutes(40))).toBeNull();
    expect(slaCountdown({ ...request, status: 'lost' }, unassigned, sla, minutes(40))).toBeNull();
    expect(slaCountdown(request, unassigned, { slaWarnMinutes: null, slaEscalateMinutes: null }, minutes(40))).toBeNull();
  });
});

describe('rotting', () => {
  const now = Date.parse('2026-11-23T12:00:00.000Z');
  const idle = card('d', selection.id, 'a0', { lastActivityAt: '2026-11-07T11:00:00.000Z' });

  it('is rotten past the stage limit, counted in whole days', () => {
    expect(idleDays(idle, now)).toBe(16);
    expect(isRotten(idle, { rotAfterDays: 14 }, now)).toBe(true);
    expect(isRotten(idle, { rotAfterDays: 16 }, now)).toBe(true);
    expect(isRotten(idle, { rotAfterDays: 17 }, now)).toBe(false);
    expect(isRotten(idle, { rotAfterDays: null }, now)).toBe(false);
    expect(isRotten({ ...idle, status: 'won' }, { rotAfterDays: 14 }, now)).toBe(false);
  });
});
