import { setupStore } from '../../app/store';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { deal, signedInAsAnna } from '../../test/fixtures';
import { myDayApi } from '../my-day/my-day-api';
import { dealPageApi } from './deal-page-api';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('deal page API', () => {
  it('refreshes My day when a deadline is set, resolved or the deal parked, as the deal may now belong there or not', async () => {
    const maria = deal({ id: 'd1', code: 'D-1', stageId: 'st-test-drive' });
    const fetchMock = mockFetch(async (request) => {
      const path = pathOf(request);
      if (path.startsWith('/api/my-day')) return jsonResponse({ now: '', until: '', tasks: [], deadlines: [], tasksTotal: 0, deadlinesTotal: 0 });
      if (path === '/api/deals/d1/follow-up') return jsonResponse(maria);
      return jsonResponse({ id: 'dl1', dealId: 'd1', dueAt: '2026-12-01T10:00:00.000Z', outcome: null, note: null, resolvedAt: null, resolvedBy: null, createdAt: '', createdBy: null });
    });
    const store = setupStore({ auth: signedInAsAnna });
    store.dispatch(myDayApi.endpoints.getMyDay.initiate({ until: '2026-11-24T23:59:59.999Z' }));
    await settle();
    const myDayFetches = () => requestsOf(fetchMock).filter((request) => pathOf(request).startsWith('/api/my-day')).length;
    expect(myDayFetches()).toBe(1);

    await store.dispatch(dealPageApi.endpoints.setDeadline.initiate({ deal: maria, dueAt: '2026-12-01T10:00:00.000Z' }));
    await settle();
    expect(myDayFetches()).toBe(2);
    await store.dispatch(dealPageApi.endpoints.resolveDeadline.initiate({ deal: maria, deadlineId: 'dl1', outcome: 'contacted' }));
    await settle();
    expect(myDayFetches()).toBe(3);
    await store.dispatch(dealPageApi.endpoints.setFollowUp.initiate({ deal: maria, until: '2027-02-01T00:00:00.000Z' }));
    await settle();
    expect(myDayFetches()).toBe(4);
  });
});
