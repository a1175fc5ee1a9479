import { DEFAULT_STAGES, stageOrderProblem } from './stage-rules.js';

describe('stageOrderProblem', () => {
  it('accepts the default funnel', () => {
    expect(stageOrderProblem(DEFAULT_STAGES.map((s) => s.kind))).toBeNull();
  });

  it('accepts the smallest funnel: unassigned, one open stage, won', () => {
    expect(stageOrderProblem(['unassigned', 'open', 'won'])).toBeNull();
  });

  it.each([
    [['open', 'unassigned', 'won'], /unassigned stage must stay first/],
    [['unassigned', 'won', 'open'], /won stage must stay last/],
    [['unassigned', 'won', 'open', 'won'], /exactly one unassigned/],
    [['unassigned', 'unassigned', 'open', 'won'], /exactly one unassigned/],
    [['unassigned', 'won'], /at least one open stage/],
  ] as const)('refuses %j', (kinds, message) => {
    expect(stageOrderProblem(kinds)).toMatch(message);
  });
});
