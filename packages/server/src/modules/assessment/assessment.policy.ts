/**
 * Who may take which step on a scheme, written once: the service authorizes with it and the
 * presenter sends `allowedActions` from it. Facts not on the row (the actor's org kind, open
 * comments, missing scores) come in the context, so a button shown is a step the service accepts.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { AssessmentErrors } from '@township-office/domain/assessment.errors';
import {
  canTransition,
  publishProblem,
  REVISABLE_STATUSES,
  SCORING_STATUSES,
  type SchemeTransition,
} from '@township-office/domain/assessment';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import { allow, allowIf, deny, definePolicy, firstDenial, type Decision } from '../../platform/policy.ts';
import type { SchemeRow } from './assessment.tables.ts';

export interface SchemeCtx {
  today: string;
  /** The kind of the actor's own org: an office comments, reports and appeals only on its group's scheme. */
  actorOrgKind: string;
  unansweredComments: number;
  unansweredAppeals: number;
  /** Manual and self-reported items without a score, over every assessed office. */
  missingScores: number;
  /** The actor's own office's year-end self-assessment (only asked for an office's user). */
  ownSelfAssessment: 'missing' | 'unconfirmed' | 'confirmed';
}

const STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  consultation: '征求意见',
  published: '已发布',
  self_assessment: '自评',
  scoring: '评分',
  notice: '公示',
  final: '结果确定',
};

/** While a scheme is in force for the year: it may be issued as a 通知 (a draft or final one is not). */
const NOTICE_STATUSES: readonly string[] = ['published', 'self_assessment', 'scoring', 'notice'];

const may = (actor: Actor, action: Action): Decision => allowIf(roleMay(actor.role, action), CommonErrors.FORBIDDEN_ROLE);
const step = (s: SchemeRow, t: SchemeTransition): Decision =>
  allowIf(canTransition(s.status, t), AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status] ?? s.status });
const inGroup = (s: SchemeRow, ctx: SchemeCtx): Decision =>
  allowIf(ctx.actorOrgKind === s.targetKind, AssessmentErrors.ASSESSMENT_NOT_OWN_OFFICE);

function publishable(s: SchemeRow): Decision {
  const p = publishProblem(s.indicators);
  if (!p) return allow;
  return p.key === 'WEIGHTS_NOT_100'
    ? deny(AssessmentErrors.ASSESSMENT_WEIGHTS_NOT_100, { sum: p.sum })
    : deny(AssessmentErrors.ASSESSMENT_CHILD_WEIGHTS, { code: p.code, sum: p.sum, weight: p.weight });
}

export const schemePolicy = definePolicy<SchemeRow, SchemeCtx>()({
  editIndicators: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => allowIf(s.status === 'draft', AssessmentErrors.ASSESSMENT_NOT_DRAFT),
    ),
  openConsultation: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'openConsultation'),
      () => publishable(s),
    ),
  answerComment: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => allowIf(s.status === 'consultation', AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status]! }),
    ),
  publish: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'publish'),
      () => publishable(s),
      () => allowIf(ctx.unansweredComments === 0, AssessmentErrors.ASSESSMENT_COMMENTS_UNANSWERED, { count: ctx.unansweredComments }),
    ),
  openSelfAssessment: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'openSelfAssessment'),
    ),
  startScoring: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'startScoring'),
    ),
  openNotice: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'openNotice'),
      () => allowIf(ctx.missingScores === 0, AssessmentErrors.ASSESSMENT_SCORES_MISSING, { count: ctx.missingScores }),
    ),
  finalise: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => step(s, 'finalise'),
      () => allowIf(ctx.unansweredAppeals === 0, AssessmentErrors.ASSESSMENT_APPEALS_OPEN, { count: ctx.unansweredAppeals }),
    ),
  score: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.score'),
      () => allowIf(SCORING_STATUSES.includes(s.status), AssessmentErrors.ASSESSMENT_NOT_SCORING, { status: STATUS_LABELS[s.status]! }),
    ),
  answerAppeal: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.score'),
      () => allowIf(s.status === 'notice', AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status]! }),
    ),
  comment: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.comment'),
      () => inGroup(s, ctx),
      () =>
        allowIf(
          s.status === 'consultation' && (s.consultationClosesOn === null || ctx.today <= s.consultationClosesOn),
          AssessmentErrors.ASSESSMENT_CONSULTATION_CLOSED,
        ),
    ),
  selfReport: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.selfReport'),
      () => inGroup(s, ctx),
      () => allowIf(s.status === 'self_assessment', AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status]! }),
    ),
  selfAssess: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.selfReport'),
      () => inGroup(s, ctx),
      () => allowIf(s.status === 'self_assessment', AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status]! }),
    ),
  confirmSelfAssessment: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.confirmSelf'),
      () => inGroup(s, ctx),
      () => allowIf(s.status === 'self_assessment', AssessmentErrors.ASSESSMENT_BAD_STEP, { status: STATUS_LABELS[s.status]! }),
      () => allowIf(ctx.ownSelfAssessment !== 'missing', AssessmentErrors.ASSESSMENT_SELF_SUMMARY_MISSING),
      () => allowIf(ctx.ownSelfAssessment !== 'confirmed', AssessmentErrors.ASSESSMENT_SELF_CONFIRMED),
    ),
  revise: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => allowIf(REVISABLE_STATUSES.includes(s.status), AssessmentErrors.ASSESSMENT_NOT_REVISABLE, { status: STATUS_LABELS[s.status]! }),
    ),
  /** The 关于印发…的通知: the county admin, while the scheme is in force (published, not yet final). */
  issueNotice: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () =>
        allowIf(NOTICE_STATUSES.includes(s.status), AssessmentErrors.ASSESSMENT_NOTICE_NOT_PUBLISHED, { status: STATUS_LABELS[s.status]! }),
    ),
  editGrades: (a, s) =>
    firstDenial(
      () => may(a, 'assessment.manage'),
      () => allowIf(s.status !== 'final', AssessmentErrors.ASSESSMENT_GRADES_FINAL),
    ),
  appeal: (a, s, ctx) =>
    firstDenial(
      () => may(a, 'assessment.appeal'),
      () => inGroup(s, ctx),
      () =>
        allowIf(
          s.status === 'notice' && (s.noticeClosesOn === null || ctx.today <= s.noticeClosesOn),
          AssessmentErrors.ASSESSMENT_APPEAL_WINDOW,
        ),
    ),
});
export type SchemeAction = (typeof schemePolicy.actions)[number];

export { STATUS_LABELS };
