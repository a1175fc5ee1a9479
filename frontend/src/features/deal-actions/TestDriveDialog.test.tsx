import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { TestDriveDialog } from './TestDriveDialog';
import { apiError, bodyOf, changesSent, localIso, mariasDeal, octavia, renderSignedIn, serveApi, testDrive } from './test-support';

/** The stock: just the Octavia, in stock. */
const stock = {
  'GET /api/vehicles': (request: Request) => {
    const items = new URL(request.url).searchParams.get('status') === 'in_stock' ? [octavia] : [];
    return jsonResponse({ items, nextCursor: null, total: items.length });
  },
};
const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function pickOctavia() {
  const found = await screen.findByRole('list', { name: 'Vehicles found' });
  fireEvent.click(await within(found).findByRole('button', { name: /2021 Skoda Octavia/ }));
}

describe('TestDriveDialog', () => {
  it('books an hour by default, the end following the start', async () => {
    const fetchMock = serveApi({ ...stock, 'POST /api/deals/deal-1/test-drives': () => jsonResponse(testDrive(), 201) });
    const onClose = jest.fn();
    renderSignedIn(<TestDriveDialog dealId={mariasDeal.id} onClose={onClose} />);

    const start = screen.getByLabelText('Start') as HTMLInputElement;
    const end = screen.getByLabelText('End') as HTMLInputElement;
    const [hours, minutes] = start.value.split(':').map(Number);
    expect(end.value).toBe(hours >= 23 ? '23:59' : `${String(hours + 1).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);

    await pickOctavia();
    set('Day', '2099-03-14');
    set('Start', '10:00');
    expect(end).toHaveValue('11:00');
    set('End', '11:30');
    set('Start', '14:00');
    expect(end).toHaveValue('15:30');
    fireEvent.click(screen.getByLabelText('Driving licence checked'));
    set('Notes', 'Motorway part wanted');
    fireEvent.click(screen.getByRole('button', { name: 'Book test drive' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/test-drives')).toEqual({
      vehicleId: octavia.id,
      startsAt: localIso('2099-03-14', '14:00'),
      endsAt: localIso('2099-03-14', '15:30'),
      licenceChecked: true,
      notes: 'Motorway part wanted',
    });
    expect(await screen.findByText(/Test drive of the 2021 Skoda Octavia booked for/)).toBeInTheDocument();
  });

  it('shows a double booking (409) with the clash the server names, keeping what was typed', async () => {
    const clash = 'The Skoda Octavia is already booked on 14 Mar 2099, 13:30–14:30 for deal D-1002; choose another time or vehicle';
    serveApi({ ...stock, 'POST /api/deals/deal-1/test-drives': () => apiError(409, clash) });
    const onClose = jest.fn();
    renderSignedIn(<TestDriveDialog dealId={mariasDeal.id} onClose={onClose} />);
    await pickOctavia();
    set('Day', '2099-03-14');
    set('Start', '14:00');
    set('Notes', 'Bring the child seat');
    fireEvent.click(screen.getByRole('button', { name: 'Book test drive' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(clash);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Day')).toHaveValue('2099-03-14');
    expect(screen.getByLabelText('Start')).toHaveValue('14:00');
    expect(screen.getByLabelText('Notes')).toHaveValue('Bring the child seat');
    expect(screen.getByRole('group', { name: 'Vehicle' })).toHaveTextContent('2021 Skoda Octavia');
  });

  it('refuses an end before the start without asking the server', async () => {
    const fetchMock = serveApi(stock);
    renderSignedIn(<TestDriveDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    await pickOctavia();
    set('Start', '15:00');
    set('End', '14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Book test drive' }));
    expect(screen.getByLabelText('End')).toHaveAccessibleDescription('The test drive must end after it starts.');
    expect(changesSent(fetchMock)).toEqual([]);
  });

  it('reschedules a test drive, sending the new slot only', async () => {
    const booked = testDrive({ startsAt: localIso('2099-03-14', '10:00'), endsAt: localIso('2099-03-14', '11:00') });
    const fetchMock = serveApi({ 'PATCH /api/test-drives/td-1': () => jsonResponse(booked) });
    const onClose = jest.fn();
    renderSignedIn(<TestDriveDialog dealId={mariasDeal.id} testDrive={booked} onClose={onClose} />);

    expect(screen.getByRole('dialog', { name: 'Reschedule the test drive' })).toBeInTheDocument();
    expect(screen.getByLabelText('Day')).toHaveFocus();
    set('Day', '2099-03-15');
    fireEvent.click(screen.getByRole('button', { name: 'Reschedule' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'PATCH /api/test-drives/td-1')).toEqual({ startsAt: localIso('2099-03-15', '10:00'), endsAt: localIso('2099-03-15', '11:00') });
  });
});
