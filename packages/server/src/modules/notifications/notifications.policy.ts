/** A notification is its addressee's alone: anyone else gets NOT_FOUND (its existence is not revealed). */
import { CommonErrors } from '@township-office/domain/errors';
import { allowIf, definePolicy } from '../../platform/policy.ts';
import type { NotificationRow } from './notifications.tables.ts';

export const notificationPolicy = definePolicy<NotificationRow>()({
  read: (actor, n) => allowIf(n.userId === actor.userId, CommonErrors.NOT_FOUND),
});
export type NotificationAction = (typeof notificationPolicy.actions)[number];
