import { fireEvent, render, screen, within } from '@testing-library/react';
import { funnel } from '../../test/board-fixtures';
import { MoveToMenu } from './MoveToMenu';

function renderMenu(onStep?: { up?: () => void; down?: () => void }) {
  const onMoveTo = jest.fn();
  render(<MoveToMenu label="D-1042" stages={funnel.stages} currentStageId="st-selection" onMoveTo={onMoveTo} onStep={onStep} />);
  return { onMoveTo, button: screen.getByRole('button', { name: 'Move D-1042 to…' }) };
}

describe('MoveToMenu', () => {
  it('lists the other stages and moves the card to the one picked', () => {
    const { onMoveTo, button } = renderMenu();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Move D-1042 to' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Unassigned', 'Test drive', 'Delivered']);

    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Test drive' }));
    expect(onMoveTo).toHaveBeenCalledWith('st-test-drive');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('works from the keyboard: arrows move, Enter picks, Escape closes and returns focus', () => {
    const { onMoveTo, button } = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items[0]).toHaveFocus();
    fireEvent.keyDown(items[0], { key: 'ArrowDown' });
    expect(items[1]).toHaveFocus();
    fireEvent.keyDown(items[1], { key: 'ArrowUp' });
    fireEvent.keyDown(items[0], { key: 'ArrowUp' });
    expect(items[2]).toHaveFocus(); // wraps around
    fireEvent.keyDown(items[2], { key: 'Enter' });
    expect(onMoveTo).toHaveBeenCalledWith('st-delivered');

    fireEvent.click(button);
    fireEvent.keyDown(screen.getAllByRole('menuitem')[0], { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('offers one place up or down within the stage when possible', () => {
    const up = jest.fn();
    const { button } = renderMenu({ up });
    fireEvent.click(button);
    const items = screen.getAllByRole('menuitem');
    expect(items[0]).toHaveTextContent('Up one place');
    expect(screen.queryByRole('menuitem', { name: 'Down one place' })).not.toBeInTheDocument();
    fireEvent.click(items[0]);
    expect(up).toHaveBeenCalled();
  });

  it('closes when clicking elsewhere', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
