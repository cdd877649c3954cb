/** The notification centre over /api/notifications, kept live by the server's event stream (GET /api/events). */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LIVE_EVENT_TYPES } from '@township-office/domain/live-events';
import type { NotificationList } from '@township-office/domain/notifications.api';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { Notification, NotificationList } from '@township-office/domain/notifications.api';

export const notificationKeys = { list: (unread: boolean) => keys.list('notifications', 'list', { unread }) };

export function useNotifications(unread = false) {
  return useQuery({
    queryKey: notificationKeys.list(unread),
    queryFn: () => api.get<NotificationList>('/api/notifications', unread ? { unread: 'true' } : undefined),
  });
}

const refreshWorkbench = { alsoInvalidate: [keys.feature('workbench')] };
export const useMarkRead = () =>
  useInvalidatingMutation('notifications', (id: string) => api.post<{ unread: number }>(`/api/notifications/${id}/read`), refreshWorkbench);
export const useMarkAllRead = () =>
  useInvalidatingMutation('notifications', () => api.post<{ unread: number }>('/api/notifications/read-all'), refreshWorkbench);

/** Every event that can change what I must do: the bell and the workbench refetch (the server catches my notifications up on the way). */
const EVENT_TYPES = LIVE_EVENT_TYPES;

/** Mounted once, in the header: one stream for the bell and the workbench. */
export function useNotificationStream(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const refresh = () => {
      void qc.invalidateQueries({ queryKey: keys.feature('notifications') });
      void qc.invalidateQueries({ queryKey: keys.feature('workbench') });
    };
    for (const t of [...EVENT_TYPES, 'resync']) source.addEventListener(t, refresh);
    return () => source.close();
  }, [enabled, qc]);
}
