import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { apiError, bodyOf, changesSent, mariasDeal, renderSignedIn, serveApi, tradeIn } from './test-support';
import { TradeInDialog } from './TradeInDialog';

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('TradeInDialog', () => {
  it('adds the trade-in with the VIN normalised and the numbers as numbers', async () => {
    const fetchMock = serveApi({ 'POST /api/deals/deal-1/trade-ins': async (request) => jsonResponse(tradeIn(await request.json()), 201) });
    const onClose = jest.fn();
    renderSignedIn(<TradeInDialog dealId={mariasDeal.id} onClose={onClose} />);

    expect(screen.getByLabelText('Make')).toHaveFocus();
    type('Make', ' Volkswagen ');
    type('Model', 'Golf');
    type('Year', '2015');
    type('VIN', 'wvw-zzz1jz xw000001');
    type('Mileage', '145 000');
    type('Appraisal value', '6 500,50');
    type('Notes', 'Scratch on the rear bumper');
    fireEvent.click(screen.getByRole('button', { name: 'Add trade-in' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/trade-ins')).toEqual({
      make: 'Volkswagen',
      model: 'Golf',
      year: 2015,
      vin: 'WVWZZZ1JZXW000001',
      mileage: 145000,
      appraisalValue: 6500.5,
      notes: 'Scratch on the rear bumper',
    });
    expect(await screen.findByText('Trade-in Volkswagen Golf added.')).toBeInTheDocument();
  });

  it('checks the VIN before sending, naming what is wrong next to the field', async () => {
    const fetchMock = serveApi({});
    renderSignedIn(<TradeInDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    type('Make', 'Honda');
    type('Model', 'Accord');
    // a North American VIN with a wrong check digit (should be 3)
    type('VIN', '1HGCM82643A004352');
    fireEvent.click(screen.getByRole('button', { name: 'Add trade-in' }));

    const vin = screen.getByLabelText('VIN');
    expect(vin).toHaveAttribute('aria-invalid', 'true');
    expect(vin).toHaveAccessibleDescription(/check digit \(9th character\) should be 3/);
    type('VIN', 'WVWZZZ1JZXW00000O');
    fireEvent.click(screen.getByRole('button', { name: 'Add trade-in' }));
    expect(vin).toHaveAccessibleDescription(/without I, O and Q/);
    expect(changesSent(fetchMock)).toEqual([]);
  });

  it('asks for make and model', () => {
    const fetchMock = serveApi({});
    renderSignedIn(<TradeInDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add trade-in' }));
    expect(screen.getByLabelText('Make')).toHaveAccessibleDescription('Enter the make, e.g. Volkswagen.');
    expect(screen.getByLabelText('Model')).toHaveAccessibleDescription('Enter the model, e.g. Golf.');
    expect(changesSent(fetchMock)).toEqual([]);
  });

  it("shows the server's field errors next to their fields and keeps the dialog open", async () => {
    serveApi({
      'POST /api/deals/deal-1/trade-ins': () =>
        apiError(400, 'VIN is already on another trade-in of this deal; mileage must not be greater than 2000000', {
          vin: ['VIN is already on another trade-in of this deal'],
          mileage: ['mileage must not be greater than 2000000'],
        }),
    });
    const onClose = jest.fn();
    renderSignedIn(<TradeInDialog dealId={mariasDeal.id} onClose={onClose} />);
    type('Make', 'Volkswagen');
    type('Model', 'Golf');
    type('VIN', 'WVWZZZ1JZXW000001');
    type('Mileage', '1999999');
    fireEvent.click(screen.getByRole('button', { name: 'Add trade-in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(screen.getByLabelText('VIN')).toHaveAccessibleDescription(/already on another trade-in/);
    expect(screen.getByLabelText('Mileage')).toHaveAccessibleDescription('mileage must not be greater than 2000000');
    expect(screen.getByLabelText('Make')).toHaveValue('Volkswagen');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits a trade-in, sending only what changed', async () => {
    const existing = tradeIn();
    const fetchMock = serveApi({ 'PATCH /api/trade-ins/ti-1': async (request) => jsonResponse({ ...existing, ...(await request.json()) }) });
    const onClose = jest.fn();
    renderSignedIn(<TradeInDialog dealId={mariasDeal.id} tradeIn={existing} onClose={onClose} />);

    expect(screen.getByRole('dialog', { name: 'Edit trade-in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Mileage')).toHaveValue('145000');
    type('Appraisal value', '7000');
    fireEvent.click(screen.getByRole('button', { name: 'Save trade-in' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'PATCH /api/trade-ins/ti-1')).toEqual({ appraisalValue: 7000 });
  });
});
