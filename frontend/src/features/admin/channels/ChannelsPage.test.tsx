import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChannelDto, ChannelWithKeyDto } from '@autofunnel/shared';
import { App } from '../../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../../test/fetch-mock';
import { service, showroom, signedInAsAnna } from '../../../test/fixtures';
import { renderWithStore } from '../../../test/render-with-store';
import type { AuthState } from '../../auth/auth-slice';

const admin: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' } };
const sources = [
  { id: 'src-web', name: 'Website' },
  { id: 'src-phone', name: 'Phone call' },
];

const branches = [
  { id: 'br-north', name: 'North' },
  { id: 'br-south', name: 'South' },
];

const websiteForm: ChannelDto = {
  id: 'ch-web',
  name: 'Website: test-drive form',
  kind: 'web',
  funnelId: showroom.id,
  sourceId: 'src-web',
  branchId: null,
  mergeRepeatRequests: true,
  rateLimitPerMinute: 120,
  apiKeyPrefix: 'af_3k9x',
  active: true,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: '2026-11-20T09:30:00.000Z',
};

const serviceHotline: ChannelDto = {
  ...websiteForm,
  id: 'ch-phone',
  name: 'Service hotline',
  kind: 'phone',
  funnelId: service.id,
  sourceId: null,
  mergeRepeatRequests: false,
  apiKeyPrefix: 'af_p7q2',
  active: false,
  lastUsedAt: null,
};

type Answer = (request: Request, path: string) => Response | null | Promise<Response | null>;

/** The API of an admin: the lists, plus `answer` for the request under test. */
function serve(answer: Answer = () => null, channels: ChannelDto[] = [websiteForm, serviceHotline]) {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    const special = await answer(request, path);
    if (special) return special;
    if (path === '/api/channels' && request.method === 'GET') return jsonResponse(channels);
    if (path === '/api/funnels') return jsonResponse([showroom, service]);
    if (path === '/api/sources') return jsonResponse(sources);
    if (path === '/api/branches') return jsonResponse(branches);
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

/** The requests of `method` to paths starting with `path` (bodies parsed). */
async function sentTo(fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) {
  await waitFor(() => expect(requestsOf(fetchMock).some((request) => request.method === method && pathOf(request).startsWith(path))).toBe(true));
  const request = requestsOf(fetchMock).find((candidate) => candidate.method === method && pathOf(candidate).startsWith(path))!;
  const text = await request.text();
  return { path: pathOf(request), body: text ? JSON.parse(text) : null };
}

function openPage(path: string, auth = admin) {
  window.history.pushState({}, '', path);
  return renderWithStore(<App />, { auth });
}

const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name })).closest('tr')!;

async function openAddDialog() {
  const add = await screen.findByRole('button', { name: 'Add channel' });
  await waitFor(() => expect(add).toBeEnabled());
  fireEvent.click(add);
  return screen.getByRole('dialog', { name: 'Add channel' });
}

