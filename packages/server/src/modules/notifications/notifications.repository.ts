/** SQL of the notifications table (and the accounts the reminder engine writes to). */
import { sql } from 'drizzle-orm';
import { BUSINESS_ROLES } from '@township-office/domain/roles';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import type { NotificationRow } from './notifications.tables.ts';

export interface NewNotification {
  orgId: string;
  userId: string;
  todoKind: string;
  stage: NotificationRow['stage'];
  daysLeft: number | null;
  recordId: string;
  title: string;
  subject: string | null;
  href: string;
  dueAt: string | null;
  eventKey: string;
  /** Already covered by another notification of the same sweep (a reminder that arrives with its "new"): stored read. */
  silent: boolean;
}

type Raw = {
  id: string;
  org_id: string;
  user_id: string;
  todo_kind: string;
  stage: NotificationRow['stage'];
  days_left: number | null;
  record_id: string;
  title: string;
  subject: string | null;
  href: string;
  due_at: Date | null;
  event_key: string;
  created_at: Date;
  read_at: Date | null;
  item_count: number | null;
  digest: NotificationRow['digest'];
};

const toRow = (r: Raw): NotificationRow => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  todoKind: r.todo_kind,
  stage: r.stage,
  daysLeft: r.days_left,
  recordId: r.record_id,
  title: r.title,
  subject: r.subject,
  href: r.href,
  dueAt: r.due_at ? new Date(r.due_at) : null,
  eventKey: r.event_key,
  createdAt: new Date(r.created_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
  itemCount: r.item_count,
  digest: r.digest,
});

export const notificationsRepository = {
  /** Inserts the events not sent yet; an event already stored for that person is skipped (the engine's idempotence). */
  async insertNew(tx: DbOrTx, rows: NewNotification[]): Promise<{ userId: string; orgId: string; eventKey: string }[]> {
    if (rows.length === 0) return [];
    // One array per column (unnest), not one JSON document: PostgreSQL reads arrays of plain values
    // faster than it parses and unpacks JSON objects, and a sweep writes millions of rows.
    const col = <T>(f: (n: NewNotification) => T) => sql.param(rows.map(f));
    const r = await tx.execute<{ user_id: string; org_id: string; event_key: string }>(sql`
      INSERT INTO notifications (org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key, read_at)
      SELECT x.org_id, x.user_id, x.todo_kind, x.stage, x.days_left, x.record_id, left(x.title, 400), x.subject, x.href, x.due_at, x.event_key,
             CASE WHEN x.silent THEN now() END
      FROM unnest(${col((n) => n.orgId)}::uuid[], ${col((n) => n.userId)}::uuid[], ${col((n) => n.todoKind)}::text[],
                  ${col((n) => n.stage)}::text[], ${col((n) => n.daysLeft)}::int[], ${col((n) => n.recordId)}::uuid[],
                  ${col((n) => n.title)}::text[], ${col((n) => n.subject)}::text[], ${col((n) => n.href)}::text[],
                  ${col((n) => n.dueAt)}::timestamptz[], ${col((n) => n.eventKey)}::text[], ${col((n) => n.silent)}::boolean[])
           AS x(org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key, silent)
      ON CONFLICT (user_id, event_key) DO NOTHING
      RETURNING user_id, org_id, event_key`);
    return r.rows.map((x) => ({ userId: x.user_id, orgId: x.org_id, eventKey: x.event_key }));
  },

  /**
   * The rows whose (user, event) is not stored yet, found by sending only the two keys: a sweep
   * re-offers every event of every person each time it runs, and almost all are already sent.
   */
  async unsent(tx: DbOrTx, rows: NewNotification[]): Promise<NewNotification[]> {
    if (rows.length === 0) return [];
    const r = await tx.execute<{ i: string }>(sql`
      SELECT x.i FROM unnest(${sql.param(rows.map((n) => n.userId))}::uuid[], ${sql.param(rows.map((n) => n.eventKey))}::text[])
        WITH ORDINALITY AS x(user_id, event_key, i)
      WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = x.user_id AND n.event_key = x.event_key)
        AND NOT EXISTS (SELECT 1 FROM notification_digest_events d WHERE d.user_id = x.user_id AND d.event_key = x.event_key)`);
    return r.rows.map((x) => rows[Number(x.i) - 1]!);
  },

  async list(db: DbOrTx, userId: string, opts: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
    const r = await db.execute<Raw>(sql`
      SELECT * FROM notifications WHERE user_id = ${userId} ${opts.unreadOnly ? sql`AND read_at IS NULL` : sql``}
      ORDER BY created_at DESC, id LIMIT ${opts.limit}`);
    return r.rows.map(toRow);
  },

  async unreadCount(db: DbOrTx, userId: string): Promise<number> {
    const r = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
    );
    return Number(r.rows[0]!.n);
  },

  async byIdLocked(tx: DbOrTx, id: string): Promise<NotificationRow | null> {
    const r = await tx.execute<Raw>(sql`SELECT * FROM notifications WHERE id = ${id} FOR UPDATE`);
    return r.rows[0] ? toRow(r.rows[0]) : null;
  },

  async markRead(tx: DbOrTx, id: string): Promise<void> {
    await tx.execute(sql`UPDATE notifications SET read_at = now() WHERE id = ${id} AND read_at IS NULL`);
  },

  async markAllRead(tx: DbOrTx, userId: string): Promise<number> {
    const r = await tx.execute(sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL`);
    return r.rowCount ?? 0;
  },

  /** Every active business account: the people the reminder engine looks after. */
  async businessActors(db: DbOrTx): Promise<Actor[]> {
    const r = await db.execute<{ id: string; username: string; display_name: string; role: Actor['role']; org_id: string }>(sql`
      SELECT id, username, display_name, role, org_id FROM users
      WHERE disabled_at IS NULL AND role = ANY (${`{${BUSINESS_ROLES.join(',')}}`}::text[]) ORDER BY org_id, id`);
    return r.rows.map((x) => ({ userId: x.id, username: x.username, displayName: x.display_name, role: x.role, orgId: x.org_id }));
  },

  /** The active business accounts of one office. */
  async businessActorsOf(db: DbOrTx, orgId: string): Promise<Actor[]> {
    const r = await db.execute<{ id: string; username: string; display_name: string; role: Actor['role']; org_id: string }>(sql`
      SELECT id, username, display_name, role, org_id FROM users
      WHERE org_id = ${orgId} AND disabled_at IS NULL AND role = ANY (${`{${BUSINESS_ROLES.join(',')}}`}::text[]) ORDER BY id`);
    return r.rows.map((x) => ({ userId: x.id, username: x.username, displayName: x.display_name, role: x.role, orgId: x.org_id }));
  },

  /** The office's leaders in charge, who hear of what is overdue in their office. */
  async leadersOf(db: DbOrTx, orgIds: string[]): Promise<{ userId: string; orgId: string }[]> {
    if (orgIds.length === 0) return [];
    const r = await db.execute<{ id: string; org_id: string }>(sql`
      SELECT id, org_id FROM users WHERE disabled_at IS NULL AND role = 'leader_in_charge' AND org_id = ANY (${`{${orgIds.join(',')}}`}::uuid[])`);
    return r.rows.map((x) => ({ userId: x.id, orgId: x.org_id }));
  },
};
