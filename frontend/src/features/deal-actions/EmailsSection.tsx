import type { DealDto, MessageDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { formatDateTime } from '../board/format';
import { useGetDealMessagesQuery, useRetryMessageMutation } from './deal-actions-api';
import { describeSentMessage } from './EmailDialog';
import { RecordSection } from './RecordSection';

const STATUS_PILLS: Record<MessageDto['status'], { label: string; modifier: string }> = {
  sent: { label: 'sent', modifier: 'won' },
  outbox: { label: 'in the outbox', modifier: 'warning' },
  failed: { label: 'failed', modifier: 'lost' },
};

/** Emails to the customer; one that failed or waits in the outbox can be sent again. */
export function EmailsSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const dispatch = useAppDispatch();
  const query = useGetDealMessagesQuery(deal.id);
  const [retry, { isLoading, originalArgs }] = useRetryMessageMutation();

  async function sendAgain(message: MessageDto) {
    try {
      dispatch(toastShown(describeSentMessage(await retry(message).unwrap())));
    } catch (failure) {
      dispatch(toastShown({ kind: 'error', text: `The email to ${message.to} could not be sent. ${describeError(failure as Parameters<typeof describeError>[0])}` }));
    }
  }

  return (
    <RecordSection title="Emails" query={query} emptyText="No emails yet. Use “Email” to write to the customer or send an offer.">
      {(messages) =>
        messages.map((message) => {
          const pill = STATUS_PILLS[message.status];
          const busy = isLoading && originalArgs?.id === message.id;
          return (
            <li key={message.id} className="record">
              <div className="record__main">
                <p className="record__title">
                  {message.subject} <span className={`status-pill status-pill--${pill.modifier}`}>{pill.label}</span>
                </p>
                <p className="record__meta">
                  To {message.to} · {formatDateTime(message.sentAt ?? message.createdAt)}
                  {message.offerId && ' · quote attached'}
                  {message.createdBy && ` · by ${message.createdBy.name}`}
                </p>
                {message.status === 'failed' && message.error && <p className="record__meta text-danger">{message.error}</p>}
              </div>
              {mayChange && message.status !== 'sent' && (
                <div className="record__actions">
                  <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void sendAgain(message)}>
                    {busy ? 'Sending…' : 'Send again'}
                  </button>
                </div>
              )}
            </li>
          );
        })
      }
    </RecordSection>
  );
}
