import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { board, card, funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { StageSettingsPanel } from './StageSettingsPanel';

const admin = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' as const } };
const current = board({ 'st-test-drive': { deals: [card('a', 'st-test-drive', 'a0')] } });

function renderPanel() {
  const fetchMock = mockFetch(async (request) => {
    const path = pathOf(request);
    if (request.method === 'PATCH') return jsonResponse({ ...funnel.stages[1], ...(await request.clone().json()) });
    if (request.method === 'PUT') return jsonResponse(funnel);
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    if (request.method === 'POST') return jsonResponse({ id: 'st-new-stage', name: 'Financing', color: '#42a5f5', kind: 'open', position: 3 }, 201);
    return jsonResponse({ statusCode: 404, message: `No route ${path}`, error: 'Not Found' }, 404);
  });
  renderWithStore(
    <DndProvider backend={HTML5Backend}>
      <StageSettingsPanel board={current} onClose={jest.fn()} />
    </DndProvider>,
    { auth: admin },
  );
  const sent = async (method: string) => {
    await waitFor(() => expect(requestsOf(fetchMock).some((request) => request.method === method)).toBe(true));
    const request = requestsOf(fetchMock).find((candidate) => candidate.method === method)!;
    return { path: pathOf(request), body: method === 'DELETE' ? null : await request.json() };
  };
  return { sent };
}

describe('StageSettingsPanel', () => {
  it('lists the stages; only the open ones can move or be deleted', () => {
    renderPanel();
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => (within(row).getAllByRole('textbox')[0] as HTMLInputElement).value)).toEqual(['Unassigned', 'Car selection', 'Test drive', 'Delivered']);
    expect(within(rows[0]).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(rows[3]).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move Car selection up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Test drive down' })).toBeDisabled();
  });

  it('renames a stage when the name field is left', async () => {
    const { sent } = renderPanel();
    const name = screen.getByLabelText('Name of stage 2');
    fireEvent.change(name, { target: { value: 'Choosing a car' } });
    fireEvent.blur(name);
    expect(await sent('PATCH')).toEqual({ path: '/api/stages/st-selection', body: { name: 'Choosing a car' } });
  });

  it('reorders with the arrow buttons (the keyboard alternative to dragging)', async () => {
    const { sent } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Move Car selection down' }));
    expect(await sent('PUT')).toEqual({
      path: `/api/funnels/${funnel.id}/stage-order`,
      body: { stageIds: ['st-new', 'st-test-drive', 'st-selection', 'st-delivered'] },
    });
  });

  it('deletes a stage, moving its deals to the stage chosen', async () => {
    const { sent } = renderPanel();
    const row = screen.getAllByRole('listitem')[2];
    expect(row).toHaveTextContent('1 deal');
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    fireEvent.change(within(row).getByLabelText('Move its deals to'), { target: { value: 'st-delivered' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Delete “Test drive”' }));
    expect((await sent('DELETE')).path).toBe('/api/stages/st-test-drive?moveDealsTo=st-delivered');
  });

  it('adds a stage after the one chosen', async () => {
    const { sent } = renderPanel();
    fireEvent.change(screen.getByLabelText('Name of the new stage'), { target: { value: 'Financing' } });
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'st-test-drive' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    const { path, body } = await sent('POST');
    expect(path).toBe(`/api/funnels/${funnel.id}/stages`);
    expect(body).toMatchObject({ name: 'Financing', afterStageId: 'st-test-drive' });
    expect(body.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('StageSettingsPanel: funnel settings and stage rules', () => {
  /** PATCHes answer with `refuse` when given, else as saved. */
  function renderSettings(refuse?: { status: number; message: string }) {
    const fetchMock = mockFetch(async (request) => {
      const path = pathOf(request);
      if (request.method === 'PATCH' && refuse) return jsonResponse({ statusCode: refuse.status, message: refuse.message, error: 'Unprocessable Entity' }, refuse.status);
      if (request.method === 'PATCH' && path === `/api/funnels/${funnel.id}`) return jsonResponse({ ...funnel, ...(await request.clone().json()) });
      if (request.method === 'PATCH') return jsonResponse({ ...funnel.stages[2], ...(await request.clone().json()) });
      return jsonResponse({ statusCode: 404, message: `No route ${path}`, error: 'Not Found' }, 404);
    });
    renderWithStore(
      <DndProvider backend={HTML5Backend}>
        <StageSettingsPanel board={current} onClose={jest.fn()} />
      </DndProvider>,
      { auth: admin },
    );
    const patches = async () => {
      await waitFor(() => expect(requestsOf(fetchMock).some((request) => request.method === 'PATCH')).toBe(true));
      return Promise.all(requestsOf(fetchMock).filter((request) => request.method === 'PATCH').map(async (request) => ({ path: pathOf(request), body: await request.json() })));
    };
    return { fetchMock, patches };
  }

  it('saves the distribution mode and the SLA minutes', async () => {
    const { patches } = renderSettings();
    const mode = screen.getByLabelText('Automatic distribution');
    expect(mode).toHaveValue('off');
    expect(screen.getByText(/New requests wait in the unassigned stage/)).toBeInTheDocument();

    fireEvent.change(mode, { target: { value: 'least_busy' } });
    expect(screen.getByText(/the fewest open deals/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Amber after (minutes)'), { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('Escalate after (minutes)'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await patches()).toEqual([{ path: `/api/funnels/${funnel.id}`, body: { distribution: 'least_busy', slaWarnMinutes: 15, slaEscalateMinutes: 30 } }]);
  });

  it('checks the minutes before sending, and shows the server’s refusal', async () => {
    const { fetchMock, patches } = renderSettings({ status: 422, message: 'slaEscalateMinutes must be at most 1440' });
    fireEvent.change(screen.getByLabelText('Amber after (minutes)'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Escalate after (minutes)'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('make “Amber after” shorter than “Escalate after”');
    expect(requestsOf(fetchMock)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Amber after (minutes)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Escalate after (minutes)'), { target: { value: '5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Could not save the settings. slaEscalateMinutes must be at most 1440')).toBeInTheDocument();
    expect((await patches())[0].body).toEqual({ slaEscalateMinutes: 5000 });
  });

  it('saves a stage’s win probability, rotting days and required fields as one PATCH', async () => {
    const { patches } = renderSettings();
    const row = screen.getAllByRole('listitem')[2];
    fireEvent.click(within(row).getByRole('button', { name: 'Rules of Test drive' }));
    const form = within(row).getByRole('form', { name: 'Rules of Test drive' });

    fireEvent.change(within(form).getByLabelText('Win probability (%)'), { target: { value: '25' } });
    fireEvent.change(within(form).getByLabelText('Rotten after (days)'), { target: { value: '7' } });
    // ticked in any order, sent in the list's order
    fireEvent.click(within(form).getByRole('checkbox', { name: 'A test drive' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Vehicle of interest' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save rules' }));

    expect(await patches()).toEqual([{ path: '/api/stages/st-test-drive', body: { winProbability: 25, rotAfterDays: 7, requiredFields: ['vehicleInterest', 'testDrive'] } }]);
    await waitFor(() => expect(within(row).queryByRole('form', { name: 'Rules of Test drive' })).not.toBeInTheDocument());
  });

  it('refuses a probability over 100 without asking the server, and shows the server’s refusal of the rest', async () => {
    const { fetchMock } = renderSettings({ status: 422, message: 'rotAfterDays must not be greater than 365' });
    const row = screen.getAllByRole('listitem')[1];
    fireEvent.click(within(row).getByRole('button', { name: 'Rules of Car selection' }));
    const form = within(row).getByRole('form', { name: 'Rules of Car selection' });

    fireEvent.change(within(form).getByLabelText('Win probability (%)'), { target: { value: '120' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rules' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Win probability: type a whole percentage from 0 to 100');
    expect(requestsOf(fetchMock)).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Win probability (%)'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Rotten after (days)'), { target: { value: '400' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rules' }));
    expect(await within(form).findByText('Could not save the rules. rotAfterDays must not be greater than 365')).toBeInTheDocument();
  });

  it('says a stage’s rules under its row, and offers no rotting on the won stage', () => {
    const ruled = board({});
    ruled.funnel = {
      ...funnel,
      stages: funnel.stages.map((stage) => (stage.id === 'st-test-drive' ? { ...stage, winProbability: 25, rotAfterDays: 1, requiredFields: ['vehicleInterest', 'offer'] } : stage)),
    };
    mockFetch(() => jsonResponse({}, 404));
    renderWithStore(
      <DndProvider backend={HTML5Backend}>
        <StageSettingsPanel board={ruled} onClose={jest.fn()} />
      </DndProvider>,
      { auth: admin },
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows[2]).toHaveTextContent('Win 25% · rotten after 1 day without activity · needs vehicle of interest, an active offer');
    fireEvent.click(within(rows[3]).getByRole('button', { name: 'Rules of Delivered' }));
    expect(within(rows[3]).queryByLabelText('Rotten after (days)')).not.toBeInTheDocument();
    expect(within(rows[3]).getByLabelText('Win probability (%)')).toBeInTheDocument();
  });
});
