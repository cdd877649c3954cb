/** 已办 for the workbench: the actor's own recent business actions, read from the audit trail (newest first). */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export interface DoneRow {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  title: string | null;
  at: Date;
}

/** Reads of records (exports, reveals, searches) and sign-ins are not work done: they stay in the audit browser. */
const NOT_WORK = ['%.export', '%.reveal', '%.search', 'auth.%', 'session.%', 'register.export', 'notification.%'];

export async function recentActionsOf(db: DbOrTx, userId: string, limit: number): Promise<DoneRow[]> {
  const r = await db.execute<{ id: string; action: string; entity: string; entity_id: string | null; title: string | null; at: Date }>(sql`
    SELECT id, action, entity, entity_id, COALESCE(after->>'title', before->>'title') AS title, at FROM audit_log
    WHERE actor_user_id = ${userId} AND NOT (action LIKE ANY (${`{${NOT_WORK.join(',')}}`}::text[]))
    ORDER BY at DESC LIMIT ${limit}`);
  return r.rows.map((x) => ({
    id: Number(x.id),
    action: x.action,
    entity: x.entity,
    entityId: x.entity_id,
    title: x.title,
    at: new Date(x.at),
  }));
}
