/** Allow-listed response bodies of the information module; the shapes are domain/information.api.ts. */
import { formatBulletinNumber } from '@township-office/domain/information';
import type { Bulletin, BulletinDetail, InfoReport, ResearchReport, Topic } from '@township-office/domain/information.api';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { infoReportPolicy, researchReportPolicy } from './information.policy.ts';
import type { InfoAdoptionRow, InfoBulletinRow, InfoItemRow, ResearchReportRow, ResearchTopicRow } from './information.tables.ts';

export function presentInfoReport(
  actor: Actor,
  row: InfoItemRow & { orgName: string; submitterName: string | null; adoptions: InfoAdoptionRow[] },
): InfoReport {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    title: row.title,
    content: row.content,
    kind: row.kind,
    urgency: row.urgency,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    submitterName: row.submitterName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewNote: row.reviewNote,
    adoptions: row.adoptions.map((a) => ({ level: a.level, points: a.points, note: a.note, adoptedAt: a.adoptedAt.toISOString() })),
    points: row.adoptions.reduce((s, a) => s + a.points, 0),
    allowedActions: allowedActions(infoReportPolicy, actor, row, { adoptions: row.adoptions }),
  };
}

export function presentBulletin(row: InfoBulletinRow & { itemCount: number }): Bulletin {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    numberText: formatBulletinNumber(row.year, row.number),
    title: row.title,
    compiledAt: row.compiledAt.toISOString(),
    documentId: row.documentId,
    dispatchedAt: row.dispatchedAt?.toISOString() ?? null,
    itemCount: row.itemCount,
  };
}

export function presentTopic(row: ResearchTopicRow & { reports?: number; evaluated?: number }): Topic {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    description: row.description,
    deadline: row.deadline,
    reports: row.reports ?? 0,
    evaluated: row.evaluated ?? 0,
  };
}

export function presentReport(actor: Actor, row: ResearchReportRow & { orgName?: string }): ResearchReport {
  return {
    id: row.id,
    topicId: row.topicId,
    orgId: row.orgId,
    orgName: row.orgName ?? '',
    title: row.title,
    content: row.content,
    submittedAt: row.submittedAt.toISOString(),
    grade: row.grade,
    comment: row.comment,
    evaluatedAt: row.evaluatedAt?.toISOString() ?? null,
    allowedActions: allowedActions(researchReportPolicy, actor, row),
  };
}

export function presentBulletinDetail(
  row: InfoBulletinRow & { items: (InfoItemRow & { orgName: string; position: number })[] },
): BulletinDetail {
  return {
    ...presentBulletin({ ...row, itemCount: row.items.length }),
    items: row.items.map((i) => ({ id: i.id, position: i.position, title: i.title, orgName: i.orgName, content: i.content })),
  };
}
