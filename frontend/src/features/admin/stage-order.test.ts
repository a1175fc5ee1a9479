import { funnel } from '../../test/board-fixtures';
import { moveStage } from './stage-order';

const ids = (stages: readonly { id: string }[]) => stages.map((stage) => stage.id);

describe('moveStage', () => {
  it('moves an open stage among the open stages', () => {
    expect(ids(moveStage(funnel.stages, 2, 1))).toEqual(['st-new', 'st-test-drive', 'st-selection', 'st-delivered']);
  });

  it('keeps the unassigned stage first and the won stage last', () => {
    expect(moveStage(funnel.stages, 1, 0)).toBe(funnel.stages);
    expect(moveStage(funnel.stages, 2, 3)).toBe(funnel.stages);
    expect(moveStage(funnel.stages, 0, 2)).toBe(funnel.stages);
    expect(moveStage(funnel.stages, 3, 1)).toBe(funnel.stages);
  });

  it('ignores indexes outside the list', () => {
    expect(moveStage(funnel.stages, 1, 9)).toBe(funnel.stages);
  });
});
