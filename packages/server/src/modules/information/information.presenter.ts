import { z } from 'zod';
import { safeString } from '@township-office/domain/common';
import {
  ADOPTION_LEVELS,
  INFO_KINDS,
  INFO_STATUSES,
  INFO_URGENCIES,
  RESEARCH_GRADES,
  formatBulletinNumber,
} from '@township-office/domain/information';
import type { Actor } from '../../platform/context.ts';
import { itemActions, reportActions } from './information.policy.ts';
import type { InfoAdoptionRow, InfoBulletinRow, InfoItemRow, ResearchReportRow, ResearchTopicRow } from './information.tables.ts';

export const adoptionOut = z.object({
  level: z.enum(ADOPTION_LEVELS),
  points: z.number().int(),
  note: safeString().nullable(),
  adoptedAt: safeString(),
});
export const itemOut = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  title: safeString(),
  content: safeString(),
  kind: z.enum(INFO_KINDS),
  urgency: z.enum(INFO_URGENCIES),
  status: z.enum(INFO_STATUSES),
  submittedAt: safeString(),
  submitterName: safeString().nullable(),
  reviewedAt: safeString().nullable(),
  reviewNote: safeString().nullable(),
  adoptions: z.array(adoptionOut),
  points: z.number().int(),
  actions: z.array(z.enum(['withdraw', 'review', 'addAdoption'])),
});

export function presentItem(
  actor: Actor,
  row: InfoItemRow & { orgName: string; submitterName: string | null; adoptions: InfoAdoptionRow[] },
): z.infer<typeof itemOut> {
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
  id: z.uuid(),
  year: z.number().int(),
  number: z.number().int(),
  numberText: safeString(),
  title: safeString(),
  compiledAt: safeString(),
  documentId: z.uuid().nullable(),
  dispatchedAt: safeString().nullable(),
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

export const topicOut = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: safeString(),
  description: safeString(),
  deadline: safeString(),
  reports: z.number().int(),
  evaluated: z.number().int(),
});
export function presentTopic(row: ResearchTopicRow & { reports?: number; evaluated?: number }): z.infer<typeof topicOut> {
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

export const reportOut = z.object({
  id: z.uuid(),
  topicId: z.uuid(),
  orgId: z.uuid(),
  orgName: safeString(),
  title: safeString(),
  content: safeString(),
  submittedAt: safeString(),
  grade: z.enum(RESEARCH_GRADES).nullable(),
  comment: safeString().nullable(),
  evaluatedAt: safeString().nullable(),
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
