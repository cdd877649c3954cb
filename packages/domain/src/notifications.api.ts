/** Contracts of the notification centre: GET /api/notifications, POST /api/notifications/{id}/read, read-all. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { NOTIFICATION_STAGES } from './notifications.ts';
import { TODO_KINDS } from './workbench.ts';

export const notificationSchema = z.object({
  id: z.uuid(),
  /** In the request's language. */
  title: safeString(),
  href: safeString(),
  createdAt: safeString(),
  readAt: safeString().nullable(),
  kind: z.enum(TODO_KINDS),
  stage: z.enum(NOTIFICATION_STAGES),
  subject: safeString().nullable(),
  dueAt: safeString().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ unread: z.number().int(), items: z.array(notificationSchema) });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const readResultSchema = z.object({ unread: z.number().int() });
