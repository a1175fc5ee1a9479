import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DealDto } from '@autofunnel/shared';
import { jsonResponse } from '../../test/fetch-mock';
import { formatDay } from '../deals/date-words';
import { annaRef, deadline, mariasDeal, renderDealPage, requestsTo, serveDealPage } from './test-support';

jest.mock('../deal-actions/DealActionBar', () => ({ DealActionBar: () => null }));
jest.mock('../deal-actions/DealRecords', () => ({ DealRecords: () => null }));

const HOUR = 3_600_000;
/** A datetime-local value `hours` from now (local time, as the input holds it). */
function inputIn(hours: number): string {
  const date = new Date(Date.now() + hours * HOUR);
  date.setSeconds(0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const dueSoon = new Date(Date.now() + 2 * HOUR).toISOString();
const openDeadline = deadline({ id: 'dl-2', dueAt: dueSoon });
const missed = deadline({
  id: 'dl-1',
  dueAt: '2026-11-20T12:00:00.000Z',
  outcome: 'not_contacted',
  note: 'No answer, voicemail full',
  resolvedAt: '2026-11-20T12:30:00.000Z',
  resolvedBy: annaRef,
});
const withDeadline: DealDto = { ...mariasDeal, deadlineAt: dueSoon };

const panel = () => screen.getByRole('tabpanel', { name: 'Follow-up' });

async function openTab(deal: DealDto = withDeadline, handler?: Parameters<typeof serveDealPage>[0]) {
  const served = serveDealPage(handler, { deal, deadlines: [openDeadline, missed] });
  renderDealPage('/deals/d1?tab=follow-up');
  await screen.findByRole('tabpanel', { name: 'Follow-up' });
  return served;
}

describe('FollowUpTab', () => {
  it('shows the open deadline counting down and the history of deadlines, newest first', async () => {
    await openTab();
    expect(within(panel()).getByText(/^(1h 59m|2h) left/)).toBeInTheDocument();
    const history = await within(panel()).findByRole('list', { name: 'Deadlines, newest first' });
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^Open · due/);
    expect(items[0]).toHaveTextContent('Set by Anna Petrova');
    expect(items[1]).toHaveTextContent(/^Not reached · due/);
    expect(items[1]).toHaveTextContent('No answer, voicemail full');
    expect(items[1]).toHaveTextContent('Anna Petrova,');
  });

  it('requires why the customer was not reached, and can set the next deadline in the same step', async () => {
    const { fetchMock } = await openTab(withDeadline, (_request, path) => (path === '/api/deadlines/dl-2/resolve' ? jsonResponse({ ...openDeadline, outcome: 'not_contacted' }) : null));
    const form = await within(panel()).findByRole('form', { name: 'Record the contact' });
    fireEvent.click(within(form).getByLabelText('Not reached'));
    fireEvent.click(within(form).getByRole('button', { name: 'Mark not reached' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Say why the customer was not reached');
    expect(requestsTo(fetchMock, 'POST', '/api/deadlines/dl-2/resolve')).toHaveLength(0);

    const next = inputIn(24);
    fireEvent.change(within(form).getByLabelText('Why not reached'), { target: { value: 'No answer' } });
    fireEvent.change(within(form).getByLabelText('Next contact by (optional)'), { target: { value: next } });
    fireEvent.click(within(form).getByRole('button', { name: 'Mark not reached' }));
    await waitFor(() => expect(requestsTo(fetchMock, 'POST', '/api/deadlines/dl-2/resolve')).toHaveLength(1));
    expect(await requestsTo(fetchMock, 'POST', '/api/deadlines/dl-2/resolve')[0].json()).toEqual({
      outcome: 'not_contacted',
      note: 'No answer',
      nextDueAt: new Date(next).toISOString(),
    });
    // the deal (its deadline) and the list are fetched again
    await waitFor(() => expect(requestsTo(fetchMock, 'GET', '/api/deals/d1/deadlines')).toHaveLength(2));
  });

  it('marks the customer contacted without a note', async () => {
    const { fetchMock } = await openTab(withDeadline, (_request, path) => (path === '/api/deadlines/dl-2/resolve' ? jsonResponse({ ...openDeadline, outcome: 'contacted' }) : null));
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Mark contacted' }));
    await waitFor(() => expect(requestsTo(fetchMock, 'POST', '/api/deadlines/dl-2/resolve')).toHaveLength(1));
    expect(await requestsTo(fetchMock, 'POST', '/api/deadlines/dl-2/resolve')[0].json()).toEqual({ outcome: 'contacted' });
  });

  it('moves the deadline, refusing a time in the past', async () => {
    const { fetchMock } = await openTab(withDeadline, (request, path) => (path === '/api/deals/d1/deadlines' && request.method === 'POST' ? jsonResponse(openDeadline) : null));
    const form = await within(panel()).findByRole('form', { name: 'Move the deadline' });
    const input = within(form).getByLabelText('Contact the customer by');
    fireEvent.change(input, { target: { value: inputIn(-3) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move the deadline' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose when to contact the customer in the future.');

    const later = inputIn(5);
    fireEvent.change(input, { target: { value: later } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move the deadline' }));
    expect(await within(form).findByText('Deadline saved.')).toBeInTheDocument();
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/deadlines')[0].json()).toEqual({ dueAt: new Date(later).toISOString() });
  });

  it('puts the deal out of view until a date (long-term follow-up)', async () => {
    const { fetchMock } = await openTab(withDeadline, (_request, path, api) => {
      if (path !== '/api/deals/d1/follow-up') return null;
      api.deal = { ...api.deal, followUpUntil: '2027-01-12T00:00:00.000Z', version: 4 };
      return jsonResponse(api.deal);
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Follow up later…' }));
    const form = within(panel()).getByRole('form', { name: 'Follow up later' });
    fireEvent.click(within(form).getByRole('button', { name: 'Put out of view' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose a date.');
    fireEvent.change(within(form).getByLabelText('Out of view until'), { target: { value: '2027-01-12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Put out of view' }));

    expect(await within(panel()).findByText(`Out of view until ${formatDay('2027-01-12T00:00:00.000Z')}.`)).toBeInTheDocument();
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/follow-up')[0].json()).toEqual({ until: new Date(2027, 0, 12).toISOString() });
  });

  it('brings a deal in long-term follow-up back now', async () => {
    const { fetchMock } = await openTab({ ...mariasDeal, followUpUntil: '2027-01-12T00:00:00.000Z', deadlineAt: null }, (_request, path, api) => {
      if (path !== '/api/deals/d1/follow-up') return null;
      api.deal = { ...api.deal, followUpUntil: null, deadlineAt: dueSoon, version: 4 };
      return jsonResponse(api.deal);
    });
    expect(within(panel()).queryByRole('form', { name: 'Record the contact' })).not.toBeInTheDocument();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Bring back now' }));
    expect(await within(panel()).findByRole('button', { name: 'Follow up later…' })).toBeInTheDocument();
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/follow-up')[0].json()).toEqual({ until: null });
  });
});
