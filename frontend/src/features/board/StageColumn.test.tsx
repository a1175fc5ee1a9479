import type { ReactNode } from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FunnelDto } from '@autofunnel/shared';
import { board, borisRef, card, column, funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { cachedBoard, dealIdsIn, directoryAnswer, renderInBoard } from '../../test/render-board';
import { useAppSelector } from '../../app/store';
import { boardApi } from './board-api';
import { BoardContext, useBoardContext } from './board-context';
import type { BoardArgs, LiveBoard } from './board-view';
import { formatAmount } from './format';
import { StageColumn } from './StageColumn';

const [unassigned, selection, testDrive] = funnel.stages;

function serve(handler: (request: Request, path: string) => Response | Promise<Response> | null = () => null) {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    const answer = (await handler(request, path)) ?? directoryAnswer(path);
    return answer ?? jsonResponse({ statusCode: 404, message: `No route ${path}`, error: 'Not Found' }, 404);
  });
}

const columnRegion = (name: string) => screen.getByRole('region', { name });

describe('StageColumn', () => {
  const a = card('a', selection.id, 'a1', { code: 'D-1', amount: 1000 });
  const b = card('b', selection.id, 'a2', { code: 'D-2', amount: 2500, sourceId: 'src-web' });
  const start = board({ 'st-selection': { deals: [a, b] }, 'st-test-drive': { deals: [card('c', testDrive.id, 'a1', { code: 'D-3' })] } });

  it('shows the stage, its count and sum, and its cards with their source names', async () => {
    serve();
    await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);
    const region = columnRegion('Car selection');
    expect(within(region).getByText('2 deals')).toBeInTheDocument();
    expect(within(region).getByText(formatAmount(3500))).toBeInTheDocument();
    expect(within(region).getAllByRole('article').map((article) => article.getAttribute('aria-label'))).toEqual(['Deal D-1', 'Deal D-2']);
    expect(await within(region).findByText('Website')).toBeInTheDocument();
  });

  it('says so when the stage is empty', async () => {
    serve();
    const empty = board({});
    await renderInBoard(<StageColumn stage={testDrive} column={column(empty, testDrive.id)} />, empty);
    expect(within(columnRegion('Test drive')).getByText('No deals here')).toBeInTheDocument();
  });

  it('renders only the cards in view of a long column (virtualised) and loads the next page', async () => {
    const many = Array.from({ length: 50 }, (_, index) => card(`m${index}`, selection.id, `a${String(index).padStart(3, '0')}`, { code: `D-${index}` }));
    const long = board({ 'st-selection': { deals: many, count: 400, nextCursor: 'cursor-50' } });
    const more = Array.from({ length: 3 }, (_, index) => card(`n${index}`, selection.id, `b${index}`, { code: `D-N${index}` }));
    const fetchMock = serve((_request, path) => (path.startsWith(`/api/stages/${selection.id}/deals`) ? jsonResponse({ items: more, nextCursor: 'cursor-53' }) : null));

    const { store } = await renderInBoard(<StageColumn stage={selection} column={column(long, selection.id)} />, long);
    const shown = within(columnRegion('Car selection')).getAllByRole('article');
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(20);

    // scrolled to the end: the next page is fetched and added to the cached board
    const scroller = columnRegion('Car selection').querySelector('.stage-column__body')!;
    Object.defineProperty(scroller, 'clientHeight', { value: 720, configurable: true });
    scroller.scrollTop = 50 * 126 - 700;
    fireEvent.scroll(scroller);

    await waitFor(() => expect(dealIdsIn(cachedBoard(store, long), selection.id)).toHaveLength(53));
    const pageRequest = requestsOf(fetchMock).find((request) => pathOf(request).startsWith('/api/stages/'));
    expect(pathOf(pageRequest!)).toBe(`/api/stages/${selection.id}/deals?cursor=cursor-50&status=open&limit=50`);
    expect(column(cachedBoard(store, long), selection.id).nextCursor).toBe('cursor-53');
  });

  it('moves a card with "Move to…" at once, then sends the move with the version it saw', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = serve((_request, path) => (path === '/api/deals/a/move' ? new Promise<Response>((resolve) => (answer = resolve)) : null));
    const { store } = await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);

    fireEvent.click(screen.getByRole('button', { name: 'Move D-1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Test drive' }));

    // optimistic: already moved in the cache, counts and sums too
    await waitFor(() => expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['a', 'c']));
    expect(column(cachedBoard(store, start), selection.id)).toMatchObject({ count: 1, amountSum: 2500 });
    const request = requestsOf(fetchMock).find((candidate) => pathOf(candidate) === '/api/deals/a/move')!;
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ stageId: testDrive.id, version: 1 });

    answer(jsonResponse({ ...a, stageId: testDrive.id, position: 'a0', version: 2 }));
    await waitFor(() => expect(column(cachedBoard(store, start), testDrive.id).deals[0]).toMatchObject({ id: 'a', version: 2, position: 'a0' }));
  });

  it('sends the neighbours for "Down one place"', async () => {
    const fetchMock = serve((_request, path) => (path === '/api/deals/a/move' ? jsonResponse({ ...a, position: 'a3', version: 2 }) : null));
    await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);
    fireEvent.click(screen.getByRole('button', { name: 'Move D-1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Down one place' }));
    await waitFor(() => expect(requestsOf(fetchMock).some((request) => pathOf(request) === '/api/deals/a/move')).toBe(true));
    const request = requestsOf(fetchMock).find((candidate) => pathOf(candidate) === '/api/deals/a/move')!;
    expect(await request.json()).toEqual({ stageId: selection.id, beforeId: 'b', version: 1 });
  });

  it('puts the card back and says why when the server refuses the move', async () => {
    serve((_request, path) =>
      path === '/api/deals/a/move'
        ? jsonResponse({ statusCode: 403, message: 'This deal belongs to another manager; ask them or a team lead to reassign it', error: 'Forbidden' }, 403)
        : null,
    );
    const { store } = await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);
    fireEvent.click(screen.getByRole('button', { name: 'Move D-1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Test drive' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('D-1 was not moved. This deal belongs to another manager');
    expect(dealIdsIn(cachedBoard(store, start), selection.id)).toEqual(['a', 'b']);
    expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['c']);
    expect(column(cachedBoard(store, start), selection.id)).toMatchObject({ count: 2, amountSum: 3500 });
  });

  it('has no "Move to…" on the lost deals board', async () => {
    serve();
    const lost = board({ 'st-selection': { deals: [{ ...a, status: 'lost' }] } }, { view: 'lost' });
    await renderInBoard(<StageColumn stage={selection} column={column(lost, selection.id)} />, lost);
    expect(screen.queryByRole('button', { name: /Move .* to…/ })).not.toBeInTheDocument();
  });
});

