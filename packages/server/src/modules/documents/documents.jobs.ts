/**
 * Automatic 催办: a day before a handling deadline and every day after it, each open incoming
 * entry gets a reminder row and a live event for its handlers. Idempotent per entry, kind and
 * day, so several server processes running the job at once send each reminder once.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notify } from './documents.events.ts';
import { chinaToday } from '@township-office/domain/dates';

export async function runDeadlineReminders(db: Db, now = new Date()): Promise<number> {
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    // One job at a time across processes; the others find nothing left to do.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7201100)`);
    const r = await tx.execute<{ org_id: string; incoming_id: string; kind: string; handler_ids: string[] }>(sql`
      INSERT INTO document_reminders (org_id, incoming_id, kind, note, sent_at)
      SELECT i.org_id, i.id, k.kind, k.note, ${now.toISOString()}::timestamptz
      FROM incoming i
      CROSS JOIN LATERAL (SELECT CASE WHEN i.deadline < ${today}::date THEN 'after_deadline' ELSE 'before_deadline' END AS kind,
                                 CASE WHEN i.deadline < ${today}::date THEN '已超过办理时限，请尽快办结' ELSE '明日到期，请按时办结' END AS note) k
      WHERE i.status = 'in_progress' AND i.deadline IS NOT NULL AND i.deadline <= ${today}::date + 1
        AND NOT EXISTS (SELECT 1 FROM document_reminders x WHERE x.incoming_id = i.id AND x.kind = k.kind
                        AND (x.sent_at AT TIME ZONE 'Asia/Shanghai')::date = ${today}::date)
      RETURNING org_id, incoming_id, kind, (SELECT handler_ids FROM incoming WHERE id = incoming_id) AS handler_ids`);
    const orgs = new Set(r.rows.map((x) => x.org_id));
    for (const row of r.rows)
      await notify(tx, { type: 'incoming.reminder', orgIds: [row.org_id], incomingId: row.incoming_id, userIds: row.handler_ids });
    if (r.rows.length > 0)
      await writeAudit(
        tx,
        { actor: null, ip: null },
        {
          action: 'incoming.autoRemind',
          entity: 'incoming',
          orgId: null,
          after: { reminders: r.rows.length, orgs: orgs.size, day: today },
        },
      );
    return r.rows.length;
  });
}
