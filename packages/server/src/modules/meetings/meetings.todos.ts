/** The meetings module's to-dos: open follow-ups (督办) of the actor's org due within a week or overdue. */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { uuidArray } from '../../db/sql.ts';
import { TODO_LIMIT, type TodoLimit, type TodoProvider } from '../../platform/todos.ts';

/** How far ahead a follow-up's deadline puts it on the workbench. */
export const FOLLOW_UP_HORIZON_DAYS = 7;

export const meetingsTodos: TodoProvider = {
  module: 'meetings',
  async todos(db, actor, now, limit: TodoLimit = TODO_LIMIT) {
    if (!roleMay(actor.role, 'followUps.manage')) return [];
    const r = await db.execute<{ id: string; decision_text: string; owner_name: string; deadline: string }>(sql`
      SELECT f.id, f.decision_text, f.owner_name, f.deadline::text AS deadline FROM follow_ups f
      WHERE f.org_id = ${actor.orgId} AND f.status = 'open' AND f.deadline <= ${chinaToday(now)}::date + ${FOLLOW_UP_HORIZON_DAYS}::int
      ORDER BY f.deadline LIMIT ${limit}`);
    return r.rows.map((x) => ({
      kind: 'followUp.due',
      title: x.decision_text,
      subject: x.owner_name,
      recordId: x.id,
      href: '/meetings/follow-ups',
      dueAt: new Date(endOfChinaDay(x.deadline)),
    }));
  },
  everyone: {
    // The office's followUps.manage people, each open follow-up whose deadline is in a reminder window.
    queries: (s) => [
      sql`SELECT p.user_id, p.org_id, p.role, 'followUp.due' AS todo_kind, f.id AS record_id, f.decision_text AS title,
                 f.owner_name AS subject, '/meetings/follow-ups' AS href, ${s.endOfDay(sql`f.deadline`)} AS due_at, false AS news
          FROM follow_ups f JOIN ${s.people('followUps.manage')} p ON p.org_id = f.org_id
          WHERE f.status = 'open' AND f.deadline <= ${s.today}::date + ${FOLLOW_UP_HORIZON_DAYS}::int
            AND (${s.dayDue(sql`f.deadline`)} OR ${s.createdSince(sql`f.created_at`)} OR ${s.changedSince(['follow_up'], sql`f.id`)})`,
    ],
  },
  entities: ['meeting', 'follow_up'],
  async describe(db, actor, entity, ids) {
    const r = await db.execute<{ id: string; title: string; href: string }>(
      entity === 'meeting'
        ? sql`SELECT id, title, '/meetings/' || id AS href FROM meetings WHERE id = ANY (${uuidArray(ids)}) AND org_id = ${actor.orgId}`
        : sql`SELECT id, decision_text AS title, '/meetings/follow-ups' AS href FROM follow_ups WHERE id = ANY (${uuidArray(ids)}) AND org_id = ${actor.orgId}`,
    );
    return new Map(r.rows.map((x) => [x.id, { title: x.title, href: x.href }]));
  },
};
