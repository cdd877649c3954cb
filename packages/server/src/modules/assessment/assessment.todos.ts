/**
 * The assessment module's to-dos: for the county's scorers, appeals (申诉) of a scheme in public
 * notice not yet answered; for a leader in charge, a scheme of the office's group in consultation
 * on which the leader has not commented yet (the rules of `assessment.policy.ts`: answerAppeal, comment).
 */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { TODO_LIMIT, type Todo, type TodoProvider } from '../../platform/todos.ts';

type Row = { id: string; title: string; subject: string | null; due: string | null };

export const assessmentTodos: TodoProvider = {
  module: 'assessment',
  async todos(db, actor, now) {
    const out: Todo[] = [];
    const due = (d: string | null) => (d ? new Date(endOfChinaDay(d)) : null);
    if (roleMay(actor.role, 'assessment.score')) {
      const r = await db.execute<Row>(sql`
        SELECT a.id, s.title, o.name AS subject, s.notice_closes_on::text AS due
        FROM assessment_appeals a JOIN assessment_schemes s ON s.id = a.scheme_id JOIN orgs o ON o.id = a.org_id
        WHERE a.answered_at IS NULL AND s.status = 'notice' ORDER BY a.created_at LIMIT ${TODO_LIMIT}`);
      for (const x of r.rows)
        out.push({
          kind: 'assessment.appeal',
          title: x.title,
          subject: x.subject,
          recordId: x.id,
          href: '/supervision/assessment',
          dueAt: due(x.due),
        });
    }
    if (roleMay(actor.role, 'assessment.comment')) {
      const r = await db.execute<Row>(sql`
        SELECT s.id, s.title, NULL AS subject, s.consultation_closes_on::text AS due
        FROM assessment_schemes s JOIN orgs me ON me.id = ${actor.orgId}
        WHERE s.status = 'consultation' AND s.target_kind = me.kind
          AND (s.consultation_closes_on IS NULL OR s.consultation_closes_on >= ${chinaToday(now)}::date)
          AND NOT EXISTS (SELECT 1 FROM assessment_comments c WHERE c.scheme_id = s.id AND c.author_user_id = ${actor.userId})
        LIMIT ${TODO_LIMIT}`);
      for (const x of r.rows)
        out.push({
          kind: 'assessment.comment',
          title: x.title,
          subject: null,
          recordId: x.id,
          href: '/supervision/assessment',
          dueAt: due(x.due),
        });
    }
    return out;
  },
};
