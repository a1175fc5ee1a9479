import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { MyDayDto, MyDayTaskDto } from '@autofunnel/shared';
import { api } from '../../app/api';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, deal, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { MyDayPage } from './MyDayPage';

/** 10:00 local time: the clock of these tests. */
const NOW = new Date(2026, 10, 23, 10, 0).getTime();
const at = (hours: number, minutes = 0) => new Date(2026, 10, 23, hours, minutes).toISOString();
const annaRef = { id: anna.id, name: anna.name };

function task(overrides: Partial<MyDayTaskDto> & Pick<MyDayTaskDto, 'id' | 'title' | 'kind'>): MyDayTaskDto {
  return {
    dealId: 'd-1',
    deal: { id: 'd-1', code: 'D-1001', title: 'Octavia for Ivan', funnelId: 'funnel-showroom' },
    dueAt: null,
    endsAt: null,
    assignee: annaRef,
    participants: [],
    branchId: null,
    priority: 'normal',
    notes: null,
    doneAt: null,
    doneBy: null,
    result: null,
    createdAt: at(8),
    createdBy: annaRef,
    overdue: false,
    ...overrides,
  };
}

const callBack = task({ id: 't-call', kind: 'call', title: 'Call back Ivan', dueAt: at(8), priority: 'high', overdue: true });
const debrief = task({
  id: 't-meeting',
  kind: 'meeting',
  title: 'Test drive debrief',
  dueAt: at(14),
  endsAt: at(15),
  dealId: 'd-2',
  deal: { id: 'd-2', code: 'D-1002', title: 'RAV4 for Maria', funnelId: 'funnel-showroom' },
});
const brochure = task({ id: 't-brochure', kind: 'task', title: 'Send the brochure', priority: 'low' });

const olegsDeal = deal({ id: 'd-3', code: 'D-1003', stageId: 'st-new', title: 'Used Golf', contact: { id: 'c-3', name: 'Oleg Kuznetsov', kind: 'person', phones: [], emails: [] } });
const mariasDeal = deal({ id: 'd-4', code: 'D-1004', stageId: 'st-new', title: 'Kia Sportage', contact: { id: 'c-4', name: 'Maria Lebedeva', kind: 'person', phones: [], emails: [] } });

const fullDay: MyDayDto = {
  now: new Date(NOW).toISOString(),
  until: new Date(2026, 10, 23, 23, 59, 59, 999).toISOString(),
  // as the server may list them: the page orders them itself
  tasks: [debrief, brochure, callBack],
  deadlines: [
    { deadlineId: 'dl-4', deal: mariasDeal, dueAt: at(11, 30), overdue: false },
    { deadlineId: 'dl-3', deal: olegsDeal, dueAt: at(9, 30), overdue: true },
  ],
  tasksTotal: 3,
  deadlinesTotal: 2,
};

function openMyDay(answer: (request: Request, path: string) => Response | null = () => null, day: MyDayDto = fullDay) {
  const fetchMock = mockFetch((request) => {
    const path = pathOf(request);
    return answer(request, path) ?? (path.startsWith('/api/my-day?') ? jsonResponse(day) : jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404));
  });
  const rendered = renderWithStore(
    <MemoryRouter initialEntries={['/my-day']}>
      <Routes>
        <Route path="/my-day" element={<MyDayPage />} />
      </Routes>
      <Toasts />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
  return { fetchMock, ...rendered };
}

const myDayRequests = (fetchMock: ReturnType<typeof mockFetch>) => requestsOf(fetchMock).filter((request) => pathOf(request).startsWith('/api/my-day'));

