import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { NoteDialog } from './NoteDialog';
import { apiError, bodyOf, changesSent, mariasDeal, renderSignedIn, serveApi } from './test-support';

describe('NoteDialog', () => {
  it('adds the note with Ctrl+Enter', async () => {
    const fetchMock = serveApi({ 'POST /api/deals/deal-1/notes': () => jsonResponse({ ...mariasDeal, version: 2 }) });
    const onClose = jest.fn();
    renderSignedIn(<NoteDialog dealId={mariasDeal.id} onClose={onClose} />);

    const note = screen.getByLabelText('Note');
    expect(note).toHaveFocus();
    fireEvent.change(note, { target: { value: '  Wants to come back with her husband on Saturday ' } });
    fireEvent.keyDown(note, { key: 'Enter' });
    expect(changesSent(fetchMock)).toEqual([]);
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/notes')).toEqual({ text: 'Wants to come back with her husband on Saturday' });
    expect(await screen.findByText('Note added to the timeline.')).toBeInTheDocument();
  });

  it('adds it with ⌘+Enter too, and says why the server refused it', async () => {
    serveApi({ 'POST /api/deals/deal-1/notes': () => apiError(403, 'Only Boris Ivanov (the responsible manager), a team lead or an admin can change deal D-1042') });
    const onClose = jest.fn();
    renderSignedIn(<NoteDialog dealId={mariasDeal.id} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Called back' } });
    fireEvent.keyDown(screen.getByLabelText('Note'), { key: 'Enter', metaKey: true });

    expect(await screen.findByRole('alert')).toHaveTextContent('Only Boris Ivanov (the responsible manager), a team lead or an admin can change deal D-1042');
    expect(screen.getByLabelText('Note')).toHaveValue('Called back');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('does not send an empty note, and closes with Escape', () => {
    const fetchMock = serveApi({});
    const onClose = jest.fn();
    renderSignedIn(<NoteDialog dealId={mariasDeal.id} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByLabelText('Note')).toHaveAccessibleDescription(/Write the note first\./);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    expect(changesSent(fetchMock)).toEqual([]);
  });
});
