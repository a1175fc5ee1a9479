import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BoardDto, DealDto } from '@autofunnel/shared';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router';
import { DragAndDrop } from '../../app/DragAndDrop';
import { Toasts } from '../../components/Toasts';
import { boardEvent, card, funnel, annaRef } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { service, signedInAsAnna } from '../../test/fixtures';
import { directoryAnswer } from '../../test/render-board';
import { renderWithStore } from '../../test/render-with-store';
import { BOARD_LAYOUT_STORAGE_KEY } from './board-ui-slice';
import { formatAmount } from './format';
import { BoardPage } from './BoardPage';

const untaken = card('u1', 'st-new', 'a0', { code: 'D-1001', amount: null });
const mine = card('d2', 'st-selection', 'a0', { code: 'D-1002', amount: 3000, responsible: annaRef });
const other = card('d3', 'st-selection', 'a1', { code: 'D-1003', amount: 2000, responsible: { id: 'user-boris', name: 'Boris Ivanov' } });

/** The deals of `deals` that pass the board request's status and filters, as the server would answer. */
function apiBoard(params: URLSearchParams, deals: DealDto[] = [untaken, mine, other]): BoardDto {
  const responsibleId = params.get('responsibleId') === 'me' ? annaRef.id : params.get('responsibleId');
  const sourceId = params.get('sourceId');
  deals = deals.filter(
    (deal) =>
      deal.status === params.get('status') &&
      (responsibleId === null || (deal.responsible?.id ?? 'none') === responsibleId) &&
      (sourceId === null || (deal.sourceId ?? 'none') === sourceId),
  );
  return {
    funnel,
    columns: funnel.stages.map((stage) => {
      const inStage = deals.filter((deal) => deal.stageId === stage.id);
      return { stageId: stage.id, count: inStage.length, amountSum: inStage.reduce((sum, deal) => sum + (deal.amount ?? 0), 0), weightedAmountSum: 0, rottenCount: 0, deals: inStage, nextCursor: null };
    }),
  };
}