describe('Take into work', () => {
  const untaken = card('u', unassigned.id, 'a0', { code: 'D-7', amount: null });
  const start = board({ 'st-new': { deals: [untaken] }, 'st-selection': { deals: [card('a', selection.id, 'a1')] } });

  it("shows the server's message when someone else was faster (409)", async () => {
    serve((request, path) =>
      path === '/api/deals/u/take' && request.method === 'POST'
        ? jsonResponse({ statusCode: 409, error: 'Conflict', message: 'Already taken into work by Anna Smirnova', responsible: borisRef }, 409)
        : null,
    );
    await renderInBoard(<StageColumn stage={unassigned} column={column(start, unassigned.id)} />, start);

    fireEvent.click(screen.getByRole('button', { name: 'Take into work' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Already taken into work by Anna Smirnova');
    expect(screen.getByRole('button', { name: 'Take into work' })).toBeEnabled();
  });

  it('moves the deal to the first open stage with the caller responsible when it wins', async () => {
    const taken = { ...untaken, stageId: selection.id, position: 'a0', version: 2, responsible: { id: 'me', name: 'Anna Petrova' } };
    serve((_request, path) => (path === '/api/deals/u/take' ? jsonResponse(taken) : null));
    const { store } = await renderInBoard(<StageColumn stage={unassigned} column={column(start, unassigned.id)} />, start);

    fireEvent.click(screen.getByRole('button', { name: 'Take into work' }));
    await waitFor(() => expect(dealIdsIn(cachedBoard(store, start), selection.id)).toEqual(['u', 'a']));
    expect(column(cachedBoard(store, start), unassigned.id).count).toBe(0);
  });
});

/** The board as the cache holds it now (re-rendering as it changes). */
function useCachedBoard(args: BoardArgs): LiveBoard | undefined {
  return useAppSelector((state) => boardApi.endpoints.getBoard.select(args)(state).data);
}

/** A change to the cached board from elsewhere (as a live event would make it). */
const boardApiPatch = (start: LiveBoard, recipe: (draft: LiveBoard) => void) => boardApi.util.updateQueryData('getBoard', { funnelId: start.funnel.id, view: start.view }, recipe);

/** The board with win probabilities and a rotting limit on its open stages. */
function withRules(start: LiveBoard, rules: Record<string, Partial<FunnelDto['stages'][number]>>): LiveBoard {
  return { ...start, funnel: { ...start.funnel, stages: start.funnel.stages.map((stage) => ({ ...stage, ...rules[stage.id] })) } };
}

describe('column header figures', () => {
  const a = card('a', selection.id, 'a1', { code: 'D-1', amount: 1000 });
  const b = card('b', selection.id, 'a2', { code: 'D-2', amount: 2500 });
  const rules = { 'st-selection': { winProbability: 10, rotAfterDays: 14 }, 'st-test-drive': { winProbability: 50 } };

  it('shows the sum weighted by the stage probability, and the rotten count as a filter toggle', async () => {
    serve();
    const start = withRules(board({ 'st-selection': { deals: [a, b], rottenCount: 3, count: 12, amountSum: 40000 } }), rules);
    const { context } = await renderInBoard(<StageColumn stage={start.funnel.stages[1]} column={column(start, selection.id)} />, start);
    const region = columnRegion('Car selection');
    expect(within(region).getByText('12 deals')).toBeInTheDocument();
    expect(within(region).getByText('10%')).toBeInTheDocument();
    expect(within(region).getByText(formatAmount(4000))).toBeInTheDocument();

    const rotten = within(region).getByRole('button', { name: '3 rotten' });
    expect(rotten).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(rotten);
    expect(context.changeFilter).toHaveBeenCalledWith({ rotten: true });
  });

  it('shows the rotten toggle pressed while the filter is on, and turns it off', async () => {
    serve();
    const start = withRules(board({ 'st-selection': { deals: [a], rottenCount: 1 } }, { filter: { rotten: true } }), rules);
    const { context } = await renderInBoard(<StageColumn stage={start.funnel.stages[1]} column={column(start, selection.id)} />, start, {
      boardFilter: { rotten: true, sourceId: 'src-web' },
    });
    const rotten = screen.getByRole('button', { name: '1 rotten' });
    expect(rotten).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(rotten);
    expect(context.changeFilter).toHaveBeenCalledWith({ rotten: false, sourceId: 'src-web' });
  });

  it('has no weighted line without a probability, and no rotten badge without rotten deals', async () => {
    serve();
    const start = board({ 'st-selection': { deals: [a, b] } });
    await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);
    expect(screen.queryByText(/Weighted/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /rotten/ })).not.toBeInTheDocument();
  });

  it('keeps the weighted sums right as a card moves (worked out from the sums)', async () => {
    serve((_request, path) => (path === '/api/deals/a/move' ? new Promise<Response>(() => undefined) : null));
    const start = withRules(board({ 'st-selection': { deals: [a, b] }, 'st-test-drive': { deals: [] } }), rules);
    const [, selectionStage, testDriveStage] = start.funnel.stages;
    function Columns() {
      const { args } = useBoardContext();
      const live = useCachedBoard(args);
      if (!live) return null;
      return (
        <>
          <StageColumn stage={selectionStage} column={column(live, selection.id)} />
          <StageColumn stage={testDriveStage} column={column(live, testDrive.id)} />
        </>
      );
    }
    await renderInBoard(<Columns />, start);
    expect(within(await screen.findByRole('region', { name: 'Car selection' })).getByText(formatAmount(350))).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Move D-1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Test drive' }));
    await waitFor(() => expect(within(columnRegion('Test drive')).getByText('1 deal')).toBeInTheDocument());
    expect(within(columnRegion('Car selection')).getByText(formatAmount(250))).toBeInTheDocument();
    expect(within(columnRegion('Test drive')).getByText('50%')).toBeInTheDocument();
    expect(within(columnRegion('Test drive')).getByText(formatAmount(500))).toBeInTheDocument();
  });
});

describe('a move refused by a stage rule', () => {
  const a = card('a', selection.id, 'a1', { code: 'D-1', amount: 1000 });
  const b = card('b', selection.id, 'a2', { code: 'D-2', amount: 2500 });
  const c = card('c', selection.id, 'a3', { code: 'D-3', amount: 100 });
  const start = board({ 'st-selection': { deals: [a, b, c] }, 'st-test-drive': { deals: [card('t', testDrive.id, 'a1', { code: 'D-9' })] } });
  const refusal = {
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: 'Cannot move to "Test drive": fill in vehicle of interest, an active offer first',
    stageId: testDrive.id,
    missing: ['vehicleInterest', 'offer'],
  };

  it('puts the card back exactly where it was and names what is missing, with a link to the deal', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = serve((_request, path) => (path === '/api/deals/b/move' ? new Promise<Response>((resolve) => (answer = resolve)) : null));
    const { store } = await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);

    fireEvent.click(screen.getByRole('button', { name: 'Move D-2 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Test drive' }));
    await waitFor(() => expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['b', 't']));

    answer(jsonResponse(refusal, 422));
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('D-2 was not moved. Cannot move to "Test drive": fill in vehicle of interest, an active offer first');
    expect(within(toast).getByRole('link', { name: 'Open deal' })).toHaveAttribute('href', '/deals/b');

    // back in the middle of its column, figures as before
    expect(dealIdsIn(cachedBoard(store, start), selection.id)).toEqual(['a', 'b', 'c']);
    expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['t']);
    expect(column(cachedBoard(store, start), selection.id)).toMatchObject({ count: 3, amountSum: 3600 });
    expect(column(cachedBoard(store, start), testDrive.id)).toMatchObject({ count: 1, amountSum: 1000 });
    expect(cachedBoard(store, start).columns.find((col) => col.stageId === selection.id)!.deals[1]).toEqual(b);
    // nothing changed on the server: the board is not fetched again
    expect(requestsOf(fetchMock).filter((request) => pathOf(request).includes('/board'))).toEqual([]);
  });

  it('keeps what changed live meanwhile', async () => {
    let answer: (response: Response) => void = () => undefined;
    serve((_request, path) => (path === '/api/deals/b/move' ? new Promise<Response>((resolve) => (answer = resolve)) : null));
    const { store } = await renderInBoard(<StageColumn stage={selection} column={column(start, selection.id)} />, start);

    fireEvent.click(screen.getByRole('button', { name: 'Move D-2 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Test drive' }));
    await waitFor(() => expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['b', 't']));
    // someone adds a deal to Test drive before the refusal arrives
    act(() => {
      store.dispatch(
        boardApiPatch(start, (draft) => {
          const target = draft.columns.find((col) => col.stageId === testDrive.id)!;
          target.deals.push(card('n', testDrive.id, 'a5', { code: 'D-10' }));
          target.count += 1;
        }),
      );
    });

    answer(jsonResponse(refusal, 422));
    await screen.findByRole('alert');
    expect(dealIdsIn(cachedBoard(store, start), selection.id)).toEqual(['a', 'b', 'c']);
    expect(dealIdsIn(cachedBoard(store, start), testDrive.id)).toEqual(['t', 'n']);
  });
});