const sectionNamed = (name: RegExp) => screen.getByRole('region', { name });
const itemsOf = (section: HTMLElement) => within(section).getAllByRole('listitem').map((item) => item.querySelector('.my-day-item__title')!.textContent);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('MyDayPage', () => {
  it('asks for everything due until the end of the local day, and shows overdue first, then today, then what has no time', async () => {
    const { fetchMock } = openMyDay();

    const overdue = await screen.findByRole('region', { name: /Overdue/ });
    expect(pathOf(myDayRequests(fetchMock)[0])).toBe(`/api/my-day?until=${encodeURIComponent(new Date(2026, 10, 23, 23, 59, 59, 999).toISOString())}`);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Overdue 2', 'Today 2', 'No due time 1']);

    // overdue: oldest first, in red
    expect(overdue).toHaveClass('my-day__section--overdue');
    expect(itemsOf(overdue)).toEqual(['Call back Ivan', 'Oleg Kuznetsov']);
    const call = within(overdue).getByRole('listitem', { name: 'Call: Call back Ivan' });
    expect(call).toHaveTextContent('Call');
    expect(call).toHaveTextContent('High priority');
    expect(within(call).getByText('Overdue 2h')).toHaveClass('text-danger');
    expect(within(call).getByRole('link', { name: 'D-1001' })).toHaveAttribute('href', '/deals/d-1');
    const olegsDeadline = within(overdue).getByRole('link', { name: /Oleg Kuznetsov/ });
    expect(olegsDeadline).toHaveAttribute('href', '/deals/d-3');
    expect(olegsDeadline).toHaveTextContent('D-1003');
    expect(within(olegsDeadline).getByText('Overdue 30m')).toHaveClass('text-danger');

    // today: by time, counting down
    const today = sectionNamed(/Today/);
    expect(today).not.toHaveClass('my-day__section--overdue');
    expect(itemsOf(today)).toEqual(['Maria Lebedeva', 'Test drive debrief']);
    expect(within(today).getByRole('link', { name: /Maria Lebedeva/ })).toHaveTextContent('1h 30m left');
    const meeting = within(today).getByRole('listitem', { name: 'Meeting: Test drive debrief' });
    expect(within(meeting).getByRole('link', { name: 'D-1002' })).toHaveAttribute('href', '/deals/d-2');
    expect(within(meeting).getByText('4h left')).not.toHaveClass('text-danger');

    const undated = sectionNamed(/No due time/);
    expect(itemsOf(undated)).toEqual(['Send the brochure']);
    expect(undated).toHaveTextContent('Low priority');
  });

  it('marks a task done and shows the day without it', async () => {
    let completed = false;
    const { fetchMock } = openMyDay((request, path) => {
      if (path === '/api/tasks/t-call/complete' && request.method === 'POST') {
        completed = true;
        return jsonResponse({ ...callBack, doneAt: new Date(NOW).toISOString(), doneBy: annaRef });
      }
      if (path.startsWith('/api/my-day?') && completed) return jsonResponse({ ...fullDay, tasks: [debrief, brochure], tasksTotal: 2 });
      return null;
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Done “Call back Ivan”' }));

    expect(await screen.findByText('Done: Call back Ivan.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Call: Call back Ivan' })).not.toBeInTheDocument());
    expect(itemsOf(sectionNamed(/Overdue/))).toEqual(['Oleg Kuznetsov']);
    const post = requestsOf(fetchMock).find((request) => request.method === 'POST')!;
    expect(await post.json()).toEqual({});
  });

  it('says why a task could not be marked done', async () => {
    openMyDay((request) => (request.method === 'POST' ? jsonResponse({ statusCode: 403, message: 'Only the deal’s responsible manager, a team lead or an admin can change it', error: 'Forbidden' }, 403) : null));

    fireEvent.click(await screen.findByRole('button', { name: 'Done “Test drive debrief”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not mark “Test drive debrief” done. Only the deal’s responsible manager, a team lead or an admin can change it');
    expect(screen.getByRole('listitem', { name: 'Meeting: Test drive debrief' })).toBeInTheDocument();
  });

  it('asks again when a task of one of its deals changes elsewhere', async () => {
    const { fetchMock, store } = openMyDay();
    await screen.findByRole('region', { name: /Overdue/ });
    expect(myDayRequests(fetchMock)).toHaveLength(1);

    // e.g. the meeting's deal page completed it
    store.dispatch(api.util.invalidateTags([{ type: 'Task', id: 'd-2' }]));
    await waitFor(() => expect(myDayRequests(fetchMock)).toHaveLength(2));
    store.dispatch(api.util.invalidateTags(['MyDay']));
    await waitFor(() => expect(myDayRequests(fetchMock)).toHaveLength(3));
  });

  it('asks again every minute, so new items come in and countdowns stay right', async () => {
    jest.restoreAllMocks();
    jest.useFakeTimers({ now: NOW });
    try {
      const { fetchMock } = openMyDay();
      await screen.findByRole('region', { name: /Overdue/ });
      expect(myDayRequests(fetchMock)).toHaveLength(1);

      await act(async () => jest.advanceTimersByTime(60_000));
      await waitFor(() => expect(myDayRequests(fetchMock)).toHaveLength(2));
      // a minute on, the meeting at 14:00 is 3h 59m away
      expect(within(screen.getByRole('listitem', { name: 'Meeting: Test drive debrief' })).getByText('3h 59m left')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when nothing is due', async () => {
    openMyDay(() => null, { ...fullDay, tasks: [], deadlines: [], tasksTotal: 0, deadlinesTotal: 0 });
    expect(await screen.findByText('Nothing due today')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });
});
