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
