/**
 * 调研: the county office sets research topics with deadlines; townships report on them (one
 * report per township and topic); the county grades each report with a comment. Counted for the
 * assessment.
 */
import { type ResearchEvaluate, type ResearchReportCreate, type ResearchTopicCreate } from '@township-office/domain/information';
import { InfoErrors } from '@township-office/domain/information.errors';
import type { Db } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { chinaToday, chinaYear } from '@township-office/domain/dates';
import { authorize } from '../../platform/policy.ts';
import { researchReportPolicy } from './information.policy.ts';
import { researchRepository as repo } from './research.repository.ts';

export async function createTopic(db: Db, ctx: RequestContext, input: ResearchTopicCreate) {
  assertMay(ctx.actor, 'research.manage');
  return db.transaction(async (tx) => {
    const row = await repo.insertTopic(tx, {
      orgId: ctx.actor.orgId,
      year: Number(input.deadline.slice(0, 4)) || chinaYear(),
      title: input.title,
      description: input.description,
      deadline: input.deadline,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'research.topic.create',
      entity: 'research_topic',
      entityId: row.id,
      after: { title: row.title, deadline: row.deadline },
    });
    return row;
  });
}

export function listTopics(db: Db, ctx: RequestContext, year?: number) {
  return repo.listTopics(db, year, orgScope(ctx.actor));
}

export async function submitReport(db: Db, ctx: RequestContext, topicId: string, input: ResearchReportCreate) {
  assertMay(ctx.actor, 'research.report');
  const topic = await repo.topicById(db, topicId);
  if (!topic) throw notFound();
  const org = await orgById(db, ctx.actor.orgId);
  if (!org || (org.kind !== 'township' && org.kind !== 'county_department')) throw new AppError(InfoErrors.INFO_OWN_ORG_ONLY);
  if (chinaToday() > topic.deadline) throw new AppError(InfoErrors.RESEARCH_TOPIC_CLOSED, { deadline: topic.deadline });
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertReport(tx, {
        orgId: ctx.actor.orgId,
        topicId,
        title: input.title,
        content: input.content,
        submittedBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, {
        action: 'research.report.submit',
        entity: 'research_report',
        entityId: row.id,
        after: { topicId, title: row.title },
      });
      return row;
    });
  } catch (err) {
    mapPgError(err, { research_reports_topic_id_org_id_key: InfoErrors.RESEARCH_REPORT_EXISTS });
  }
}

export function listReports(db: Db, ctx: RequestContext, topicId?: string) {
  return repo.listReports(db, topicId, orgScope(ctx.actor));
}

export async function getReport(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.reportById(db, id);
  if (!row) throw notFound();
  assertReadableOrg(ctx.actor, row.orgId);
  return row;
}

export async function evaluateReport(db: Db, ctx: RequestContext, id: string, input: ResearchEvaluate) {
  assertMay(ctx.actor, 'research.manage');
  return db.transaction(async (tx) => {
    const row = await repo.reportById(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    authorize(researchReportPolicy, ctx.actor, 'evaluate', row);
    const updated = await repo.updateReport(tx, id, {
      grade: input.grade,
      comment: input.comment,
      evaluatedBy: ctx.actor.userId,
      evaluatedAt: new Date(),
    });
    await writeAudit(tx, ctx, {
      action: 'research.report.evaluate',
      entity: 'research_report',
      entityId: id,
      orgId: row.orgId,
      before: { grade: null },
      after: { grade: updated.grade, comment: updated.comment },
    });
    return updated;
  });
}
