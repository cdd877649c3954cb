import { z } from 'zod';
import { ADOPTION_LEVELS, INFO_KINDS, INFO_STATUSES, INFO_URGENCIES, RESEARCH_GRADES, formatBulletinNumber } from '@township-office/domain/information';
import type { Actor } from '../../platform/context.ts';
import { itemActions, reportActions } from './information.policy.ts';
import type { InfoAdoptionRow, InfoBulletinRow, InfoItemRow, ResearchReportRow, ResearchTopicRow } from './information.tables.ts';

export const adoptionOut = z.object({ level: z.enum(ADOPTION_LEVELS), points: z.number().int(), note: z.string().nullable(), adoptedAt: z.string() });
export const itemOut = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  title: z.string(),
  content: z.string(),
  kind: z.enum(INFO_KINDS),
  urgency: z.enum(INFO_URGENCIES),
  status: z.enum(INFO_STATUSES),
  submittedAt: z.string(),
  submitterName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  adoptions: z.array(adoptionOut),
  points: z.number().int(),
  actions: z.array(z.enum(['withdraw', 'review', 'addAdoption'])),
});

export function presentItem(actor: Actor, row: InfoItemRow & { orgName: string; submitterName: string | null; adoptions: InfoAdoptionRow[] }): z.infer<typeof itemOut> {
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
    actions: itemActions(actor, row, row.adoptions),
  };
}

export const bulletinOut = z.object({
  id: z.string().uuid(),
  year: z.number().int(),
  number: z.number().int(),
  numberText: z.string(),
  title: z.string(),
  compiledAt: z.string(),
  documentId: z.string().uuid().nullable(),
  dispatchedAt: z.string().nullable(),
  itemCount: z.number().int(),
});
export function presentBulletin(row: InfoBulletinRow & { itemCount: number }): z.infer<typeof bulletinOut> {
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

export const topicOut = z.object({ id: z.string().uuid(), year: z.number().int(), title: z.string(), description: z.string(), deadline: z.string(), reports: z.number().int(), evaluated: z.number().int() });
export function presentTopic(row: ResearchTopicRow & { reports?: number; evaluated?: number }): z.infer<typeof topicOut> {
  return { id: row.id, year: row.year, title: row.title, description: row.description, deadline: row.deadline, reports: row.reports ?? 0, evaluated: row.evaluated ?? 0 };
}

export const reportOut = z.object({
  id: z.string().uuid(),
  topicId: z.string().uuid(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  title: z.string(),
  content: z.string(),
  submittedAt: z.string(),
  grade: z.enum(RESEARCH_GRADES).nullable(),
  comment: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  actions: z.array(z.literal('evaluate')),
});
export function presentReport(actor: Actor, row: ResearchReportRow & { orgName?: string }): z.infer<typeof reportOut> {
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
    actions: reportActions(actor, row),
  };
}
