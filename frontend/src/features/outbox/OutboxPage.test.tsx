import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { MessageDto, MessageStatus } from '@autofunnel/shared';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';
import { OutboxPage } from './OutboxPage';

const as = (role: 'admin' | 'lead' | 'manager'): AuthState => ({ ...signedInAsAnna, user: { ...signedInAsAnna.user!, role } });

function message(overrides: Partial<MessageDto> & Pick<MessageDto, 'id' | 'subject' | 'status'>): MessageDto {
  return {
    dealId: 'd-ivan',
    deal: { id: 'd-ivan', code: 'D-1001', title: 'Octavia for Ivan' },
    to: 'ivan@example.com',
    body: 'Please find the quote attached.',
    offerId: null,
    error: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    sentAt: null,
    createdBy: { id: 'u-boris', name: 'Boris Ivanov' },
    ...overrides,
  };
}

const quote = message({ id: 'm-quote', subject: 'Your quote for the Octavia', status: 'outbox' });
const reminder = message({
  id: 'm-reminder',
  subject: 'Test drive tomorrow',
  status: 'failed',
  error: 'The mail server refused the login; check the user and password in SMTP_URL',
  dealId: 'd-maria',
  deal: { id: 'd-maria', code: 'D-1002', title: 'RAV4 for Maria' },
  to: 'maria@example.com',
});
const thanks = message({ id: 'm-thanks', subject: 'Thank you', status: 'sent', sentAt: '2026-11-21T10:00:00.000Z' });

type Answer = (request: Request, path: string) => Response | null;

function serve(answer: Answer = () => null) {
  const messages: Record<MessageStatus, MessageDto[]> = { outbox: [quote], failed: [reminder], sent: [thanks] };
  return mockFetch((request) => {
    const path = pathOf(request);
    const special = answer(request, path);
    if (special) return special;
    const url = new URL(request.url);
    if (url.pathname === '/api/messages') return jsonResponse({ items: messages[url.searchParams.get('status') as MessageStatus], nextCursor: null });
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

function openOutbox(auth: AuthState = as('lead'), path = '/outbox') {
  renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <OutboxPage />
      <Toasts />
    </MemoryRouter>,
    { auth },
  );
}

const rowOf = async (subject: string) => (await screen.findByRole('rowheader', { name: new RegExp(`^${subject}`) })).closest('tr')!;

describe('OutboxPage', () => {
  it('explains the outbox and shows each status on its tab', async () => {
    const fetchMock = serve();
    openOutbox();

    expect(screen.getByText('Emails to customers wait here when no mail server is set up.')).toBeInTheDocument();
    const quoteRow = await rowOf('Your quote for the Octavia');
    expect(quoteRow).toHaveTextContent('ivan@example.com');
    expect(quoteRow).toHaveTextContent('by Boris Ivanov');
    expect(within(quoteRow).getByRole('link', { name: 'D-1001' })).toHaveAttribute('href', '/deals/d-ivan');
    expect(within(quoteRow).getByText('Waiting')).toHaveClass('status-pill');
    expect(screen.getByRole('button', { name: 'Waiting' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Failed' }));
    const reminderRow = await rowOf('Test drive tomorrow');
    expect(reminderRow).toHaveTextContent('The mail server refused the login; check the user and password in SMTP_URL');
    expect(within(reminderRow).getByRole('button', { name: /^Send now/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Sent' }));
    const thanksRow = await rowOf('Thank you');
    expect(within(thanksRow).queryByRole('button', { name: /^Send now/ })).not.toBeInTheDocument();

    expect(requestsOf(fetchMock).map(pathOf)).toEqual(['/api/messages?status=outbox&limit=50', '/api/messages?status=failed&limit=50', '/api/messages?status=sent&limit=50']);
  });

  it('explains that mail needs SMTP_URL when the server has none (422)', async () => {
    const fetchMock = serve((request) =>
      request.method === 'POST'
        ? jsonResponse({ statusCode: 422, message: 'Email is not set up on this server: set SMTP_URL (e.g. smtps://user:password@mail.example.com:465) to send messages from the outbox', error: 'Unprocessable Entity' }, 422)
        : null,
    );
    openOutbox(as('admin'));

    fireEvent.click(within(await rowOf('Your quote for the Octavia')).getByRole('button', { name: 'Send now “Your quote for the Octavia” to ivan@example.com' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('“Your quote for the Octavia” was not sent: no mail server is set up. Set SMTP_URL to send mail; until then the message waits here.');
    expect(requestsOf(fetchMock).filter((request) => request.method === 'POST').map(pathOf)).toEqual(['/api/messages/m-quote/send']);
    expect(await rowOf('Your quote for the Octavia')).toBeInTheDocument();
  });

  it('says why the mail server did not take a message (502)', async () => {
    serve((request) =>
      request.method === 'POST'
        ? jsonResponse({ statusCode: 502, message: 'The mail server could not be reached (ECONNREFUSED); check SMTP_URL and that the server is up', error: 'Bad Gateway' }, 502)
        : null,
    );
    openOutbox(as('lead'), '/outbox?status=failed');

    fireEvent.click(within(await rowOf('Test drive tomorrow')).getByRole('button', { name: /^Send now/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The mail server did not take “Test drive tomorrow”: The mail server could not be reached (ECONNREFUSED); check SMTP_URL and that the server is up. It is kept under Failed to send again.',
    );
  });

  it('sends a message now and shows the list as it is then', async () => {
    let sent = false;
    const fetchMock = serve((request, path) => {
      if (request.method === 'POST') {
        sent = true;
        return jsonResponse({ ...reminder, status: 'sent', error: null, sentAt: '2026-11-23T10:00:00.000Z' });
      }
      if (sent && path.startsWith('/api/messages?status=failed')) return jsonResponse({ items: [], nextCursor: null });
      return null;
    });
    openOutbox(as('lead'), '/outbox?status=failed');

    fireEvent.click(within(await rowOf('Test drive tomorrow')).getByRole('button', { name: /^Send now/ }));

    expect(await screen.findByText('Sent “Test drive tomorrow” to maria@example.com.')).toBeInTheDocument();
    expect(await screen.findByText('No message has failed')).toBeInTheDocument();
    await waitFor(() => expect(requestsOf(fetchMock).filter((request) => pathOf(request).startsWith('/api/messages?status=failed'))).toHaveLength(2));
  });

  it('tells a manager that the outbox is for team leads and administrators, and asks nothing', async () => {
    const fetchMock = serve();
    openOutbox(as('manager'));
    expect(screen.getByText('Only team leads and administrators see the outbox')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toEqual([]);
  });
});
