import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { MESSAGE_STATUSES, type MessageDto, type MessageStatus } from '@autofunnel/shared';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { formatDateTime } from '../board/format';
import { useRetryMessageMutation } from '../deal-actions/deal-actions-api';
import { useListMessagesInfiniteQuery } from './outbox-api';
import './outbox.css';

const TABS: { status: MessageStatus; label: string }[] = [
  { status: 'outbox', label: 'Waiting' },
  { status: 'failed', label: 'Failed' },
  { status: 'sent', label: 'Sent' },
];

const STATUS_PILLS: Record<MessageStatus, { label: string; className: string }> = {
  outbox: { label: 'Waiting', className: 'status-pill--new-request' },
  failed: { label: 'Failed', className: 'status-pill--lost' },
  sent: { label: 'Sent', className: 'status-pill--won' },
};

const EMPTY_TABS: Record<MessageStatus, string> = {
  outbox: 'No messages are waiting to be sent',
  failed: 'No message has failed',
  sent: 'No messages sent yet',
};

function isStatus(value: string | null): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly (string | null)[]).includes(value);
}

/** Why "Send now" did not send the message, in words. */
function sendProblem(message: MessageDto, error: FetchBaseQueryError): string {
  const subject = `“${message.subject}”`;
  if (error.status === 422) {
    return `${subject} was not sent: no mail server is set up. Set SMTP_URL to send mail; until then the message waits here.`;
  }
  if (error.status === 502) return `The mail server did not take ${subject}: ${describeError(error)}. It is kept under Failed to send again.`;
  return `Could not send ${subject}. ${describeError(error)}`;
}

function SendNowButton({ message, onProblem }: { message: MessageDto; onProblem(problem: string | null): void }) {
  const dispatch = useAppDispatch();
  const [retry, { isLoading }] = useRetryMessageMutation();

  async function send() {
    onProblem(null);
    try {
      const sent = await retry(message).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Sent “${sent.subject}” to ${sent.to}.` }));
    } catch (failure) {
      onProblem(sendProblem(message, failure as FetchBaseQueryError));
    }
  }

  return (
    <button type="button" className="button button--secondary button--small" disabled={isLoading} onClick={() => void send()}>
      {isLoading ? 'Sending…' : 'Send now'}
      <span className="visually-hidden"> “{message.subject}” to {message.to}</span>
    </button>
  );
}

function MessagesTable({ messages, onProblem }: { messages: readonly MessageDto[]; onProblem(problem: string | null): void }) {
  return (
    <div className="table-scroll">
      <table className="deal-table admin-table outbox-table">
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">To</th>
            <th scope="col">Deal</th>
            <th scope="col">Written</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <th scope="row" className="admin-table__name">
                {message.subject}
                {message.createdBy && <div className="muted small">by {message.createdBy.name}</div>}
              </th>
              <td>{message.to}</td>
              <td>
                <Link to={`/deals/${message.deal.id}`}>{message.deal.code}</Link>
                <div className="muted small">{message.deal.title}</div>
              </td>
              <td className="admin-table__when">{formatDateTime(message.createdAt)}</td>
              <td className="outbox-table__status">
                <span className={`status-pill ${STATUS_PILLS[message.status].className}`}>{STATUS_PILLS[message.status].label}</span>
                {message.sentAt && <div className="muted small">{formatDateTime(message.sentAt)}</div>}
                {message.error && <div className="outbox-table__error small">{message.error}</div>}
              </td>
              <td className="admin-table__actions">{message.status !== 'sent' && <SendNowButton message={message} onProblem={onProblem} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The messages of one status, page by page. */
function MessageList({ status, onProblem }: { status: MessageStatus; onProblem(problem: string | null): void }) {
  const { data, error, isLoading, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = useListMessagesInfiniteQuery(status);
  const messages = data?.pages.flatMap((page) => page.items) ?? [];
  if (isLoading) return <RowsSkeleton rows={5} />;
  if (!data) return <ErrorMessage title="Could not load the messages." detail={describeError(error)} onRetry={refetch} />;
  if (messages.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">{EMPTY_TABS[status]}</p>
      </div>
    );
  }
  return (
    <>
      <MessagesTable messages={messages} onProblem={onProblem} />
      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onLoadMore={() => void fetchNextPage()} />
    </>
  );
}

/** /outbox (team leads and admins): customer emails waiting for a mail server, failed or sent, and "Send now". */
export function OutboxPage() {
  const titleId = useId();
  const user = useAppSelector(selectCurrentUser);
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: MessageStatus = isStatus(requested) ? requested : 'outbox';
  const [problem, setProblem] = useState<string | null>(null);

  if (user?.role !== 'admin' && user?.role !== 'lead') {
    return (
      <div className="empty-state">
        <p className="empty-state__title">Only team leads and administrators see the outbox</p>
        <p>Your own emails to customers are on each deal’s page.</p>
      </div>
    );
  }

  return (
    <section className="outbox" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <h1 id={titleId} className="admin-page__title">
          Outbox
        </h1>
      </div>
      <div className="notice outbox__banner">
        <p>
          <strong>Emails to customers wait here when no mail server is set up.</strong> Managers can still write them on a deal; an administrator sets SMTP_URL (the
          address of your mail server) in the server’s settings, and then “Send now” sends them. Failed ones were refused by the mail server: fix the cause and send them again.
        </p>
      </div>
      <div className="segmented" role="group" aria-label="Status">
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            className="segmented__option"
            aria-pressed={status === tab.status}
            onClick={() => {
              setProblem(null);
              setParams({ status: tab.status }, { replace: true });
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {problem && (
        <div className="error-message" role="alert">
          <p>{problem}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
      <MessageList status={status} onProblem={setProblem} />
    </section>
  );
}
