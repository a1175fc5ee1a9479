import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DealDto, MessageDto, OfferDto } from '@autofunnel/shared';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown, type ToastKind } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { selectCurrentUser } from '../auth/auth-slice';
import { useGetDealOffersQuery, useSendMessageMutation } from './deal-actions-api';
import { FormError, FormField, NO_PROBLEMS, problemsOf, SubmitButtons, type FormProblems } from './form-support';
import { formatMoney, formatValidUntil } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';

const SHOWN_FIELDS = ['to', 'subject', 'body', 'offerId'];
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function subjectFor(deal: DealDto, offer: OfferDto | undefined): string {
  if (offer) return `Our offer for the ${vehicleName(offer.vehicle)}`;
  return deal.vehicleInterest ? `About the ${deal.vehicleInterest}` : `Your enquiry ${deal.code}`;
}

function bodyFor(deal: DealDto, offer: OfferDto | undefined, signature: string): string {
  const greeting = `Dear ${deal.contact.name},`;
  const closing = `Kind regards,\n${signature}`;
  if (!offer) return `${greeting}\n\n\n\n${closing}`;
  const amounts = offer.discount > 0 ? `${formatMoney(offer.total)} (price ${formatMoney(offer.price)}, discount ${formatMoney(offer.discount)})` : formatMoney(offer.total);
  const validity = offer.validUntil ? `, valid until ${formatValidUntil(offer.validUntil)}` : '';
  return [
    greeting,
    `thank you for your interest in the ${vehicleName(offer.vehicle)}. Please find our offer attached: ${amounts}${validity}.`,
    'If you have any questions or would like to arrange a test drive, just reply to this email or give me a call.',
    closing,
  ].join('\n\n');
}

/** What became of an email, in words: sent, or kept in the outbox because no mail server is set up. */
export function describeSentMessage(message: MessageDto): { kind: ToastKind; text: string } {
  if (message.status === 'sent') return { kind: 'success', text: `Email sent to ${message.to}.` };
  if (message.status === 'outbox') {
    return { kind: 'info', text: `No mail server is configured, so the email to ${message.to} is kept in the outbox; it goes out once one is set up.` };
  }
  return { kind: 'error', text: `The email to ${message.to} could not be sent${message.error ? `: ${message.error}` : ''}.` };
}

interface EmailDialogProps {
  deal: DealDto;
  /** The offer to attach at first (from an offer's "Email to customer"). */
  offerId?: string;
  onClose(): void;
}

/**
 * An email to the customer, optionally with an offer's quote PDF attached. The answer says
 * whether it went out or waits in the outbox; a failure (502) is said here, and the email
 * stays in the deal's list, marked failed, to send again from there.
 */
export function EmailDialog({ deal, offerId: initialOfferId, onClose }: EmailDialogProps) {
  const dispatch = useAppDispatch();
  const me = useAppSelector(selectCurrentUser);
  const { data: offers } = useGetDealOffersQuery(deal.id);
  const [send, { isLoading }] = useSendMessageMutation();
  const activeOffers = useMemo(() => offers?.filter((offer) => offer.status === 'active') ?? [], [offers]);
  const signature = me?.name ?? '';
  const [to, setTo] = useState(deal.contact.emails[0] ?? '');
  const [offerId, setOfferId] = useState(initialOfferId ?? '');
  const offer = activeOffers.find((candidate) => candidate.id === offerId);
  // The template follows the chosen offer until the user writes their own text.
  const [subject, setSubject] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const subjectText = subject ?? subjectFor(deal, offer);
  const bodyText = body ?? bodyFor(deal, offer, signature);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  // Once an attempt failed the email exists (as failed); sending the form again would make a second one.
  const [keptAsFailed, setKeptAsFailed] = useState(false);
  const doneButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (keptAsFailed) doneButton.current?.focus();
  }, [keptAsFailed]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!to.trim()) fields.to = 'Enter the customer’s email address.';
    else if (!LOOKS_LIKE_EMAIL.test(to.trim())) fields.to = 'This does not look like an email address.';
    if (!subjectText.trim()) fields.subject = 'Write a subject.';
    if (!bodyText.trim()) fields.body = 'Write the message.';
    if (Object.keys(fields).length > 0) return setProblems({ fields, message: null });
    setProblems(NO_PROBLEMS);
    try {
      const message = await send({ dealId: deal.id, to: to.trim(), subject: subjectText.trim(), body: bodyText, ...(offer && { offerId: offer.id }) }).unwrap();
      dispatch(toastShown(describeSentMessage(message)));
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, SHOWN_FIELDS));
      // 502: the mail server refused it; the email is kept as failed, to send again from the list
      if ((failure as { status?: unknown }).status === 502) setKeptAsFailed(true);
    }
  }

  return (
    <Dialog title="Email the customer" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormField label="To" error={problems.fields.to} hint={deal.contact.emails.length === 0 ? `${deal.contact.name} has no email address on file yet.` : undefined}>
          {(control) => <input {...control} data-autofocus type="email" value={to} maxLength={254} onChange={(event) => setTo(event.target.value)} required autoComplete="off" />}
        </FormField>
        <SelectField label="Attach an offer" value={offer ? offer.id : ''} onChange={setOfferId}>
          <option value="">{activeOffers.length === 0 ? 'No active offer on this deal' : 'No attachment'}</option>
          {activeOffers.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {vehicleName(candidate.vehicle)}: {formatMoney(candidate.total)}
            </option>
          ))}
        </SelectField>
        {problems.fields.offerId && <p className="field__error">{problems.fields.offerId}</p>}
        <FormField label="Subject" error={problems.fields.subject}>
          {(control) => <input {...control} value={subjectText} maxLength={200} onChange={(event) => setSubject(event.target.value)} required autoComplete="off" />}
        </FormField>
        <FormField label="Message" error={problems.fields.body} hint={offer ? 'The quote PDF is attached.' : undefined}>
          {(control) => <textarea {...control} rows={10} value={bodyText} onChange={(event) => setBody(event.target.value)} maxLength={50_000} required />}
        </FormField>
        <FormError message={problems.message} />
        {keptAsFailed ? (
          <div className="form-actions">
            <button ref={doneButton} type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        ) : (
          <SubmitButtons label="Send email" busyLabel="Sending…" busy={isLoading} onCancel={onClose} />
        )}
      </form>
    </Dialog>
  );
}
