import { useEffect, useState } from 'react';
import type { BoardFilter, FunnelDto } from '@autofunnel/shared';
import { useAppDispatch, useAppSelector } from '../../app/store';
import type { GroupBy } from './board-filter';
import { hideEmptyStagesToggled, layoutChosen, searchChanged, selectBoardUi, showLostToggled } from './board-ui-slice';
import type { LiveBoard } from './board-view';
import { BoardFilters } from './BoardFilters';
import { FunnelSwitcher } from './FunnelSwitcher';
import { LiveIndicator } from './LiveIndicator';

interface BoardToolbarProps {
  funnels: readonly FunnelDto[];
  funnel: FunnelDto;
  board: LiveBoard | undefined;
  meId: string | null;
  isAdmin: boolean;
  filter: BoardFilter;
  groupBy: GroupBy | null;
  onFilterChange(filter: BoardFilter): void;
  onGroupByChange(groupBy: GroupBy | null): void;
  onSwitchFunnel(funnelId: string): void;
  onNewDeal(): void;
  onEditStages(): void;
  onNewFunnel(): void;
}

/** Open requests in the unassigned stage that nobody has taken yet. */
export function untakenCount(board: LiveBoard | undefined): number | null {
  if (!board || board.view !== 'open') return null;
  const stage = board.funnel.stages.find((candidate) => candidate.kind === 'unassigned');
  return board.columns.find((column) => column.stageId === stage?.id)?.count ?? 0;
}

/** Search typed into the box reaches the board after a short pause. */
const SEARCH_DELAY_MS = 250;

/** Everything above the board: which funnel, what to show, how, and the "New deal" button. */
export function BoardToolbar(props: BoardToolbarProps) {
  const { funnels, funnel, board, meId, isAdmin, onSwitchFunnel, onNewDeal, onEditStages, onNewFunnel, filter, groupBy, onFilterChange, onGroupByChange } = props;
  const dispatch = useAppDispatch();
  const ui = useAppSelector(selectBoardUi);
  const [search, setSearch] = useState(ui.search);
  const untaken = untakenCount(board);

  useEffect(() => {
    if (search === ui.search) return;
    const timer = setTimeout(() => dispatch(searchChanged(search)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dispatch, search, ui.search]);

  return (
    <div className="board-toolbar">
      <div className="board-toolbar__row">
        <FunnelSwitcher funnels={funnels} current={funnel} onSwitch={onSwitchFunnel} onCreate={isAdmin ? onNewFunnel : undefined} />
        {untaken !== null && (
          <span className={`untaken-counter ${untaken > 0 ? 'untaken-counter--some' : ''}`} role="status" aria-live="polite" title="Open requests nobody has taken into work yet">
            Untaken: {untaken}
          </span>
        )}
        <LiveIndicator />
        <div className="board-toolbar__spacer" />
        <div className="segmented" role="group" aria-label="View">
          <button type="button" className="segmented__option" aria-pressed={ui.layout === 'kanban'} onClick={() => dispatch(layoutChosen('kanban'))}>
            Kanban
          </button>
          <button type="button" className="segmented__option" aria-pressed={ui.layout === 'list'} onClick={() => dispatch(layoutChosen('list'))}>
            List
          </button>
        </div>
        {isAdmin && (
          <button type="button" className="button button--secondary" onClick={onEditStages}>
            Funnel settings
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onNewDeal}>
          + New deal
        </button>
      </div>
      <div className="board-toolbar__row board-toolbar__row--filters">
        <label className="search-box">
          <span className="visually-hidden">Search deals</span>
          <input
            type="search"
            placeholder="Search by code, customer, phone, email, car…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <BoardFilters
          filter={filter}
          groupBy={groupBy}
          meId={meId}
          onFilterChange={onFilterChange}
          onGroupByChange={onGroupByChange}
          searching={search.trim() !== ''}
          onClear={() => {
            setSearch('');
            dispatch(searchChanged(''));
            onFilterChange({});
          }}
        />
        <label className="checkbox">
          <input type="checkbox" checked={ui.hideEmptyStages} onChange={(event) => dispatch(hideEmptyStagesToggled(event.target.checked))} />
          Hide empty stages
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={ui.showLost} onChange={(event) => dispatch(showLostToggled(event.target.checked))} />
          Show lost
        </label>
      </div>
    </div>
  );
}
