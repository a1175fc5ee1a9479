import { fireEvent, render, screen, within } from '@testing-library/react';
import { funnel, card, borisRef } from '../../test/board-fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { signedInAsAnna } from '../../test/fixtures';
import { DealCard } from './DealCard';

const now = Date.parse('2026-11-23T12:00:00.000Z');
const [unassigned, selection] = funnel.stages;

const deal = card('d1', selection.id, 'a0', {
  code: 'D-1042',
  contact: { id: 'c1', name: 'Maria Lebedeva', kind: 'person', phones: [], emails: [] },
  vehicleInterest: 'Toyota RAV4',
  responsible: borisRef,
  amount: 28500,
  createdAt: '2026-11-20T12:00:00.000Z',
  deadlineAt: '2026-11-23T14:15:00.000Z',
});

describe('DealCard', () => {
  it('shows the code, customer, car, responsible initials, source, age and time left', () => {
    render(<DealCard deal={deal} stage={selection} sourceName="Website" now={now} onOpen={jest.fn()} />);
    const article = screen.getByRole('article', { name: 'Deal D-1042' });
    expect(article).toHaveTextContent('D-1042');
    expect(within(article).getByRole('button', { name: 'Maria Lebedeva' })).toBeInTheDocument();
    expect(article).toHaveTextContent('Toyota RAV4');
    expect(within(article).getByLabelText('Responsible: Boris Ivanov')).toHaveTextContent('BI');
    expect(article).toHaveTextContent('Website');
    expect(article).toHaveTextContent('3d');
    const countdown = within(article).getByText('2h 15m left');
    expect(countdown).not.toHaveClass('deal-card__deadline--overdue');
    expect(within(article).queryByRole('button', { name: 'Take into work' })).not.toBeInTheDocument();
  });

  it('flags a deal whose customer got in touch again, until someone acts on it', () => {
    const { rerender } = render(<DealCard deal={{ ...deal, newRequestAt: '2026-11-23T11:40:00.000Z' }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(within(screen.getByRole('article', { name: 'Deal D-1042' })).getByText('New request')).toHaveClass('status-pill--new-request');
    rerender(<DealCard deal={{ ...deal, newRequestAt: null }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(screen.queryByText('New request')).not.toBeInTheDocument();
  });

  it('shows an overdue deadline in red', () => {
    render(<DealCard deal={{ ...deal, deadlineAt: '2026-11-23T09:00:00.000Z' }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(screen.getByText('Overdue 3h')).toHaveClass('deal-card__deadline--overdue');
  });

  it('says when no car is chosen and nobody works on it, and offers to take it in the unassigned stage', () => {
    const untaken = { ...deal, stageId: unassigned.id, responsible: null, vehicleInterest: null };
    renderWithStore(<DealCard deal={untaken} stage={unassigned} now={now} onOpen={jest.fn()} />, { auth: signedInAsAnna });
    expect(screen.getByText('No vehicle chosen yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Not taken into work yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take into work' })).toBeEnabled();
  });

  it('opens the deal on a click on the card, but not on its buttons', () => {
    const onOpen = jest.fn();
    const untaken = { ...deal, stageId: unassigned.id, responsible: null };
    renderWithStore(<DealCard deal={untaken} stage={unassigned} now={now} onOpen={onOpen} moveMenu={<button type="button">Menu</button>} />, {
      auth: signedInAsAnna,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Toyota RAV4'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Maria Lebedeva' }));
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('shows how many test drives and offers the deal has, only when it has some', () => {
    const { rerender } = render(<DealCard deal={{ ...deal, testDriveCount: 2, offerCount: 1 }} stage={selection} now={now} onOpen={jest.fn()} />);
    const counts = within(screen.getByRole('article', { name: 'Deal D-1042' })).getByRole('list', { name: 'Records' });
    expect(within(counts).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['2 test drives', '1 offer']);

    rerender(<DealCard deal={{ ...deal, testDriveCount: 0, offerCount: 3 }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(within(screen.getByRole('list', { name: 'Records' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['3 offers']);

    rerender(<DealCard deal={{ ...deal, testDriveCount: 0, offerCount: 0 }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(screen.queryByRole('list', { name: 'Records' })).not.toBeInTheDocument();
  });

  it('shows a lost deal with its reason and no countdown', () => {
    render(<DealCard deal={{ ...deal, status: 'lost', lostReason: 'Bought elsewhere' }} stage={selection} now={now} onOpen={jest.fn()} />);
    expect(screen.getByText('Lost: Bought elsewhere')).toBeInTheDocument();
    expect(screen.queryByText(/left$/)).not.toBeInTheDocument();
  });

  describe('speed to lead, rotting and reassignment', () => {
    const entered = Date.parse('2026-11-23T10:00:00.000Z');
    const at = (minutes: number) => entered + minutes * 60_000;
    const request = { ...deal, stageId: unassigned.id, responsible: null, deadlineAt: null, stageEnteredAt: new Date(entered).toISOString(), lastActivityAt: new Date(entered).toISOString() };
    const sla = { slaWarnMinutes: 15, slaEscalateMinutes: 30 };
    const renderRequest = (now: number) =>
      renderWithStore(<DealCard deal={request} stage={unassigned} sla={sla} now={now} onOpen={jest.fn()} />, { auth: signedInAsAnna });
    const timer = () => screen.getByText(/min left|escalated/).closest('.sla-timer');

    it('counts down normally before the warning, amber from it, red from the escalation, in words too', () => {
      const { unmount } = renderRequest(at(14));
      expect(timer()).toHaveTextContent('Speed to lead: 16 min left');
      expect(timer()).toHaveClass('sla-timer--ok');
      expect(screen.getByRole('article')).not.toHaveClass('deal-card--sla-warn');
      unmount();

      const warned = renderRequest(at(15));
      expect(timer()).toHaveTextContent('Speed to lead, running late: 15 min left');
      expect(timer()).toHaveClass('sla-timer--warn');
      expect(screen.getByRole('article')).toHaveClass('deal-card--sla-warn');
      warned.unmount();

      renderRequest(at(35));
      expect(timer()).toHaveTextContent('Speed to lead, past the limit: escalated 5 min ago');
      expect(timer()).toHaveClass('sla-timer--escalated');
      expect(screen.getByRole('article')).toHaveClass('deal-card--sla-escalated');
    });

    it('shows no countdown once the deal is taken, or when the funnel has no SLA', () => {
      render(<DealCard deal={{ ...request, stageId: selection.id, responsible: borisRef }} stage={selection} sla={sla} now={at(40)} onOpen={jest.fn()} />);
      expect(screen.queryByText(/min left|escalated/)).not.toBeInTheDocument();
    });

    it('highlights a rotten deal and says for how long nothing happened', () => {
      const now = Date.parse('2026-11-23T12:00:00.000Z');
      const idle = { ...deal, lastActivityAt: '2026-11-07T09:00:00.000Z' };
      const { rerender } = render(<DealCard deal={idle} stage={{ ...selection, rotAfterDays: 14 }} now={now} onOpen={jest.fn()} />);
      expect(screen.getByText('No activity for 16 days')).toBeInTheDocument();
      expect(screen.getByRole('article')).toHaveClass('deal-card--rotten');

      rerender(<DealCard deal={idle} stage={{ ...selection, rotAfterDays: 30 }} now={now} onOpen={jest.fn()} />);
      expect(screen.queryByText(/No activity/)).not.toBeInTheDocument();
      expect(screen.getByRole('article')).not.toHaveClass('deal-card--rotten');
    });

    it('flags a deal whose responsible was deactivated', () => {
      const { rerender } = render(<DealCard deal={{ ...deal, reassignmentFlaggedAt: '2026-11-23T08:00:00.000Z' }} stage={selection} now={now} onOpen={jest.fn()} />);
      expect(screen.getByText('Needs reassignment')).toBeInTheDocument();
      rerender(<DealCard deal={deal} stage={selection} now={now} onOpen={jest.fn()} />);
      expect(screen.queryByText('Needs reassignment')).not.toBeInTheDocument();
    });
  });
});
