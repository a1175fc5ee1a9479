import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { board, borisRef, card, column, funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { cachedBoard, dealIdsIn, directoryAnswer, renderInBoard } from '../../test/render-board';
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
