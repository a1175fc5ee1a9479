import type { NotificationDto, NotificationPage } from '@autofunnel/shared';
import { api } from '../../app/api';
import type { ThunkExtra } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';

/** How many of the latest notifications the bell lists. */
export const BELL_PAGE_SIZE = 20;

/** A notification that arrived live goes on top of the cached page, once. */
function withArrived(page: NotificationPage, notification: NotificationDto): void {
  if (page.items.some((item) => item.id === notification.id)) return;
  page.items.unshift(notification);
  if (page.items.length > BELL_PAGE_SIZE) page.items.pop();
  if (notification.readAt === null) page.unreadCount += 1;
}

/**
 * The signed-in user's in-app notifications (the bell). The list is kept live: each
 * `notification:new` of the user's socket goes on top of it (and shows a toast); after the
 * connection was lost it is fetched again, for what arrived meanwhile.
 */
export const notificationsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getNotifications: build.query<NotificationPage, void>({
      query: () => ({ url: '/notifications', params: { limit: BELL_PAGE_SIZE } }),
      providesTags: ['Notification'],
      async onCacheEntryAdded(_arg, { extra, cacheDataLoaded, cacheEntryRemoved, updateCachedData, dispatch }) {
        const { live } = extra as ThunkExtra;
        try {
          await cacheDataLoaded;
        } catch {
          return; // the entry went away before it loaded
        }
        const stopNotifications = live.onNotification((notification) => {
          updateCachedData((page) => withArrived(page, notification));
          dispatch(toastShown({ kind: 'info', text: notification.title }));
        });
        let wasOffline = live.status === 'offline';
        const stopStatus = live.onStatusChange((status) => {
          if (status === 'online' && wasOffline) dispatch(notificationsApi.util.invalidateTags(['Notification']));
          wasOffline = status === 'offline';
        });
        await cacheEntryRemoved;
        stopNotifications();
        stopStatus();
      },
    }),
    markNotificationRead: build.mutation<NotificationDto, NotificationDto>({
      query: (notification) => ({ url: `/notifications/${encodeURIComponent(notification.id)}/read`, method: 'POST' }),
      // read at once on screen; put back if the server refuses
      async onQueryStarted(notification, { dispatch, queryFulfilled }) {
        if (notification.readAt !== null) return;
        const patch = dispatch(
          notificationsApi.util.updateQueryData('getNotifications', undefined, (page) => {
            const item = page.items.find((candidate) => candidate.id === notification.id);
            if (!item || item.readAt !== null) return;
            item.readAt = new Date().toISOString();
            page.unreadCount = Math.max(0, page.unreadCount - 1);
          }),
        );
        try {
          await queryFulfilled;
        } catch {
          patch.undo();
        }
      },
    }),
    /** Answers how many were unread. */
    markAllNotificationsRead: build.mutation<{ read: number }, void>({
      query: () => ({ url: '/notifications/read-all', method: 'POST' }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const readAt = new Date().toISOString();
        const patch = dispatch(
          notificationsApi.util.updateQueryData('getNotifications', undefined, (page) => {
            for (const item of page.items) item.readAt ??= readAt;
            page.unreadCount = 0;
          }),
        );
        try {
          await queryFulfilled;
        } catch {
          patch.undo();
        }
      },
    }),
  }),
});

export const { useGetNotificationsQuery, useMarkNotificationReadMutation, useMarkAllNotificationsReadMutation } = notificationsApi;
