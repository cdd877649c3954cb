import { digestText, notificationText } from '@township-office/domain/notifications';
import type { Notification } from '@township-office/domain/notifications.api';
import type { TodoKind } from '@township-office/domain/workbench';
import type { Locale } from '@township-office/domain/common';
import { traditional } from '../../platform/i18n.ts';
import type { NotificationRow } from './notifications.tables.ts';

/** The headline is written in the reader's language at read time (the row keeps the facts, not a sentence). */
export function presentNotification(n: NotificationRow, locale: Locale): Notification {
  const text = (lang: 'zh' | 'en') =>
    n.stage === 'digest'
      ? digestText(n.itemCount ?? 0, n.digest ?? {}, lang)
      : notificationText({ stage: n.stage, daysLeft: n.daysLeft, title: n.title }, lang);
  const zh = text('zh');
  return {
    id: n.id,
    title: locale === 'en' ? text('en') : locale === 'zh-TW' ? traditional(zh) : zh,
    href: n.href,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
    kind: n.todoKind as TodoKind,
    stage: n.stage,
    subject: n.subject,
    dueAt: n.dueAt ? n.dueAt.toISOString() : null,
  };
}
