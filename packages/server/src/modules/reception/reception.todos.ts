/**
 * The reception module's to-dos: petitions whose next statutory deadline (受理告知, 办理, 复查, 复核;
 * 信访工作条例 as `domain/petitions.ts` computes it into `due_on`) falls within a week or has passed.
 * The case's handlers see it; a case without named handlers, every petition handler of the org.
 * The title is the case's subject and number only: never a petitioner's name, ID or phone.
 */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { uuidArray } from '../../db/sql.ts';
import { TODO_LIMIT, type TodoLimit, type TodoProvider } from '../../platform/todos.ts';
import { petitionSerial } from './reception.presenter.ts';

export const PETITION_HORIZON_DAYS = 7;

export const receptionTodos: TodoProvider = {
  module: 'reception',
  async todos(db, actor, now, limit: TodoLimit = TODO_LIMIT) {
    if (!roleMay(actor.role, 'petitions.handle')) return [];
    const r = await db.execute<{ id: string; subject: string; year: number; seq: number; due_on: string }>(sql`
      SELECT p.id, p.subject, p.year, p.seq, p.due_on::text AS due_on FROM petitions p
      WHERE p.org_id = ${actor.orgId} AND p.due_on IS NOT NULL AND p.due_on <= ${chinaToday(now)}::date + ${PETITION_HORIZON_DAYS}::int
        AND (${actor.userId}::uuid = ANY (p.handler_user_ids) OR cardinality(p.handler_user_ids) = 0)
      ORDER BY p.due_on LIMIT ${limit}`);
    return r.rows.map((x) => ({
      kind: 'petition.deadline',
      title: x.subject,
      subject: petitionSerial(x),
      recordId: x.id,
      href: `/reception/petitions/${x.id}`,
      dueAt: new Date(endOfChinaDay(x.due_on)),
    }));
  },
  everyone: {
    queries: (s) => [
      sql`SELECT u.user_id, u.org_id, u.role, 'petition.deadline' AS todo_kind, p.id AS record_id, p.subject AS title,
                 p.year || '-' || CASE WHEN p.seq >= 1000 THEN p.seq::text ELSE lpad(p.seq::text, 4, '0') END AS subject,
                 '/reception/petitions/' || p.id AS href, ${s.endOfDay(sql`p.due_on`)} AS due_at, false AS news
          FROM petitions p JOIN ${s.people('petitions.handle')} u ON u.org_id = p.org_id
            AND (u.user_id = ANY (p.handler_user_ids) OR cardinality(p.handler_user_ids) = 0)
          WHERE p.due_on IS NOT NULL AND p.due_on <= ${s.today}::date + ${PETITION_HORIZON_DAYS}::int
            AND (${s.dayDue(sql`p.due_on`)} OR ${s.createdSince(sql`p.created_at`)} OR ${s.changedSince(['petition'], sql`p.id`)})`,
    ],
  },
  entities: ['petition'],
  async describe(db, actor, _entity, ids) {
    const r = await db.execute<{ id: string; subject: string }>(
      sql`SELECT id, subject FROM petitions WHERE id = ANY (${uuidArray(ids)}) AND org_id = ${actor.orgId}`,
    );
    return new Map(r.rows.map((x) => [x.id, { title: x.subject, href: `/reception/petitions/${x.id}` }]));
  },
};
