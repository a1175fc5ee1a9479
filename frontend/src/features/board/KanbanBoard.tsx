import type { LiveBoard } from './board-view';
import { useBoardContext } from './board-context';
import { isFiltering, matchesCardFilter } from './card-filter';
import { StageColumn } from './StageColumn';

/** The columns of a board, left to right in the funnel's order; they scroll sideways on narrow screens. */
export function KanbanBoard({ board, hideEmptyStages }: { board: LiveBoard; hideEmptyStages: boolean }) {
  const { filter } = useBoardContext();
  const columnsByStage = new Map(board.columns.map((column) => [column.stageId, column]));
  const filtering = isFiltering(filter);
  const stages = board.funnel.stages.filter((stage) => {
    if (!hideEmptyStages) return true;
    const column = columnsByStage.get(stage.id);
    if (!column || column.count === 0) return false;
    return !filtering || column.nextCursor !== null || column.deals.some((deal) => matchesCardFilter(deal, filter));
  });

  if (stages.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">No deals to show</p>
        <p>Every stage is empty{filtering ? ' for this filter' : ''}. Untick “Hide empty stages” to see the columns.</p>
      </div>
    );
  }
  return (
    <div className="kanban" aria-label={`${board.funnel.name} board`}>
      {stages.map((stage) => {
        const column = columnsByStage.get(stage.id) ?? { stageId: stage.id, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, deals: [], nextCursor: null };
        return <StageColumn key={stage.id} stage={stage} column={column} />;
      })}
    </div>
  );
}