function serveBoard(overrides: (path: string) => Response | null = () => null) {
  return mockFetch((request) => {
    const path = pathOf(request);
    const answer = overrides(path) ?? directoryAnswer(path);
    if (answer) return answer;
    if (path === '/api/funnels') return jsonResponse([funnel, service]);
    if (path === '/api/branches') return jsonResponse([{ id: 'branch-north', name: 'North' }, { id: 'branch-south', name: 'South' }]);
    const board = path.match(/^\/api\/funnels\/funnel-showroom\/board\?(limit=50&status=\w+.*)$/);
    if (board) return jsonResponse(apiBoard(new URLSearchParams(board[1])));
    if (path.startsWith('/api/funnels/funnel-service/board')) {
      return jsonResponse({ funnel: service, columns: service.stages.map((stage) => ({ stageId: stage.id, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, deals: [], nextCursor: null })) });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${path}`, error: 'Not Found' }, 404);
  });
}

/** Stands in for the deal page: which deal was opened, and how (the URL). */
function DealPageStandIn() {
  const { dealId } = useParams();
  const location = useLocation();
  return (
    <p>
      Deal page of {dealId} at {location.pathname + location.search}
    </p>
  );
}

/** Where the app is now, for tests of what goes into the URL. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderBoardPage(path = '/funnels/funnel-showroom') {
  const rendered = renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <LocationProbe />
      <DragAndDrop>
        <Routes>
          <Route path="/funnels/:funnelId" element={<BoardPage />} />
          <Route path="/funnels/:funnelId/deals/:dealId" element={<BoardPage />} />
          <Route path="/deals/:dealId" element={<DealPageStandIn />} />
        </Routes>
      </DragAndDrop>
      <Toasts />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
  return { ...rendered, socket: rendered.live.socket };
}

const columnNamed = (name: string) => screen.getByRole('region', { name });
const codesIn = (name: string) => within(columnNamed(name)).queryAllByRole('article').map((article) => article.getAttribute('aria-label'));

describe('BoardPage', () => {
  it('shows the funnel in the URL as columns, with the toolbar and the untaken counter', async () => {
    const fetchMock = serveBoard();
    const { socket } = renderBoardPage();

    expect(await screen.findByRole('heading', { name: /Car showroom/, level: 2 })).toBeInTheDocument();
    await waitFor(() => expect(codesIn('Car selection')).toEqual(['Deal D-1002', 'Deal D-1003']));
    expect(codesIn('Unassigned')).toEqual(['Deal D-1001']);
    expect(screen.getByText('Untaken: 1')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(socket().joins()).toEqual([{ funnelId: 'funnel-showroom' }]);
    // the room is joined before the board is read
    const boardRequests = requestsOf(fetchMock).map(pathOf).filter((path) => path.includes('/board'));
    expect(boardRequests).toEqual(['/api/funnels/funnel-showroom/board?limit=50&status=open', '/api/funnels/funnel-showroom/board?limit=50&status=won']);
  });

  it('applies what others do as it happens: moves, new deals (highlighted) and counts', async () => {
    serveBoard();
    const { socket } = renderBoardPage();
    await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));

    act(() => socket().send(boardEvent(1, 'deal.moved', { ...other, stageId: 'st-test-drive', position: 'a0', version: 2 }, { fromStageId: 'st-selection' })));
    expect(codesIn('Car selection')).toEqual(['Deal D-1002']);
    expect(codesIn('Test drive')).toEqual(['Deal D-1003']);
    expect(within(columnNamed('Test drive')).getByText('1 deal')).toBeInTheDocument();

    act(() => socket().send(boardEvent(2, 'deal.created', card('n1', 'st-new', 'Zz', { code: 'D-1100' }))));
    expect(codesIn('Unassigned')).toEqual(['Deal D-1100', 'Deal D-1001']);
    expect(screen.getByRole('article', { name: 'Deal D-1100' })).toHaveClass('deal-card--fresh');
    expect(screen.getByText('Untaken: 2')).toBeInTheDocument();

    // a duplicate changes nothing
    act(() => socket().send(boardEvent(2, 'deal.created', card('n1', 'st-new', 'Zz', { code: 'D-1100' }))));
    expect(codesIn('Unassigned')).toHaveLength(2);
  });

  it('fetches the board again when a stage changes, and when events were missed for good', async () => {
    jest.useFakeTimers();
    try {
      const fetchMock = serveBoard();
      const { socket } = renderBoardPage();
      await act(() => jest.advanceTimersByTimeAsync(100));
      const boardFetches = () => requestsOf(fetchMock).filter((request) => pathOf(request).includes('status=open')).length;
      expect(boardFetches()).toBe(1);

      act(() => socket().send(boardEvent(1, 'stage.updated', undefined, {})));
      await act(() => jest.advanceTimersByTimeAsync(100));
      expect(boardFetches()).toBe(2);

      // seq 3 after 1: seq 2 is missing; after a second without it, the board is fetched again
      act(() => socket().send(boardEvent(3, 'deal.updated', { ...mine, version: 3 })));
      await act(() => jest.advanceTimersByTimeAsync(500));
      expect(boardFetches()).toBe(2);
      await act(() => jest.advanceTimersByTimeAsync(700));
      expect(boardFetches()).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows a banner while offline and catches up on reconnect with the last seq seen', async () => {
    serveBoard();
    const { socket } = renderBoardPage();
    await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));
    act(() => socket().send(boardEvent(1, 'deal.updated', { ...mine, version: 2 })));

    act(() => socket().serverDrops());
    expect(screen.getByText('Offline — reconnecting…')).toBeInTheDocument();
    act(() => socket().serverAccepts());
    expect(screen.queryByText('Offline — reconnecting…')).not.toBeInTheDocument();
    expect(socket().joins()).toEqual([{ funnelId: 'funnel-showroom' }, { funnelId: 'funnel-showroom', sinceSeq: 1 }]);
  });

  it('switches funnels from the title, leaving the old funnel room', async () => {
    serveBoard();
    const { socket } = renderBoardPage();
    await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: /Car showroom/ }));
    fireEvent.click(screen.getByRole('menuitemradio', { name: /Service/ }));

    expect(await screen.findByRole('region', { name: 'In the workshop' })).toBeInTheDocument();
    await waitFor(() => expect(socket().emitted).toContainEqual({ event: 'board:leave', payload: { funnelId: 'funnel-showroom' } }));
    expect(socket().joins().at(-1)).toEqual({ funnelId: 'funnel-service' });
  });

  it('filters the cards by search and by "My deals"', async () => {
    jest.useFakeTimers();
    try {
      serveBoard();
      renderBoardPage();
      await act(() => jest.advanceTimersByTimeAsync(100));
      fireEvent.change(screen.getByLabelText('Responsible'), { target: { value: 'me' } });
      await act(() => jest.advanceTimersByTimeAsync(100));
      // the server filters: counts follow
      expect(codesIn('Car selection')).toEqual(['Deal D-1002']);
      expect(within(columnNamed('Car selection')).getByText('1 deal')).toBeInTheDocument();

      fireEvent.change(screen.getByLabelText('Responsible'), { target: { value: '' } });
      await act(() => jest.advanceTimersByTimeAsync(100));
      fireEvent.change(screen.getByLabelText('Search deals'), { target: { value: 'D-1003' } });
      await act(() => jest.advanceTimersByTimeAsync(300));
      expect(codesIn('Car selection')).toEqual(['Deal D-1003']);
      expect(within(columnNamed('Car selection')).getByText('1 shown · 2 deals')).toBeInTheDocument();
      expect(codesIn('Unassigned')).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('opens the deal page (not a drawer) from a card', async () => {
    serveBoard();
    renderBoardPage();
    await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));
    fireEvent.click(within(screen.getByRole('article', { name: 'Deal D-1002' })).getByText(mine.contact.name));
    expect(await screen.findByText('Deal page of d2 at /deals/d2')).toBeInTheDocument();
  });

  it('sends the old deal addresses (the drawer) to the deal page', async () => {
    serveBoard();
    renderBoardPage('/funnels/funnel-showroom/deals/d2');
    expect(await screen.findByText('Deal page of d2 at /deals/d2')).toBeInTheDocument();
  });

  it('sends ?deal= to the deal page too', async () => {
    serveBoard();
    renderBoardPage('/funnels/funnel-showroom?deal=d3');
    expect(await screen.findByText('Deal page of d3 at /deals/d3')).toBeInTheDocument();
  });

  it('remembers the list view, which links each row to its deal page', async () => {
    serveBoard((path) => (path.startsWith('/api/deals?') ? jsonResponse({ items: [mine, other], nextCursor: null, total: 2 }) : null));
    const { socket } = renderBoardPage();
    fireEvent.click(await screen.findByRole('button', { name: 'List' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(localStorage.getItem(BOARD_LAYOUT_STORAGE_KEY)).toBe('list');
    expect(screen.getByRole('link', { name: 'D-1003' })).toHaveAttribute('href', '/deals/d3');

    // a deal moved to the trash elsewhere leaves the list
    act(() => socket().send(boardEvent(1, 'deal.trashed', { ...other, trashedAt: '2026-11-23T10:00:00.000Z', version: 2 })));
    expect(screen.queryByRole('link', { name: 'D-1003' })).not.toBeInTheDocument();
    expect(screen.getByText('1 deal')).toBeInTheDocument();

    // a click anywhere on a row opens its deal
    fireEvent.click(screen.getByRole('cell', { name: mine.contact.name }));
    expect(await screen.findByText('Deal page of d2 at /deals/d2')).toBeInTheDocument();
  });

  describe('filters and swimlanes', () => {
    const boardPaths = (fetchMock: ReturnType<typeof serveBoard>) => requestsOf(fetchMock).map(pathOf).filter((path) => path.includes('/board?'));
    const location = () => screen.getByTestId('location').textContent;

    it('sends the filters to the server with the board requests and keeps them in the URL; "Clear filters" drops them', async () => {
      const fetchMock = serveBoard();
      renderBoardPage();
      await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));

      fireEvent.change(screen.getByLabelText('Responsible'), { target: { value: 'me' } });
      fireEvent.change(await screen.findByLabelText('Branch'), { target: { value: 'branch-north' } });
      fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'src-web' } });
      fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'walk_in' } });
      fireEvent.click(screen.getByRole('checkbox', { name: 'Rotten only' }));
      fireEvent.click(screen.getByRole('checkbox', { name: 'Needs reassignment' }));

      const query = 'responsibleId=me&branchId=branch-north&sourceId=src-web&type=walk_in&rotten=true&needsReassignment=true';
      await waitFor(() => expect(boardPaths(fetchMock)).toContain(`/api/funnels/funnel-showroom/board?limit=50&status=open&${query}`));
      expect(boardPaths(fetchMock)).toContain(`/api/funnels/funnel-showroom/board?limit=50&status=won&${query}`);
      expect(location()).toBe(`/funnels/funnel-showroom?${query}`);

      const before = boardPaths(fetchMock).length;
      fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(location()).toBe('/funnels/funnel-showroom');
      await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));
      expect(screen.getByLabelText('Responsible')).toHaveValue('');
      expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
      // the unfiltered board was still cached, or fetched again without parameters
      expect(boardPaths(fetchMock).slice(before).every((path) => /status=\w+$/.test(path))).toBe(true);
    });

    it('opens a shared filtered board from its URL', async () => {
      const fetchMock = serveBoard();
      renderBoardPage('/funnels/funnel-showroom?responsibleId=none&sourceId=src-phone');
      await waitFor(() => expect(boardPaths(fetchMock)).toContain('/api/funnels/funnel-showroom/board?limit=50&status=open&responsibleId=none&sourceId=src-phone'));
      expect(screen.getByLabelText('Responsible')).toHaveValue('none');
      const source = screen.getByLabelText('Source');
      expect(await within(source).findByRole('option', { name: 'Phone call' })).toBeInTheDocument();
      expect(source).toHaveValue('src-phone');
    });

    it('takes a card off a filtered board when its deal stops passing the filter, and puts one on when it starts', async () => {
      serveBoard();
      const { socket } = renderBoardPage('/funnels/funnel-showroom?responsibleId=me');
      await waitFor(() => expect(codesIn('Car selection')).toEqual(['Deal D-1002']));

      act(() => socket().send(boardEvent(1, 'deal.assigned', { ...mine, responsible: { id: 'user-boris', name: 'Boris Ivanov' }, version: 2 })));
      expect(codesIn('Car selection')).toEqual([]);
      expect(within(columnNamed('Car selection')).getByText('0 deals')).toBeInTheDocument();

      act(() => socket().send(boardEvent(2, 'deal.assigned', { ...other, responsible: annaRef, version: 2 })));
      expect(codesIn('Car selection')).toEqual(['Deal D-1003']);
      expect(within(columnNamed('Car selection')).getByText('1 deal')).toBeInTheDocument();
    });

    it('groups the board into swimlanes, one per value with deals, each with its count and sum', async () => {
      const fetchMock = serveBoard((path) => {
        const match = path.match(/^\/api\/funnels\/funnel-showroom\/board\?(.*)$/);
        if (!match) return null;
        const withSources = [{ ...untaken, sourceId: 'src-web' }, { ...mine, sourceId: 'src-web' }, other];
        return jsonResponse(apiBoard(new URLSearchParams(match[1]), withSources));
      });
      renderBoardPage();
      await waitFor(() => expect(codesIn('Car selection')).toHaveLength(2));

      fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'source' } });
      expect(location()).toBe('/funnels/funnel-showroom?groupBy=source');

      const website = await screen.findByRole('region', { name: 'Website' });
      const noSource = await screen.findByRole('region', { name: 'No source' });
      expect(screen.queryByRole('region', { name: 'Phone call' })).not.toBeInTheDocument(); // no deals
      expect(within(website).getByRole('heading', { name: 'Website' }).parentElement).toHaveTextContent(`2 deals${formatAmount(3000)}`);
      expect(within(noSource).getByRole('heading', { name: 'No source' }).parentElement).toHaveTextContent(`1 deal${formatAmount(2000)}`);
      // each lane holds the funnel's columns with only its deals
      const laneCodes = (lane: HTMLElement, stage: string) => within(within(lane).getByRole('region', { name: stage })).queryAllByRole('article').map((article) => article.getAttribute('aria-label'));
      expect(laneCodes(website, 'Unassigned')).toEqual(['Deal D-1001']);
      expect(laneCodes(website, 'Car selection')).toEqual(['Deal D-1002']);
      expect(laneCodes(noSource, 'Car selection')).toEqual(['Deal D-1003']);
      // fetched lane by lane, with the lane's value as one more filter
      for (const source of ['src-web', 'src-phone', 'none']) {
        expect(boardPaths(fetchMock)).toContain(`/api/funnels/funnel-showroom/board?limit=50&status=open&sourceId=${source}`);
      }
    });

    it("moves a card between a manager's lanes as it is taken live (only their own and the untaken lane)", async () => {
      const fetchMock = serveBoard();
      const { socket } = renderBoardPage('/funnels/funnel-showroom?groupBy=responsible');
      const untakenLane = await screen.findByRole('region', { name: 'Not taken yet' });
      const annaLane = await screen.findByRole('region', { name: annaRef.name });
      expect(within(untakenLane).getAllByRole('article').map((article) => article.getAttribute('aria-label'))).toEqual(['Deal D-1001']);
      // a manager sees only their own deals and untaken ones: no lane is asked for about Boris
      expect(boardPaths(fetchMock).some((path) => path.includes('user-boris'))).toBe(false);

      act(() => socket().send(boardEvent(1, 'deal.taken', { ...untaken, stageId: 'st-selection', position: 'Zz', responsible: annaRef, version: 2 }, { fromStageId: 'st-new' })));
      await waitFor(() => expect(screen.queryByRole('region', { name: 'Not taken yet' })).not.toBeInTheDocument());
      expect(within(within(annaLane).getByRole('region', { name: 'Car selection' })).getAllByRole('article').map((article) => article.getAttribute('aria-label'))).toEqual([
        'Deal D-1001',
        'Deal D-1002',
      ]);
    });
  });
});
