/** A fake API and a router around the deal page, for its tests. */
import type { DeadlineDto, DealDto, DealEventDto, LinkedContactDto, LostReasonDto } from '@autofunnel/shared';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Toasts } from '../../components/Toasts';
import { annaRef, borisRef, card, funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { directoryAnswer } from '../../test/render-board';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';
import { DealPage } from './DealPage';

export { annaRef, borisRef, funnel };

export const maria = { id: 'c-maria', name: 'Maria Lebedeva', kind: 'person' as const, phones: ['+79991234567'], emails: ['maria@example.com'] };

/** Anna's deal with Maria, in "Car selection". */
export const mariasDeal: DealDto = card('d1', 'st-selection', 'a0', {
  code: 'D-1042',
  title: 'Kia Sportage for Maria',
  contact: maria,
  responsible: annaRef,
  type: 'internet_lead',
  sourceId: 'src-web',
  channel: 'Website form',
  amount: 28500,
  tradeInCount: 1,
  testDriveCount: 2,
  offerCount: 0,
  version: 3,
});

export const lostReasons: LostReasonDto[] = [
  { id: 'lr-2', name: 'Bought elsewhere', position: 2 },
  { id: 'lr-1', name: 'Went quiet after the test drive', position: 1 },
];

export const branches = [
  { id: 'branch-north', name: 'North showroom' },
  { id: 'branch-south', name: 'South showroom' },
];

export function event(seq: number, type: string, data: Record<string, unknown> = {}, at = `2026-11-2${Math.min(seq, 9)}T10:00:00.000Z`): DealEventDto {
  return { seq, type, at, actor: annaRef, data };
}

export function deadline(overrides: Partial<DeadlineDto> & Pick<DeadlineDto, 'id' | 'dueAt'>): DeadlineDto {
  return { dealId: 'd1', outcome: null, note: null, resolvedAt: null, resolvedBy: null, createdAt: '2026-11-20T10:00:00.000Z', createdBy: annaRef, ...overrides };
}

export interface FakeApi {
  deal: DealDto;
  events: DealEventDto[];
  deadlines: DeadlineDto[];
  linked: LinkedContactDto[];
}

type Handler = (request: Request, path: string, api: FakeApi) => Response | null;

/**
 * Answers the deal page's requests from `api` (which a test may change as the server would);
 * `handler` answers first, e.g. for the request under test.
 */
export function serveDealPage(handler: Handler = () => null, start: Partial<FakeApi> = {}) {
  const api: FakeApi = {
    deal: mariasDeal,
    events: [event(1, 'deal.created', { stageId: 'st-new', responsibleId: null })],
    deadlines: [],
    linked: [{ contact: maria, role: null, primary: true }],
    ...start,
  };
  const fetchMock = mockFetch((request) => {
    const path = pathOf(request);
    const answer = handler(request, path, api) ?? directoryAnswer(path);
    if (answer) return answer;
    if (request.method === 'GET') {
      if (path === '/api/deals/d1') return jsonResponse(api.deal);
      if (path === '/api/deals/d1/events') return jsonResponse(api.events);
      if (path === '/api/deals/d1/deadlines') return jsonResponse(api.deadlines);
      if (path === '/api/deals/d1/contacts') return jsonResponse(api.linked);
      if (path === '/api/funnels') return jsonResponse([funnel]);
      if (path === '/api/lost-reasons') return jsonResponse(lostReasons);
      if (path === '/api/branches') return jsonResponse(branches);
      if (path === `/api/contacts/${maria.id}`) {
        return jsonResponse({ ...maria, createdAt: mariasDeal.createdAt, updatedAt: mariasDeal.createdAt, customerNumber: null, convertedAt: null, deals: [api.deal] });
      }
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
  return { fetchMock, api };
}

/** The requests sent to `path` (with `method`), oldest first. */
export function requestsTo(fetchMock: ReturnType<typeof mockFetch>, method: string, path: string): Request[] {
  return requestsOf(fetchMock).filter((request) => request.method === method && pathOf(request) === path);
}

/** Where the app is (path and query), to check navigation. */
function Location() {
  const location = useLocation();
  return <output aria-label="Location">{location.pathname + location.search}</output>;
}

/** The deal page at `path`, signed in as Anna unless `auth` says otherwise. */
export function renderDealPage(path = '/deals/d1', auth: AuthState = signedInAsAnna) {
  return renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/deals/:dealId" element={<DealPage />} />
        <Route path="/funnels/:funnelId" element={<p>The board</p>} />
      </Routes>
      <Location />
      <Toasts />
    </MemoryRouter>,
    { auth },
  );
}

export const asLead: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'lead' } };
