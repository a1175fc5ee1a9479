import { setupStore } from '../../app/store';
import { jsonResponse, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { api } from '../../app/api';
import { dealsApi } from '../deals/deals-api';
import { stockApi } from '../stock/stock-api';
import { dealActionsApi, fileNameOf } from './deal-actions-api';
import { apiError, mariasDeal, octavia, offer, serveApi, task } from './test-support';

/** How often each GET path was asked for. */
const getCounts = (fetchMock: ReturnType<typeof serveApi>) =>
  requestsOf(fetchMock)
    .filter((request) => request.method === 'GET')
    .reduce<Record<string, number>>((counts, request) => ({ ...counts, [pathOf(request)]: (counts[pathOf(request)] ?? 0) + 1 }), {});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function watchedStore(fetchMock: ReturnType<typeof serveApi>) {
  const store = setupStore({ auth: signedInAsAnna });
  store.dispatch(dealsApi.endpoints.getDeal.initiate(mariasDeal.id));
  store.dispatch(dealsApi.endpoints.getDealEvents.initiate(mariasDeal.id));
  store.dispatch(dealActionsApi.endpoints.getDealOffers.initiate(mariasDeal.id));
  store.dispatch(dealActionsApi.endpoints.getDealTasks.initiate(mariasDeal.id));
  store.dispatch(dealActionsApi.endpoints.searchStockVehicles.initiate({ q: '', status: 'in_stock' }));
  return { store, counts: () => getCounts(fetchMock) };
}

function serveDeal(routes: Parameters<typeof serveApi>[0]) {
  return serveApi({
    'GET /api/deals/deal-1': () => jsonResponse(mariasDeal),
    'GET /api/deals/deal-1/events': () => jsonResponse([]),
    'GET /api/deals/deal-1/offers': () => jsonResponse([]),
    'GET /api/deals/deal-1/tasks': () => jsonResponse([]),
    'GET /api/vehicles': () => jsonResponse({ items: [octavia], nextCursor: null, total: 1 }),
    ...routes,
  });
}

describe('deal actions API', () => {
  it("refreshes the offers, the deal, its timeline and the stock after an offer, but not the deal's other lists", async () => {
    const fetchMock = serveDeal({ 'POST /api/deals/deal-1/offers': () => jsonResponse(offer(), 201) });
    const { store, counts } = watchedStore(fetchMock);
    await settle();
    await store.dispatch(dealActionsApi.endpoints.createOffer.initiate({ dealId: mariasDeal.id, vehicleId: octavia.id }));
    await settle();
    expect(counts()).toEqual({
      '/api/deals/deal-1': 2,
      '/api/deals/deal-1/events': 2,
      '/api/deals/deal-1/offers': 2,
      '/api/deals/deal-1/tasks': 1,
      '/api/vehicles?status=in_stock&limit=8': 2,
    });
  });

  it('refreshes the vehicle pickers when a vehicle is added to the stock', async () => {
    const fetchMock = serveDeal({ 'POST /api/vehicles': () => jsonResponse(octavia, 201) });
    const { store, counts } = watchedStore(fetchMock);
    await settle();
    await store.dispatch(stockApi.endpoints.createVehicle.initiate({ vin: octavia.vin, make: 'Skoda', model: 'Octavia', year: 2021, price: 23950 }));
    await settle();
    expect(counts()['/api/vehicles?status=in_stock&limit=8']).toBe(2);
  });

  it('refreshes only the stock after a 409 (the vehicle was sold meanwhile), and nothing after a 400', async () => {
    let status = 409;
    const fetchMock = serveDeal({ 'POST /api/deals/deal-1/offers': () => apiError(status, 'refused') });
    const { store, counts } = watchedStore(fetchMock);
    await settle();
    await store.dispatch(dealActionsApi.endpoints.createOffer.initiate({ dealId: mariasDeal.id, vehicleId: octavia.id }));
    await settle();
    status = 400;
    await store.dispatch(dealActionsApi.endpoints.createOffer.initiate({ dealId: mariasDeal.id, vehicleId: octavia.id }));
    await settle();
    expect(counts()).toMatchObject({ '/api/deals/deal-1': 1, '/api/deals/deal-1/offers': 1, '/api/vehicles?status=in_stock&limit=8': 2 });
  });

  it('refreshes the tasks (and the deal) after completing one', async () => {
    const fetchMock = serveDeal({ 'POST /api/tasks/task-1/complete': () => jsonResponse(task({ doneAt: '2026-11-05T10:00:00.000Z' })) });
    const { store, counts } = watchedStore(fetchMock);
    await settle();
    await store.dispatch(dealActionsApi.endpoints.completeTask.initiate({ task: task() }));
    await settle();
    expect(counts()).toMatchObject({ '/api/deals/deal-1': 2, '/api/deals/deal-1/events': 2, '/api/deals/deal-1/tasks': 2, '/api/deals/deal-1/offers': 1 });
  });

  it("lets the deal page refresh one deal's records by its tags (a live event)", async () => {
    const fetchMock = serveDeal({});
    const { store, counts } = watchedStore(fetchMock);
    await settle();
    store.dispatch(api.util.invalidateTags([{ type: 'Offer', id: mariasDeal.id }, { type: 'Task', id: 'another-deal' }]));
    await settle();
    expect(counts()).toMatchObject({ '/api/deals/deal-1/offers': 2, '/api/deals/deal-1/tasks': 1 });
  });
});

describe('fileNameOf', () => {
  it.each([
    ['attachment; filename="quote-D-1042.pdf"', 'quote-D-1042.pdf'],
    [`attachment; filename="Vertrag M_ller.pdf"; filename*=UTF-8''Vertrag%20M%C3%BCller.pdf`, 'Vertrag Müller.pdf'],
    ['attachment; filename=plain.docx', 'plain.docx'],
    [`attachment; filename="fallback.pdf"; filename*=UTF-8''broken%E0%A4%A.pdf`, 'fallback.pdf'],
    ['attachment', null],
    [null, null],
  ])('reads %s', (header, expected) => {
    expect(fileNameOf(header)).toBe(expected);
  });
});
