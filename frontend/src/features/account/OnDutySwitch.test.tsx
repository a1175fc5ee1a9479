import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { MeDto } from '@autofunnel/shared';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { OnDutySwitch } from './OnDutySwitch';

const me: MeDto = { ...anna, phoneExtension: null, active: true, onDuty: false, maxOpenDeals: null, openDealCount: 0, createdAt: '2026-11-01T10:00:00.000Z' };

/** GET and PATCH /api/me; `refuse` makes the PATCH fail. */
function serveMe(refuse = false) {
  let current = me;
  return mockFetch(async (request) => {
    if (pathOf(request) !== '/api/me') return jsonResponse({ statusCode: 404, message: 'No route', error: 'Not Found' }, 404);
    if (request.method === 'GET') return jsonResponse(current);
    if (refuse) return jsonResponse({ statusCode: 503, message: 'The database is restarting', error: 'Service Unavailable' }, 503);
    current = { ...current, ...(await request.clone().json()) };
    return jsonResponse(current);
  });
}

const patches = (fetchMock: ReturnType<typeof mockFetch>) =>
  Promise.all(
    requestsOf(fetchMock)
      .filter((request) => request.method === 'PATCH')
      .map((request) => request.clone().json()),
  );

describe('OnDutySwitch', () => {
  it('lets a manager go on and off duty', async () => {
    const fetchMock = serveMe();
    renderWithStore(<OnDutySwitch />, { auth: signedInAsAnna });

    const toggle = await screen.findByRole('switch', { name: 'On duty' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(toggle);
    // flips at once, before the server answers
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await waitFor(async () => expect(await patches(fetchMock)).toEqual([{ onDuty: true }]));

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    await waitFor(async () => expect(await patches(fetchMock)).toEqual([{ onDuty: true }, { onDuty: false }]));
  });

  it('flips back and says why when the server refuses', async () => {
    serveMe(true);
    const { store } = renderWithStore(<OnDutySwitch />, { auth: signedInAsAnna });

    const toggle = await screen.findByRole('switch', { name: 'On duty' });
    fireEvent.click(toggle);
    await waitFor(() => expect(store.getState().toasts.map((toast) => toast.text)).toEqual(['Could not go on duty. The database is restarting']));
    expect(toggle).toHaveAttribute('aria-checked', 'false');
  });

  it('is not shown to team leads and admins, who receive no distributed deals', () => {
    for (const role of ['lead', 'admin'] as const) {
      const fetchMock = serveMe();
      const { container, unmount } = renderWithStore(<OnDutySwitch />, { auth: { ...signedInAsAnna, user: { ...anna, role } } });
      expect(container).toBeEmptyDOMElement();
      expect(requestsOf(fetchMock)).toEqual([]);
      unmount();
    }
  });
});
