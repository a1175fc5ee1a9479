import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { anna } from '../../test/fixtures';
import { TaskDialog } from './TaskDialog';
import { apiError, bodyOf, changesSent, localIso, mariasDeal, renderSignedIn, serveApi, task, vera } from './test-support';

const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('TaskDialog', () => {
  it('plans a meeting with its end, participants, branch and priority; the assignee is me unless changed', async () => {
    const fetchMock = serveApi({ 'POST /api/deals/deal-1/tasks': () => jsonResponse(task({ kind: 'meeting' }), 201) });
    const onClose = jest.fn();
    renderSignedIn(<TaskDialog deal={mariasDeal} kind="meeting" onClose={onClose} />);

    expect(screen.getByRole('dialog', { name: 'Plan a meeting' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveFocus();
    expect(screen.getByLabelText('Title')).toHaveValue('Meeting with Maria Jansen');
    expect(await screen.findByRole('option', { name: 'Anna Petrova (me)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Assignee')).toHaveValue(anna.id);

    set('Day', '2099-05-02');
    set('Start', '11:00');
    expect(screen.getByLabelText('End')).toHaveValue('12:00');
    set('End', '12:30');
    const participants = screen.getByRole('group', { name: 'Participants' });
    fireEvent.click(within(participants).getByLabelText('Vera Lead'));
    expect(within(participants).queryByLabelText('Anna Petrova')).not.toBeInTheDocument();
    // Boris, another manager, cannot see Anna's deal: he is not offered
    expect(within(participants).queryByLabelText('Boris Ivanov')).not.toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Boris Ivanov' })).not.toBeInTheDocument();
    fireEvent.change(await screen.findByLabelText('Branch'), { target: { value: 'branch-north' } });
    set('Priority', 'high');
    set('Notes', 'Bring the financing papers');
    fireEvent.click(screen.getByRole('button', { name: 'Add meeting' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/tasks')).toEqual({
      kind: 'meeting',
      title: 'Meeting with Maria Jansen',
      dueAt: localIso('2099-05-02', '11:00'),
      endsAt: localIso('2099-05-02', '12:30'),
      assigneeId: anna.id,
      participantIds: [vera.id],
      branchId: 'branch-north',
      priority: 'high',
      notes: 'Bring the financing papers',
    });
  });

  it('plans a task for someone else, without a due time when the day is cleared', async () => {
    const fetchMock = serveApi({ 'POST /api/deals/deal-1/tasks': () => jsonResponse(task({ kind: 'task' }), 201) });
    const onClose = jest.fn();
    renderSignedIn(<TaskDialog deal={mariasDeal} kind="task" onClose={onClose} />);
    set('Title', 'Order the winter tyres');
    set('Due day', '');
    await screen.findByRole('option', { name: 'Vera Lead' });
    set('Assignee', vera.id);
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/tasks')).toEqual({ kind: 'task', title: 'Order the winter tyres', assigneeId: vera.id, priority: 'normal' });
  });

  it("shows the server's field errors next to the fields", async () => {
    serveApi({
      'POST /api/deals/deal-1/tasks': () => apiError(400, 'dueAt must be a valid ISO 8601 date string', { dueAt: ['dueAt must be a valid ISO 8601 date string'] }),
    });
    renderSignedIn(<TaskDialog deal={mariasDeal} kind="call" onClose={jest.fn()} />);
    expect(screen.getByLabelText('Title')).toHaveValue('Call Maria Jansen');
    fireEvent.click(screen.getByRole('button', { name: 'Add call' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(screen.getByLabelText('Due day')).toHaveAccessibleDescription(/dueAt must be a valid ISO 8601 date string/);
  });

  it('refuses a meeting that ends before it starts', () => {
    const fetchMock = serveApi({});
    renderSignedIn(<TaskDialog deal={mariasDeal} kind="meeting" onClose={jest.fn()} />);
    set('Start', '15:00');
    set('End', '14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add meeting' }));
    expect(screen.getByLabelText('End')).toHaveAccessibleDescription('The meeting must end after it starts.');
    expect(changesSent(fetchMock)).toEqual([]);
  });
});
