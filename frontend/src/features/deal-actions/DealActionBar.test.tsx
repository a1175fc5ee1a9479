import { fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { DealActionBar } from './DealActionBar';
import { mariasDeal, renderSignedIn, serveApi, vera } from './test-support';

const quietApi = () =>
  serveApi({
    'GET /api/vehicles': () => jsonResponse({ items: [], nextCursor: null, total: 0 }),
    'GET /api/deals/deal-1/offers': () => jsonResponse([]),
  });

describe('DealActionBar', () => {
  it.each([
    ['Trade-in', 'Add a trade-in', 'Make'],
    ['Offer', 'Make an offer', 'Vehicle'],
    ['Test drive', 'Book a test drive', 'Vehicle'],
    ['Note', 'Add a note', 'Note'],
    ['Document', 'Upload a document', 'File'],
    ['Task', 'Add a task', 'Title'],
    ['Call', 'Plan a call', 'Title'],
    ['Meeting', 'Plan a meeting', 'Title'],
    ['Email', 'Email the customer', 'To'],
  ])('“%s” opens “%s” with the focus on its first field; Escape closes it', (button, title, firstField) => {
    quietApi();
    renderSignedIn(<DealActionBar deal={mariasDeal} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Deal actions' });
    const opener = within(toolbar).getByRole('button', { name: button });
    // as a real click (or Enter) would, the button has the focus when it is pressed
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: title });
    expect(within(dialog).getByLabelText(firstField)).toHaveFocus();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it("disables the actions on another manager's deal and says why", () => {
    renderSignedIn(<DealActionBar deal={{ ...mariasDeal, responsible: { id: 'user-boris', name: 'Boris Ivanov' } }} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Deal actions' });
    expect(toolbar).toHaveAccessibleDescription('Boris Ivanov works on this deal: only they, a team lead or an admin can add to it.');
    for (const button of within(toolbar).getAllByRole('button')) expect(button).toBeDisabled();
  });

  it('rules out offers and test drives on a closed deal, and says why', () => {
    renderSignedIn(<DealActionBar deal={{ ...mariasDeal, status: 'won' }} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Deal actions' });
    expect(toolbar).toHaveAccessibleDescription('The deal is won: reopen it to make an offer or book a test drive.');
    const disabled = within(toolbar)
      .getAllByRole('button')
      .filter((button) => (button as HTMLButtonElement).disabled)
      .map((button) => button.textContent);
    expect(disabled).toEqual(['Offer', 'Test drive']);
  });

  it("lets a team lead act on another manager's deal, and anyone on an untaken one", () => {
    const borisDeal = { ...mariasDeal, responsible: { id: 'user-boris', name: 'Boris Ivanov' } };
    const { unmount } = renderSignedIn(<DealActionBar deal={borisDeal} />, { token: 'token-of-vera', user: vera, notice: null });
    expect(screen.getByRole('button', { name: 'Offer' })).toBeEnabled();
    unmount();
    renderSignedIn(<DealActionBar deal={{ ...mariasDeal, responsible: null }} />);
    expect(screen.getByRole('button', { name: 'Offer' })).toBeEnabled();
  });
});
