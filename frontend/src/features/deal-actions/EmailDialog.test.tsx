import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse } from '../../test/fetch-mock';
import { EmailDialog } from './EmailDialog';
import { apiError, bodyOf, changesSent, mariasDeal, message, offer, renderSignedIn, serveApi, vehicle } from './test-support';

const activeOffer = offer();
const withdrawnOffer = offer({ id: 'offer-old', status: 'withdrawn', vehicle: vehicle({ id: 'veh-fabia', model: 'Fabia', year: 2018 }) });
const offers = { 'GET /api/deals/deal-1/offers': () => jsonResponse([activeOffer, withdrawnOffer]) };

async function sendWith(answer: () => Response, options: { offerId?: string } = {}) {
  const fetchMock = serveApi({ ...offers, 'POST /api/deals/deal-1/messages': answer });
  const onClose = jest.fn();
  renderSignedIn(<EmailDialog deal={mariasDeal} offerId={options.offerId} onClose={onClose} />);
  await screen.findByRole('option', { name: /2021 Skoda Octavia/ });
  fireEvent.click(screen.getByRole('button', { name: 'Send email' }));
  return { fetchMock, onClose };
}

describe('EmailDialog', () => {
  it("writes to the contact's first email and fills the message from the offer chosen", async () => {
    serveApi(offers);
    renderSignedIn(<EmailDialog deal={mariasDeal} onClose={jest.fn()} />);

    expect(screen.getByLabelText('To')).toHaveFocus();
    expect(screen.getByLabelText('To')).toHaveValue('maria@example.com');
    expect(screen.getByLabelText('Subject')).toHaveValue('About the Skoda Octavia');
    // only active offers can be attached
    expect(await screen.findByRole('option', { name: '2021 Skoda Octavia: 23,000' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Fabia/ })).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Attach an offer'), { target: { value: activeOffer.id } });
    expect(screen.getByLabelText('Subject')).toHaveValue('Our offer for the 2021 Skoda Octavia');
    const body = (screen.getByLabelText('Message') as HTMLTextAreaElement).value;
    expect(body).toMatch(/^Dear Maria Jansen,/);
    expect(body).toContain('2021 Skoda Octavia');
    expect(body).toContain('23,000 (price 24,500, discount 1,500), valid until Jun 30, 2099.');
    expect(body).toMatch(/Kind regards,\nAnna Petrova$/);
  });

  it('keeps what the user wrote when the offer changes', async () => {
    serveApi(offers);
    renderSignedIn(<EmailDialog deal={mariasDeal} onClose={jest.fn()} />);
    await screen.findByRole('option', { name: /2021 Skoda Octavia/ });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Hi Maria, as promised.' } });
    fireEvent.change(screen.getByLabelText('Attach an offer'), { target: { value: activeOffer.id } });
    expect(screen.getByLabelText('Message')).toHaveValue('Hi Maria, as promised.');
  });

  it('sends it with the offer attached and says it was sent', async () => {
    const { fetchMock, onClose } = await sendWith(() => jsonResponse(message({ status: 'sent' }), 201), { offerId: activeOffer.id });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/messages')).toEqual({
      to: 'maria@example.com',
      subject: 'Our offer for the 2021 Skoda Octavia',
      body: expect.stringContaining('Please find our offer attached'),
      offerId: activeOffer.id,
    });
    expect(await screen.findByText('Email sent to maria@example.com.')).toBeInTheDocument();
  });

  it('says the email waits in the outbox when no mail server is configured', async () => {
    const { onClose } = await sendWith(() => jsonResponse(message({ status: 'outbox', sentAt: null }), 201));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText(/No mail server is configured, so the email to maria@example.com is kept in the outbox/)).toBeInTheDocument();
  });

  it('says why sending failed (502), and offers only to finish, since the email is kept as failed', async () => {
    const reason = 'The mail server refused the message (550 mailbox unavailable). The email was not sent; it is kept as failed, to send again once this is fixed';
    const { fetchMock, onClose } = await sendWith(() => apiError(502, reason));
    expect(await screen.findByRole('alert')).toHaveTextContent(reason);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Send email' })).not.toBeInTheDocument();
    const close = screen.getByRole('button', { name: 'Done' });
    await waitFor(() => expect(close).toHaveFocus());
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalled();
    expect(changesSent(fetchMock)).toEqual(['POST /api/deals/deal-1/messages']);
  });

  it('names the offer that can no longer be attached (422)', async () => {
    await sendWith(() => apiError(422, 'This offer was withdrawn; make a new offer to send its quote'), { offerId: activeOffer.id });
    expect(await screen.findByRole('alert')).toHaveTextContent('This offer was withdrawn; make a new offer to send its quote');
    expect(screen.getByRole('button', { name: 'Send email' })).toBeEnabled();
  });

  it('asks for an address when the customer has none', async () => {
    const fetchMock = serveApi(offers);
    renderSignedIn(<EmailDialog deal={{ ...mariasDeal, contact: { ...mariasDeal.contact, emails: [] } }} onClose={jest.fn()} />);
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('Maria Jansen has no email address on file yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Send email' }));
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription(/Enter the customer’s email address\./);
    expect(changesSent(fetchMock)).toEqual([]);
  });
});
