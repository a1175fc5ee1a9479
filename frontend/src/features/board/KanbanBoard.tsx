import type { StageDto } from '@autofunnel/shared';
import { isFiltered } from './board-filter';
import type { LiveBoard } from './board-view';
import { useBoardContext } from './board-context';
import { isFiltering, matchesCardFilter, type CardFilter } from './card-filter';
import { StageColumn } from './StageColumn';

/** The stages a board shows as columns: all, or (hiding empty stages) those with deals that pass the search. */
export function shownStages(board: LiveBoard, hideEmptyStages: boolean, filter: CardFilter): StageDto[] {
  const columnsByStage = new Map(board.columns.map((column) => [column.stageId, column]));
  const filtering = isFiltering(filter);
  return board.funnel.stages.filter((stage) => {
    if (!hideEmptyStages) return true;
    const column = columnsByStage.get(stage.id);
    if (!column || column.count === 0) return false;
    return !filtering || column.nextCursor !== null || column.deals.some((deal) => matchesCardFilter(deal, filter));
  });
}

/** Shown when a board has no column to show. */
export function NoDealsToShow({ filtering }: { filtering: boolean }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">No deals to show</p>
      <p>Every stage is empty{filtering ? ' for this filter' : ''}. Untick “Hide empty stages” to see the columns.</p>
    </div>
  );
}

/** The columns of a board, left to right in the funnel's order; they scroll sideways on narrow screens. */
export function KanbanBoard({ board, hideEmptyStages }: { board: LiveBoard; hideEmptyStages: boolean }) {
  const { filter, boardFilter } = useBoardContext();
  const stages = shownStages(board, hideEmptyStages, filter);
  if (stages.length === 0) return <NoDealsToShow filtering={isFiltering(filter) || isFiltered(boardFilter)} />;
  return (
    <div className="kanban" aria-label={`${board.funnel.name} board`}>
      {stages.map((stage) => (
        <StageColumn key={stage.id} stage={stage} column={columnOf(board, stage.id)} />
      ))}
    </div>
  );
}

/** A stage's column of `board` (an empty one when the board has none for it yet). */
export function columnOf(board: LiveBoard, stageId: string) {
  return board.columns.find((column) => column.stageId === stageId) ?? { stageId, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, deals: [], nextCursor: null };
}
