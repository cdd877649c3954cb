/** The archives module's to-dos: loans (借阅) of the actor's org past their due day and not yet returned. */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { TODO_LIMIT, type TodoLimit, type TodoProvider } from '../../platform/todos.ts';

export const archivesTodos: TodoProvider = {
  module: 'archives',
  async todos(db, actor, now, limit: TodoLimit = TODO_LIMIT) {
    if (!roleMay(actor.role, 'archives.manage')) return [];
    const r = await db.execute<{ id: string; title: string; borrower: string; due_on: string }>(sql`
      SELECT l.id, i.title, l.borrower, l.due_on::text AS due_on FROM archive_loans l JOIN archive_items i ON i.id = l.item_id
      WHERE l.org_id = ${actor.orgId} AND l.returned_at IS NULL AND l.due_on < ${chinaToday(now)}::date
      ORDER BY l.due_on LIMIT ${limit}`);
    return r.rows.map((x) => ({
      kind: 'loan.overdue',
      title: x.title,
      subject: x.borrower,
      recordId: x.id,
      href: '/archives/lending',
      dueAt: new Date(endOfChinaDay(x.due_on)),
    }));
  },
  everyone: {
    queries: (s) => [
      sql`SELECT p.user_id, p.org_id, p.role, 'loan.overdue' AS todo_kind, l.id AS record_id, i.title, l.borrower AS subject,
                 '/archives/lending' AS href, ${s.endOfDay(sql`l.due_on`)} AS due_at, false AS news
          FROM archive_loans l JOIN archive_items i ON i.id = l.item_id JOIN ${s.people('archives.manage')} p ON p.org_id = l.org_id
          WHERE l.returned_at IS NULL AND l.due_on < ${s.today}::date
            AND (${s.dayDue(sql`l.due_on`)} OR ${s.createdSince(sql`l.lent_at`)} OR ${s.changedSince(['archive_loan'], sql`l.id`)})`,
    ],
  },
};