function setClipboard(clipboard: Partial<Clipboard> | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

afterEach(() => setClipboard(undefined));

describe('ChannelsPage', () => {
  it('lists the channels with their funnel, source, branch, key prefix and state', async () => {
    serve();
    openPage('/admin/channels');

    const web = await rowOf('Website: test-drive form');
    await waitFor(() => expect(within(web).getByText('Website')).toBeInTheDocument());
    expect(within(web).getByText('Car showroom')).toBeInTheDocument();
    expect(within(web).getByText('Website form')).toBeInTheDocument();
    expect(within(web).getByText('af_3k9x…')).toBeInTheDocument();
    expect(within(web).getByText('Merged')).toBeInTheDocument();
    expect(within(web).getByText('Active')).toBeInTheDocument();

    const phone = await rowOf('Service hotline');
    expect(phone).toHaveTextContent(/Phone line\s*Service\s*None\s*Any\s*af_p7q2…\s*New deal\s*Off\s*Never/);

    expect(screen.getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Channels' })).toHaveAttribute('aria-current', 'page');
  });

  it('says what channels are for when there are none', async () => {
    serve(() => null, []);
    openPage('/admin/channels');
    expect(await screen.findByText('No channels yet — add one for each phone line, web form or partner that sends you leads')).toBeInTheDocument();
  });

  it('adds a channel, then shows its key once, with a copy button and a curl example', async () => {
    const created: ChannelWithKeyDto = { ...serviceHotline, id: 'ch-new', name: 'AutoScout24 leads', kind: 'partner', sourceId: 'src-phone', mergeRepeatRequests: true, apiKeyPrefix: 'af_n3wk', active: true, apiKey: 'af_n3wk_9Yc2LmQ7rT4vX8' };
    const fetchMock = serve((request, path) => (path === '/api/channels' && request.method === 'POST' ? jsonResponse(created, 201) : null));
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    openPage('/admin/channels');

    const dialog = await openAddDialog();
    expect(within(dialog).getByLabelText('Merge repeat requests')).toBeChecked();
    expect(within(dialog).getByText(/added to that deal instead of opening another/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '  AutoScout24 leads ' } });
    fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'partner' } });
    fireEvent.change(within(dialog).getByLabelText('Funnel'), { target: { value: service.id } });
    fireEvent.change(within(dialog).getByLabelText('Source'), { target: { value: 'src-phone' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }));

    expect(await sentTo(fetchMock, 'POST', '/api/channels')).toEqual({
      path: '/api/channels',
      body: { name: 'AutoScout24 leads', kind: 'partner', funnelId: service.id, sourceId: 'src-phone', mergeRepeatRequests: true },
    });

    const panel = await screen.findByRole('region', { name: 'API key of “AutoScout24 leads”' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(panel).getByText('af_n3wk_9Yc2LmQ7rT4vX8')).toBeInTheDocument();
    expect(panel).toHaveTextContent('It will not be shown again');
    expect(panel.querySelector('pre')!.textContent).toBe(
      [
        "curl -X POST 'http://localhost/api/intake/forms' \\",
        "  -H 'Content-Type: application/json' \\",
        "  -H 'X-Api-Key: af_n3wk_9Yc2LmQ7rT4vX8' \\",
        `  -d '{"name":"Maria Gonzalez","phone":"+1 212 555 2368","vehicleInterest":"Toyota RAV4"}'`,
      ].join('\n'),
    );

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(await within(panel).findByText('Copied.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('af_n3wk_9Yc2LmQ7rT4vX8');

    fireEvent.click(within(panel).getByRole('button', { name: 'I have saved the key' }));
    expect(screen.queryByText('af_n3wk_9Yc2LmQ7rT4vX8')).not.toBeInTheDocument();
  });

  it('rotates a key only after confirming, then shows the new key', async () => {
    const rotated: ChannelWithKeyDto = { ...websiteForm, apiKeyPrefix: 'af_r0t8', apiKey: 'af_r0t8_Zq5pWn1kHs3d' };
    const fetchMock = serve((request, path) => (path === '/api/channels/ch-web/rotate-key' && request.method === 'POST' ? jsonResponse(rotated) : null));
    openPage('/admin/channels');

    fireEvent.click(within(await rowOf('Website: test-drive form')).getByRole('button', { name: 'Rotate key Website: test-drive form' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the key of “Website: test-drive form”?' });
    expect(dialog).toHaveTextContent('the old key stops working at once');
    expect(requestsOf(fetchMock).some((request) => request.method === 'POST')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    expect((await sentTo(fetchMock, 'POST', '/api/channels/')).path).toBe('/api/channels/ch-web/rotate-key');
    const panel = await screen.findByRole('region', { name: 'API key of “Website: test-drive form”' });
    expect(within(panel).getByText('af_r0t8_Zq5pWn1kHs3d')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // no clipboard (a page not served over https): say how to copy instead
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(await within(panel).findByText(/select the key and copy it by hand/)).toBeInTheDocument();
  });

  it.each([
    { statusCode: 409, message: 'There is already a channel named "Service hotline"; choose another name', error: 'Conflict' },
    { statusCode: 400, message: 'funnelId must be an id (UUID)', error: 'Bad Request', fields: { funnelId: ['funnelId must be an id (UUID)'] } },
  ])('shows the server refusing a channel ($statusCode) in plain words and keeps the form open', async (refusal) => {
    const fetchMock = serve((request, path) => (path === '/api/channels' && request.method === 'POST' ? jsonResponse(refusal, refusal.statusCode) : null));
    openPage('/admin/channels');

    const dialog = await openAddDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the channel a name');

    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Service hotline' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add channel' }));
    // no source chosen: none is sent; the first funnel is the default
    expect((await sentTo(fetchMock, 'POST', '/api/channels')).body).toEqual({ name: 'Service hotline', kind: 'web', funnelId: showroom.id, mergeRepeatRequests: true });
    expect(await within(dialog).findByText(refusal.message)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add channel' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /API key/ })).not.toBeInTheDocument();
  });

  it('edits a channel, sending only what changed', async () => {
    const fetchMock = serve(async (request, path) =>
      path === '/api/channels/ch-phone' && request.method === 'PATCH' ? jsonResponse({ ...serviceHotline, ...(await request.clone().json()) }) : null,
    );
    openPage('/admin/channels');

    fireEvent.click(within(await rowOf('Service hotline')).getByRole('button', { name: 'Edit Service hotline' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit “Service hotline”' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Service hotline');
    expect(within(dialog).getByLabelText('Active')).not.toBeChecked();
    fireEvent.change(within(dialog).getByLabelText('Source'), { target: { value: 'src-phone' } });
    fireEvent.click(within(dialog).getByLabelText('Active'));
    fireEvent.change(within(dialog).getByLabelText('Requests per minute'), { target: { value: '0' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Requests per minute must be a whole number of 1 or more.');
    fireEvent.change(within(dialog).getByLabelText('Requests per minute'), { target: { value: '30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await sentTo(fetchMock, 'PATCH', '/api/channels/')).toEqual({ path: '/api/channels/ch-phone', body: { sourceId: 'src-phone', active: true, rateLimitPerMinute: 30 } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('routes a channel’s requests to a branch, and shows it in the table', async () => {
    const fetchMock = serve(async (request, path) =>
      path === '/api/channels/ch-web' && request.method === 'PATCH' ? jsonResponse({ ...websiteForm, ...(await request.clone().json()) }) : null,
      [websiteForm, { ...serviceHotline, branchId: 'br-south' }],
    );
    openPage('/admin/channels');

    const hotline = await rowOf('Service hotline');
    await waitFor(() => expect(hotline).toHaveTextContent('South'));
    expect(await rowOf('Website: test-drive form')).toHaveTextContent('Any');

    fireEvent.click(within(await rowOf('Website: test-drive form')).getByRole('button', { name: 'Edit Website: test-drive form' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit “Website: test-drive form”' });
    const branch = within(dialog).getByLabelText('Branch');
    expect(branch).toHaveValue('');
    expect(within(dialog).getByText(/Requests from this channel go to this branch/)).toBeInTheDocument();
    fireEvent.change(branch, { target: { value: 'br-north' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await sentTo(fetchMock, 'PATCH', '/api/channels/')).toEqual({ path: '/api/channels/ch-web', body: { branchId: 'br-north' } });
  });

  it('deletes a channel after confirming', async () => {
    const fetchMock = serve((request) => (request.method === 'DELETE' ? new Response(null, { status: 204 }) : null));
    openPage('/admin/channels');

    fireEvent.click(within(await rowOf('Service hotline')).getByRole('button', { name: 'Delete Service hotline' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Service hotline”?' });
    expect(dialog).toHaveTextContent('Its key stops working at once');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete channel' }));

    expect((await sentTo(fetchMock, 'DELETE', '/api/channels/')).path).toBe('/api/channels/ch-phone');
    expect(await screen.findByText('Channel “Service hotline” deleted.')).toBeInTheDocument();
  });

  it('opens the channels for /admin', async () => {
    serve();
    openPage('/admin');
    expect(await screen.findByRole('heading', { name: 'Advertising channels', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/admin/channels');
  });

  it('tells a non-admin that only administrators manage channels, and asks the API nothing about them', async () => {
    const fetchMock = serve();
    openPage('/admin/channels', signedInAsAnna);

    expect(await screen.findByText('Only administrators can open the admin pages')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add channel' })).not.toBeInTheDocument();
    expect(requestsOf(fetchMock).some((request) => pathOf(request).startsWith('/api/channels'))).toBe(false);
  });
});
