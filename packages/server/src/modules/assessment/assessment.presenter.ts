/** Allow-listed fields of the assessment's responses. */
import { DEFAULT_GRADES, topLevelWeightSum } from '@township-office/domain/assessment';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { schemePolicy, type SchemeCtx } from './assessment.policy.ts';
import type { OfficeResult } from './assessment.scoring.ts';
import type { AppealRow, CommentRow, SchemeRow } from './assessment.tables.ts';

export function presentSchemeSummary(s: SchemeRow) {
  return { id: s.id, year: s.year, targetKind: s.targetKind, status: s.status, title: s.title };
}

export function presentScheme(
  actor: Actor,
  s: SchemeRow,
  comments: CommentRow[],
  appeals: AppealRow[],
  orgNames: Map<string, string>,
  ctx: SchemeCtx,
  version: number,
) {
  return {
    ...presentSchemeSummary(s),
    indicators: s.indicators.map((i) => ({
      code: i.code,
      parentCode: i.parentCode,
      name: i.name,
      weight: i.weight,
      method: i.method,
      metric: i.metric,
      description: i.description ?? '',
      rule: i.rule ?? null,
    })),
    weightSum: topLevelWeightSum(s.indicators),
    consultationClosesOn: s.consultationClosesOn,
    noticeClosesOn: s.noticeClosesOn,
    grades: { ...DEFAULT_GRADES, ...s.grades },
    comments: comments.map((c) => ({
      id: c.id,
      orgId: c.orgId,
      orgName: orgNames.get(c.orgId) ?? '',
      authorName: c.authorName,
      code: c.code,
      text: c.text,
      adopted: c.adopted,
      answer: c.answer,
      createdAt: c.createdAt.toISOString(),
    })),
    appeals: appeals.map((a) => ({
      id: a.id,
      orgId: a.orgId,
      orgName: orgNames.get(a.orgId) ?? '',
      code: a.code,
      reason: a.reason,
      answer: a.answer,
      oldScore: a.oldScore,
      newScore: a.newScore,
      createdAt: a.createdAt.toISOString(),
    })),
    version,
    allowedActions: allowedActions(schemePolicy, actor, s, ctx),
  };
}

export function presentResult(r: OfficeResult) {
  return { orgId: r.orgId, orgName: r.orgName, total: r.total, rank: r.rank, grade: r.grade, scores: r.scores };
}
