/**
 * The duty module's to-dos: today's duty when the roster names the actor (by name, as the paper
 * roster does), and a handover (交接班) waiting for the actor's confirmation, either side.
 */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { TODO_LIMIT, type TodoLimit, type Todo, type TodoProvider } from '../../platform/todos.ts';

export const dutyTodos: TodoProvider = {
  module: 'duty',
  async todos(db, actor, now, limit: TodoLimit = TODO_LIMIT) {
    if (!roleMay(actor.role, 'duty.keep')) return [];
    const today = chinaToday(now);
    const out: Todo[] = [];
    const roster = await db.execute<{ id: string; leader_name: string }>(sql`
      SELECT r.id, r.leader_name FROM duty_roster_days r
      WHERE r.org_id = ${actor.orgId} AND r.day = ${today}::date
        AND (r.leader_name = ${actor.displayName} OR ${actor.displayName} = ANY (r.staff_names))`);
    for (const x of roster.rows)
      out.push({
        kind: 'duty.today',
        title: today,
        subject: x.leader_name,
        recordId: x.id,
        href: '/duty/log',
        dueAt: new Date(endOfChinaDay(today)),
      });
    const handovers = await db.execute<{ id: string; day: string; other: string }>(sql`
      SELECT h.id, h.day::text AS day,
             CASE WHEN h.incoming_user_id = ${actor.userId} THEN h.outgoing_name ELSE h.incoming_name END AS other
      FROM duty_handovers h
      WHERE h.org_id = ${actor.orgId}
        AND ((h.incoming_user_id = ${actor.userId} AND h.incoming_confirmed_at IS NULL)
          OR (h.outgoing_user_id = ${actor.userId} AND h.outgoing_confirmed_at IS NULL))
      ORDER BY h.day LIMIT ${limit}`);
    for (const x of handovers.rows)
      out.push({
        kind: 'duty.handover',
        title: x.day,
        subject: x.other,
        recordId: x.id,
        href: '/duty/handover',
        dueAt: new Date(endOfChinaDay(x.day)),
      });
    return out;
  },
  // The same for every person at once (the reminder engine): two rows' kinds with few rows, read whole.
  everyone: {
    whole: true,
    queries: (s) => [
      sql`SELECT p.user_id, p.org_id, p.role, 'duty.today' AS todo_kind, r.id AS record_id, ${s.today}::text AS title,
                 r.leader_name AS subject, '/duty/log' AS href, ${s.endOfDay(sql`${s.today}::date`)} AS due_at, true AS news
          FROM duty_roster_days r JOIN ${s.people('duty.keep')} p ON p.org_id = r.org_id
            AND (r.leader_name = p.display_name OR p.display_name = ANY (r.staff_names))
          WHERE r.day = ${s.today}::date`,
      sql`SELECT p.user_id, p.org_id, p.role, 'duty.handover' AS todo_kind, h.id AS record_id, h.day::text AS title,
                 CASE WHEN h.incoming_user_id = p.user_id THEN h.outgoing_name ELSE h.incoming_name END AS subject,
                 '/duty/handover' AS href, ${s.endOfDay(sql`h.day`)} AS due_at, true AS news
          FROM duty_handovers h JOIN ${s.people('duty.keep')} p ON p.org_id = h.org_id
            AND ((h.incoming_user_id = p.user_id AND h.incoming_confirmed_at IS NULL)
              OR (h.outgoing_user_id = p.user_id AND h.outgoing_confirmed_at IS NULL))`,
    ],
  },
};
