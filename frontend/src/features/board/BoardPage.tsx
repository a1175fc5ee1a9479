import { useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { BoardSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { NewFunnelDialog } from '../admin/NewFunnelDialog';
import { StageSettingsPanel } from '../admin/StageSettingsPanel';
import { selectCurrentUser } from '../auth/auth-slice';
import { DealListView } from '../deals/DealListView';
import { NewDealDialog } from '../deals/NewDealDialog';
import { useGetFunnelsQuery } from '../funnels/funnels-api';
import { useGetBoardQuery } from './board-api';
import { BoardContext, type BoardContextValue } from './board-context';
import { selectBoardUi } from './board-ui-slice';
import { isFiltered } from './board-filter';
import { boardArgs, type LiveBoard } from './board-view';
import { BoardToolbar } from './BoardToolbar';
import { isFiltering } from './card-filter';
import { KanbanBoard, NoDealsToShow, shownStages } from './KanbanBoard';
import { OfflineBanner } from './LiveIndicator';
import { Swimlanes, useLanes, type Lane } from './Swimlanes';
import { useBoardUrl } from './use-board-url';

type Panel = 'new-deal' | 'stages' | 'new-funnel' | null;

/**
 * /funnels/:funnelId: the board of one funnel (kanban, swimlanes or list) and its toolbar. The
 * filters and the grouping are in the URL (?responsibleId=me&groupBy=source), so a filtered
 * board can be shared. A card or a row opens its deal's page (/deals/:dealId); the old drawer
 * addresses /funnels/:funnelId/deals/:dealId and ?deal=<id> lead there too.
 */
export function BoardPage() {
  const { funnelId = '', dealId: dealInPath } = useParams();
  const [searchParams] = useSearchParams();
  const { search: query } = useLocation();
  const navigate = useNavigate();
  const me = useAppSelector(selectCurrentUser);
  const ui = useAppSelector(selectBoardUi);
  const { filter, groupBy, setFilter, setGroupBy } = useBoardUrl();
  const [panel, setPanel] = useState<Panel>(null);
  const dealId = dealInPath ?? searchParams.get('deal');
  const funnels = useGetFunnelsQuery(undefined, { skip: dealId !== null });

  const view = ui.showLost ? 'lost' : 'open';
  const args = useMemo(() => boardArgs(funnelId, view, filter), [funnelId, view, filter]);
  const funnel = funnels.data?.find((candidate) => candidate.id === funnelId);
  // currentData: while another funnel or view loads, the previous board is not shown as this one.
  const { currentData: board, error, refetch, isFetching } = useGetBoardQuery(args, { skip: !funnel });

  const meRef = useMemo(() => (me ? { id: me.id, name: me.name } : null), [me]);
  const context: BoardContextValue | null = useMemo(
    () =>
      board
        ? {
            args,
            funnel: board.funnel,
            me: meRef,
            readOnly: board.view === 'lost',
            filter: { search: ui.search },
            boardFilter: filter,
            changeFilter: setFilter,
            openDeal: (id: string) => navigate(`/deals/${id}`),
          }
        : null,
    [args, board, meRef, ui.search, filter, setFilter, navigate],
  );
  const lanes = useLanes(funnelId, view, filter, groupBy, me);

  if (dealId) return <Navigate to={`/deals/${encodeURIComponent(dealId)}`} replace />;

  if (funnels.isLoading) return <BoardSkeleton />;
  if (!funnels.data) {
    return <ErrorMessage title="Could not load the funnels." detail={describeError(funnels.error)} onRetry={funnels.refetch} />;
  }
  if (!funnel) {
    const first = funnels.data[0];
    if (first) return <Navigate to={`/funnels/${first.id}`} replace />;
    return (
      <div className="empty-state">
        <p className="empty-state__title">There are no funnels yet</p>
        <p>An administrator can create one.</p>
      </div>
    );
  }

  const isAdmin = me?.role === 'admin';

  return (
    <div className="board-page">
      <BoardToolbar
        funnels={funnels.data}
        funnel={board?.funnel ?? funnel}
        board={board}
        meId={me?.id ?? null}
        isAdmin={isAdmin}
        filter={filter}
        groupBy={groupBy}
        onFilterChange={setFilter}
        onGroupByChange={setGroupBy}
        // the filters and grouping go along to the other funnel
        onSwitchFunnel={(id) => navigate({ pathname: `/funnels/${id}`, search: query })}
        onNewDeal={() => setPanel('new-deal')}
        onEditStages={() => setPanel('stages')}
        onNewFunnel={() => setPanel('new-funnel')}
      />
      <OfflineBanner />
      {ui.showLost && <p className="board-page__notice">Showing lost deals, each in the stage where it was lost. Untick “Show lost” to go back to the deals in work.</p>}
      {ui.layout === 'list' ? (
        <DealListView funnel={board?.funnel ?? funnel} />
      ) : board && context ? (
        <BoardContext.Provider value={context}>
          {groupBy ? <GroupedBoard board={board} context={context} lanes={lanes} hideEmptyStages={ui.hideEmptyStages} /> : <KanbanBoard board={board} hideEmptyStages={ui.hideEmptyStages} />}
        </BoardContext.Provider>
      ) : error && !isFetching ? (
        <ErrorMessage title="Could not load this board." detail={describeError(error)} onRetry={refetch} />
      ) : (
        <BoardSkeleton columns={funnel.stages.length} />
      )}
      {panel === 'new-deal' && <NewDealDialog funnel={funnel} onClose={() => setPanel(null)} onOpenDeal={(id) => navigate(`/deals/${id}`)} />}
      {panel === 'stages' && isAdmin && board && <StageSettingsPanel board={board} onClose={() => setPanel(null)} />}
      {panel === 'new-funnel' && isAdmin && <NewFunnelDialog onClose={() => setPanel(null)} onCreated={(id) => navigate(`/funnels/${id}`)} />}
    </div>
  );
}

interface GroupedBoardProps {
  board: LiveBoard;
  context: BoardContextValue;
  lanes: Lane[] | null;
  hideEmptyStages: boolean;
}

/** The swimlanes, with the columns the whole board shows (so lanes line up). */
function GroupedBoard({ board, context, lanes, hideEmptyStages }: GroupedBoardProps) {
  const stages = shownStages(board, hideEmptyStages, context.filter);
  if (stages.length === 0) return <NoDealsToShow filtering={isFiltering(context.filter) || isFiltered(context.boardFilter)} />;
  return <Swimlanes lanes={lanes} stages={stages} context={context} />;
}
