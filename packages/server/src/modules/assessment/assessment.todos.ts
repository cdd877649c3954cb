/**
 * The assessment module's to-dos: for the county's scorers, appeals (申诉) of a scheme in public
 * notice not yet answered; for a leader in charge, a scheme of the office's group in consultation
 * on which the leader has not commented yet (the rules of `assessment.policy.ts`: answerAppeal, comment);
 * for a leader in charge, the office's self-assessment waiting for confirmation; for an office, a
 * scheme of its group revised after publication (a week long, announced once by the notifications).
 */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { endOfChinaDay } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { TODO_LIMIT, type TodoLimit, type Todo, type TodoProvider } from '../../platform/todos.ts';

type Row = { id: string; title: string; subject: string | null; due: string | null };

export const assessmentTodos: TodoProvider = {
  module: 'assessment',
  async todos(db, actor, now, limit: TodoLimit = TODO_LIMIT) {
    const out: Todo[] = [];
    const due = (d: string | null) => (d ? new Date(endOfChinaDay(d)) : null);
    if (roleMay(actor.role, 'assessment.score')) {
      const r = await db.execute<Row>(sql`
        SELECT a.id, s.title, o.name AS subject, s.notice_closes_on::text AS due
        FROM assessment_appeals a JOIN assessment_schemes s ON s.id = a.scheme_id JOIN orgs o ON o.id = a.org_id
        WHERE a.answered_at IS NULL AND s.status = 'notice' ORDER BY a.created_at LIMIT ${limit}`);
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
        LIMIT ${limit}`);
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
    if (roleMay(actor.role, 'assessment.confirmSelf')) {
      // The office's self-assessment, sent and not yet confirmed by its leader in charge.
      const r = await db.execute<Row>(sql`
        SELECT s.id, s.title, NULL AS subject, NULL AS due
        FROM assessment_self_assessments a JOIN assessment_schemes s ON s.id = a.scheme_id
        WHERE a.org_id = ${actor.orgId} AND a.confirmed_at IS NULL AND s.status = 'self_assessment'
        ORDER BY a.submitted_at LIMIT ${limit}`);
      for (const x of r.rows)
        out.push({
          kind: 'assessment.confirmSelf',
          title: x.title,
          subject: null,
          recordId: x.id,
          href: '/supervision/assessment',
          dueAt: null,
        });
    }
    if (roleMay(actor.role, 'assessment.selfReport')) {
      // A scheme of the office's group revised in the last 7 days: its new version and why (announced once as news).
      const r = await db.execute<Row & { version: number; reason: string }>(sql`
        SELECT v.id, s.title, v.version, v.reason
        FROM assessment_scheme_versions v JOIN assessment_schemes s ON s.id = v.scheme_id JOIN orgs me ON me.id = ${actor.orgId}
        WHERE v.version > 1 AND s.target_kind = me.kind AND v.created_at > ${now.toISOString()}::timestamptz - interval '7 days'
        ORDER BY v.created_at DESC LIMIT ${limit}`);
      for (const x of r.rows)
        out.push({
          kind: 'assessment.revision',
          title: `${x.title}（第${x.version}版）`,
          subject: x.reason,
          recordId: x.id,
          href: '/supervision/assessment',
          dueAt: null,
        });
    }
    return out;
  },
  // The same for every person at once (the reminder engine): few rows, read whole.
  everyone: {
    whole: true,
    queries: (s) => [
      sql`SELECT p.user_id, p.org_id, p.role, 'assessment.appeal' AS todo_kind, a.id AS record_id, sc.title, o.name AS subject,
                 '/supervision/assessment' AS href, ${s.endOfDay(sql`sc.notice_closes_on`)} AS due_at, true AS news
          FROM assessment_appeals a JOIN assessment_schemes sc ON sc.id = a.scheme_id JOIN orgs o ON o.id = a.org_id
            CROSS JOIN ${s.people('assessment.score')} p
          WHERE a.answered_at IS NULL AND sc.status = 'notice'`,
      sql`SELECT p.user_id, p.org_id, p.role, 'assessment.comment' AS todo_kind, sc.id AS record_id, sc.title, NULL::text AS subject,
                 '/supervision/assessment' AS href, ${s.endOfDay(sql`sc.consultation_closes_on`)} AS due_at, true AS news
          FROM ${s.people('assessment.comment')} p JOIN orgs me ON me.id = p.org_id
            JOIN assessment_schemes sc ON sc.status = 'consultation' AND sc.target_kind = me.kind
          WHERE (sc.consultation_closes_on IS NULL OR sc.consultation_closes_on >= ${s.today}::date)
            AND NOT EXISTS (SELECT 1 FROM assessment_comments c WHERE c.scheme_id = sc.id AND c.author_user_id = p.user_id)`,
      sql`SELECT p.user_id, p.org_id, p.role, 'assessment.confirmSelf' AS todo_kind, sc.id AS record_id, sc.title, NULL::text AS subject,
                 '/supervision/assessment' AS href, NULL::timestamptz AS due_at, true AS news
          FROM assessment_self_assessments a JOIN assessment_schemes sc ON sc.id = a.scheme_id
            JOIN ${s.people('assessment.confirmSelf')} p ON p.org_id = a.org_id
          WHERE a.confirmed_at IS NULL AND sc.status = 'self_assessment'`,
      sql`SELECT p.user_id, p.org_id, p.role, 'assessment.revision' AS todo_kind, v.id AS record_id,
                 sc.title || '（第' || v.version || '版）' AS title, v.reason AS subject,
                 '/supervision/assessment' AS href, NULL::timestamptz AS due_at, true AS news
          FROM assessment_scheme_versions v JOIN assessment_schemes sc ON sc.id = v.scheme_id
            JOIN ${s.people('assessment.selfReport')} p ON true JOIN orgs me ON me.id = p.org_id AND sc.target_kind = me.kind
          WHERE v.version > 1 AND v.created_at > ${s.now.toISOString()}::timestamptz - interval '7 days'`,
    ],
  },
};