describe('swimlanes', () => {
  const a = card('a', selection.id, 'a1', { code: 'D-1' });
  const b = card('b', selection.id, 'a2', { code: 'D-2' });
  const start = board({ 'st-selection': { deals: [a, b] } });

  function InLane({ laneKey, children }: { laneKey: string; children: ReactNode }) {
    const context = useBoardContext();
    return (
      <div role="group" aria-label={laneKey}>
        <BoardContext.Provider value={{ ...context, laneKey }}>{children}</BoardContext.Provider>
      </div>
    );
  }

  const dataTransfer = () => {
    const data: Record<string, string> = {};
    return { dropEffect: 'move', effectAllowed: 'all', files: [], items: [], types: [], setData: (key: string, value: string) => (data[key] = value), getData: (key: string) => data[key], setDragImage: () => undefined };
  };

  function drag(card: Element, target: Element) {
    const transfer = dataTransfer();
    const at = { dataTransfer: transfer, clientX: 20, clientY: 40 };
    fireEvent.dragStart(card, at);
    fireEvent.dragEnter(target, at);
    fireEvent.dragOver(target, at);
    fireEvent.drop(target, at);
    fireEvent.dragEnd(card, at);
  }

  it('moves a card to another stage of its own lane, and refuses a drop into another lane', async () => {
    const fetchMock = serve((_request, path) => (path.endsWith('/move') ? jsonResponse({ ...a, stageId: testDrive.id, version: 2 }) : null));
    await renderInBoard(
      <>
        <InLane laneKey="responsible:anna">
          <StageColumn stage={selection} column={column(start, selection.id)} />
          <StageColumn stage={testDrive} column={column(start, testDrive.id)} />
        </InLane>
        <InLane laneKey="responsible:boris">
          <StageColumn stage={testDrive} column={column(start, testDrive.id)} />
        </InLane>
      </>,
      start,
    );
    const moves = () => requestsOf(fetchMock).filter((request) => pathOf(request).endsWith('/move'));
    const bodyIn = (lane: string) => within(screen.getByRole('group', { name: lane })).getByRole('region', { name: 'Test drive' }).querySelector('.stage-column__body')!;
    const cardRow = (code: string) => screen.getByRole('article', { name: `Deal ${code}` }).closest('.card-row')!;

    drag(cardRow('D-1'), bodyIn('responsible:boris'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(moves()).toEqual([]);

    drag(cardRow('D-1'), bodyIn('responsible:anna'));
    await waitFor(() => expect(moves().map(pathOf)).toEqual(['/api/deals/a/move']));
    expect(await moves()[0].json()).toMatchObject({ stageId: testDrive.id });
  });
});

describe('speed to lead on the board', () => {
  it('ticks the countdown every 30 seconds', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-23T10:14:00.000Z'), doNotFake: ['queueMicrotask'] });
    try {
      serve();
      const request = card('r', 'st-new', 'a0', { code: 'D-7', responsible: null, amount: null, stageEnteredAt: '2026-11-23T10:00:00.000Z' });
      const start = { ...board({ 'st-new': { deals: [request] } }), funnel: { ...funnel, slaWarnMinutes: 15, slaEscalateMinutes: 30 } };
      await renderInBoard(<StageColumn stage={start.funnel.stages[0]} column={column(start, 'st-new')} />, start);
      const timer = () => screen.getByText(/min left|escalated/).closest('.sla-timer');
      expect(timer()).toHaveTextContent('16 min left');
      expect(timer()).toHaveClass('sla-timer--ok');

      await act(() => jest.advanceTimersByTimeAsync(30_000));
      expect(timer()).toHaveTextContent('16 min left');
      await act(() => jest.advanceTimersByTimeAsync(30_000));
      expect(timer()).toHaveTextContent('15 min left');
      expect(timer()).toHaveClass('sla-timer--warn');

      await act(() => jest.advanceTimersByTimeAsync(15 * 60_000));
      expect(timer()).toHaveTextContent('escalated just now');
      expect(timer()).toHaveClass('sla-timer--escalated');
    } finally {
      jest.useRealTimers();
    }
  });
});
