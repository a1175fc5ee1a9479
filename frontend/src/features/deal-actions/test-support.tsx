/** Fixtures and a fake API for the deal-actions tests. */
import type { ReactElement } from 'react';
import type { DocumentDto, MessageDto, OfferDto, TaskDto, TestDriveDto, TradeInDto, UserDto, VehicleDto } from '@autofunnel/shared';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, deal, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';

export const annaRef = { id: anna.id, name: anna.name };
export const boris: UserDto = { id: 'user-boris', name: 'Boris Ivanov', email: 'boris@demo.local', role: 'manager', branchId: 'branch-north' };
export const vera: UserDto = { id: 'user-vera', name: 'Vera Lead', email: 'vera@demo.local', role: 'lead', branchId: null };
export const team: UserDto[] = [anna, boris, vera];
export const branches = [
  { id: 'branch-north', name: 'North showroom' },
  { id: 'branch-south', name: 'South showroom' },
];

/** Anna's deal; Maria has one email address. */
export const mariasDeal = deal({
  id: 'deal-1',
  code: 'D-1042',
  stageId: 'st-test-drive',
  responsible: annaRef,
  contact: { id: 'c-maria', name: 'Maria Jansen', kind: 'person', phones: [], emails: ['maria@example.com', 'm.jansen@work.example'] },
  vehicleInterest: 'Skoda Octavia',
});

export function vehicle(overrides: Partial<VehicleDto> = {}): VehicleDto {
  return {
    id: 'veh-octavia',
    vin: 'TMBJJ7NE8L0123456',
    make: 'Skoda',
    model: 'Octavia',
    year: 2021,
    mileage: 32000,
    colour: 'Grey',
    price: 24500,
    status: 'in_stock',
    version: 1,
    createdAt: '2026-10-01T10:00:00.000Z',
    updatedAt: '2026-10-01T10:00:00.000Z',
    ...overrides,
  };
}

export const octavia = vehicle();
export const kodiaq = vehicle({ id: 'veh-kodiaq', vin: 'TMBLJ7NS4K8765432', model: 'Kodiaq', year: 2019, price: 31900, status: 'reserved', colour: null });

export function offer(overrides: Partial<OfferDto> = {}): OfferDto {
  return {
    id: 'offer-1',
    dealId: mariasDeal.id,
    vehicle: octavia,
    price: 24500,
    discount: 1500,
    total: 23000,
    // a date-only validity, as the API stores it: through the end of that day, UTC
    validUntil: '2099-06-30T23:59:59.999Z',
    status: 'active',
    notes: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export function testDrive(overrides: Partial<TestDriveDto> = {}): TestDriveDto {
  return {
    id: 'td-1',
    dealId: mariasDeal.id,
    vehicle: octavia,
    startsAt: '2026-11-20T09:00:00.000Z',
    endsAt: '2026-11-20T10:00:00.000Z',
    licenceChecked: true,
    status: 'scheduled',
    notes: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export function tradeIn(overrides: Partial<TradeInDto> = {}): TradeInDto {
  return {
    id: 'ti-1',
    dealId: mariasDeal.id,
    make: 'Volkswagen',
    model: 'Golf',
    year: 2015,
    vin: 'WVWZZZ1JZXW000001',
    mileage: 145000,
    appraisalValue: 6500,
    notes: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export function task(overrides: Partial<TaskDto> = {}): TaskDto {
  return {
    id: 'task-1',
    dealId: mariasDeal.id,
    deal: { id: mariasDeal.id, code: mariasDeal.code, title: mariasDeal.title, funnelId: mariasDeal.funnelId },
    kind: 'call',
    title: 'Call Maria about financing',
    dueAt: '2099-01-01T09:00:00.000Z',
    endsAt: null,
    assignee: annaRef,
    participants: [],
    branchId: null,
    priority: 'normal',
    notes: null,
    doneAt: null,
    doneBy: null,
    result: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export function documentRecord(overrides: Partial<DocumentDto> = {}): DocumentDto {
  return {
    id: 'doc-1',
    dealId: mariasDeal.id,
    title: 'Purchase contract',
    fileName: 'contract-signed.pdf',
    contentType: 'application/pdf',
    size: 245_760,
    createdAt: '2026-11-03T12:00:00.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export function message(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'msg-1',
    dealId: mariasDeal.id,
    deal: { id: mariasDeal.id, code: mariasDeal.code, title: mariasDeal.title },
    to: 'maria@example.com',
    subject: 'Our offer for the 2021 Skoda Octavia',
    body: 'Dear Maria',
    offerId: 'offer-1',
    status: 'sent',
    error: null,
    createdAt: '2026-11-03T12:00:00.000Z',
    sentAt: '2026-11-03T12:00:01.000Z',
    createdBy: annaRef,
    ...overrides,
  };
}

export const apiError = (status: number, text: string, fields?: Record<string, string[]>) =>
  jsonResponse({ statusCode: status, message: text, error: 'Error', ...(fields && { fields }) }, status);

type Route = (request: Request) => Response | Promise<Response>;

/**
 * A fake API: `routes` by "METHOD /api/path?query" (the query only when the route names one),
 * plus the users and branches every form asks for. Anything else is a 404, so a wrong URL fails.
 */
export function serveApi(routes: Record<string, Route>) {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    const withoutQuery = path.split('?')[0];
    const route = routes[`${request.method} ${path}`] ?? routes[`${request.method} ${withoutQuery}`];
    // a clone, so that the test can still read the body it was sent
    if (route) return route(request.clone());
    if (request.method === 'GET' && path === '/api/users') return jsonResponse(team);
    if (request.method === 'GET' && path === '/api/branches') return jsonResponse(branches);
    return apiError(404, `No route for ${request.method} ${path} in this test`);
  });
}

/** The requests sent other than GET, as "METHOD /path". */
export function changesSent(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return requestsOf(fetchMock)
    .filter((request) => request.method !== 'GET')
    .map((request) => `${request.method} ${pathOf(request)}`);
}

/** The JSON body of the one request sent as "METHOD /path". */
export async function bodyOf(fetchMock: ReturnType<typeof mockFetch>, methodAndPath: string): Promise<unknown> {
  const request = requestsOf(fetchMock).find((candidate) => `${candidate.method} ${pathOf(candidate)}` === methodAndPath);
  if (!request) throw new Error(`${methodAndPath} was not sent; sent: ${changesSent(fetchMock).join(', ') || 'nothing'}`);
  return request.json();
}

/** Renders `ui` with the app's toasts, signed in as Anna unless `auth` says otherwise. */
export function renderSignedIn(ui: ReactElement, auth: AuthState = signedInAsAnna) {
  return renderWithStore(
    <>
      {ui}
      <Toasts />
    </>,
    { auth },
  );
}

/** The local date and time inputs' way of saying a moment, as ISO (UTC). */
export const localIso = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();
