import { useEffect, useId, useRef, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { NotificationDto } from '@autofunnel/shared';
import { useNavigate } from 'react-router';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { useNow } from '../../app/use-now';
import { useGetNotificationsQuery, useMarkAllNotificationsReadMutation, useMarkNotificationReadMutation } from './notifications-api';
import { formatTimeAgo } from './time-ago';
import './notifications.css';

/** "9+" keeps the badge small. */
const badgeText = (count: number) => (count > 9 ? '9+' : String(count));

function NotificationItem({ notification, now, onOpen }: { notification: NotificationDto; now: number; onOpen(notification: NotificationDto): void }) {
  const unread = notification.readAt === null;
  return (
    <li className={`notification ${unread ? 'notification--unread' : ''}`}>
      <button type="button" className="notification__button" onClick={() => onOpen(notification)}>
        {unread && <span className="visually-hidden">Unread: </span>}
        <span className="notification__title">{notification.title}</span>
        {notification.body && <span className="notification__body">{notification.body}</span>}
        <time className="notification__time" dateTime={notification.createdAt}>
          {formatTimeAgo(notification.createdAt, now)}
        </time>
      </button>
    </li>
  );
}

/**
 * The header's bell: how many notifications are unread, and the latest of them, newest first.
 * Opening one marks it read and goes to its deal. New ones arrive live (see notifications-api).
 */
export function NotificationBell() {
  const panelId = useId();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const now = useNow();
  const { data, error, refetch } = useGetNotificationsQuery();
  const [markRead] = useMarkNotificationReadMutation();
  const [markAllRead, markingAll] = useMarkAllNotificationsReadMutation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = data?.unreadCount ?? 0;
  const newestFirst = data ? [...data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      root.current?.querySelector<HTMLElement>('.notification-bell__button')?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const report = (what: string) => (failure: unknown) => dispatch(toastShown({ kind: 'error', text: `${what} ${describeError(failure as FetchBaseQueryError)}` }));

  const openNotification = (notification: NotificationDto) => {
    setOpen(false);
    if (notification.readAt === null) markRead(notification).unwrap().catch(report('Could not mark the notification read.'));
    if (notification.dealId) navigate(`/deals/${encodeURIComponent(notification.dealId)}`);
  };

  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="notification-bell__button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg className="notification-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="notification-bell__badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-label="Notifications">
          <div className="notification-panel__header">
            <h2 className="notification-panel__title">Notifications</h2>
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={unread === 0 || markingAll.isLoading}
              onClick={() => void markAllRead().unwrap().catch(report('Could not mark the notifications read.'))}
            >
              Mark all read
            </button>
          </div>
          {!data ? (
            error ? (
              <div className="notification-panel__empty" role="alert">
                <p>Could not load the notifications. {describeError(error)}</p>
                <button type="button" className="button button--secondary button--small" onClick={() => void refetch()}>
                  Try again
                </button>
              </div>
            ) : (
              <p className="notification-panel__empty" role="status">
                Loading…
              </p>
            )
          ) : data.items.length === 0 ? (
            <p className="notification-panel__empty">Nothing yet. Escalated requests and deals given to you show up here.</p>
          ) : (
            <ul className="notification-panel__list">
              {newestFirst.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} now={now} onOpen={openNotification} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
