/** The notification centre: GET /api/notifications, POST /api/notifications/{id}/read and read-all; the reminder job. */
import { idParamSchema } from '@township-office/domain/common';
import { notificationListSchema, notificationQuerySchema, readResultSchema } from '@township-office/domain/notifications.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { registerJob } from '../../platform/jobs.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead, runReminderSweep } from './notifications.service.ts';

/** How often the reminder engine runs; a person's own events are also caught up whenever the bell asks. */
export const REMINDER_SWEEP_MS = 5 * 60_000;

export const notificationsRoutes: RouteModule = (app, { db }) => {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: notificationQuerySchema, response: { 200: notificationListSchema } },
    },
    async (req) => listNotifications(db, req.ctx, req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: readResultSchema } } },
    async (req) => markNotificationRead(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    { config: { action: 'business.read' }, schema: { tags, response: { 200: readResultSchema } } },
    async (req) => markAllNotificationsRead(db, req.ctx),
  );
  registerJob(app, { name: 'notifications.reminders', everyMs: REMINDER_SWEEP_MS, run: () => runReminderSweep(db) });
};
