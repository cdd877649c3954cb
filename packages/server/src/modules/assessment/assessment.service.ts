/** The operations of the annual assessment: access check first, rules, then one transaction with its audit row. */
import { CommonErrors } from '@township-office/domain/errors';
import { AssessmentErrors } from '@township-office/domain/assessment.errors';
import { chinaToday } from '@township-office/domain/dates';
import {
  gradeProblem,
  DEFAULT_GRADES,
  indicatorProblem,
  isLeaf,
  publishProblem,
  scoreFits,
  SCHEME_TRANSITIONS,
  type Indicator,
  type SchemeTransition,
} from '@township-office/domain/assessment';
import type {
  GradesPut,
  IndicatorsPut,
  RevisionIn,
  ScoreEntry,
  SchemeCreate,
  SelfAssessmentIn,
  SelfAssessmentOut,
  SelfReport,
  StepBody,
} from '@township-office/domain/assessment.api';
import { seesAllTownships } from '@township-office/domain/roles';
import { allOn, type Db } from '../../db/client.ts';
import { assertMay, assertReadableOrg } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, withPgErrors } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { listOrgs, orgById, rootOrg } from '../orgs/orgs.service.ts';
import { draftDocument, readableDocument } from '../documents/documents.service.ts';
import { uploadAttachment } from '../documents/attachments.service.ts';
import type { FileStorage } from '../../platform/files.ts';
import { renderRegister } from '../../platform/print/register.ts';
import { schemeSpec } from './assessment.print.ts';
import { assessmentRepository as repo } from './assessment.repository.ts';
import {
  computeResults,
  gradeResults,
  isMeasuredLeaf,
  measuredScores,
  missingScoreCount,
  rerollOffices,
  standings,
  targetOrgs,
} from './assessment.scoring.ts';
import { schemePolicy, type SchemeAction, type SchemeCtx } from './assessment.policy.ts';
import type { SchemeRow } from './assessment.tables.ts';

const notFound = () => new AppError(CommonErrors.NOT_FOUND);

const selfState = (r: { confirmedAt: Date | null } | undefined): 'missing' | 'unconfirmed' | 'confirmed' =>
  !r ? 'missing' : r.confirmedAt ? 'confirmed' : 'unconfirmed';

/** Drafts belong to the county office; everyone else sees a scheme once it is opened to them. */
function visible(ctx: RequestContext, s: SchemeRow): boolean {
  return seesAllTownships(ctx.actor.role) || s.status !== 'draft';
}

export async function listSchemes(db: Db, ctx: RequestContext, year: number | undefined) {
  assertMay(ctx.actor, 'business.read');
  return (await repo.list(db, year)).filter((s) => visible(ctx, s));
}

async function readable(db: Db, ctx: RequestContext, id: string, lock = false): Promise<SchemeRow> {
  const s = await repo.byId(db, id, lock);
  if (!s || !visible(ctx, s)) throw notFound();
  return s;
}

/** The facts the policy needs beside the row. */
export async function schemeCtx(db: Db, ctx: RequestContext, s: SchemeRow): Promise<SchemeCtx> {
  // One after another: `db` is a transaction on the writes (lockFor), and one connection runs one
  // query at a time (pg deprecates queueing a second one while the first runs).
  const org = await orgById(db, ctx.actor.orgId);
  const unansweredComments = await repo.unansweredComments(db, s.id);
  const unansweredAppeals = await repo.unansweredAppeals(db, s.id);
  const needsScores = s.status === 'scoring';
  const missingScores = needsScores ? await missingScoreCount(db, s) : 0;
  const own = s.status === 'self_assessment' && org?.kind === s.targetKind ? await repo.selfAssessment(db, s.id, org.id) : undefined;
  return {
    today: chinaToday(),
    actorOrgKind: org?.kind ?? '',
    unansweredComments,
    unansweredAppeals,
    missingScores,
    ownSelfAssessment: selfState(own),
  };
}

export async function getScheme(db: Db, ctx: RequestContext, id: string) {
  const s = await readable(db, ctx, id);
  const [comments, appeals, pctx, version] = await allOn(db, [
    () => repo.comments(db, id),
    () => repo.appeals(db, id),
    () => schemeCtx(db, ctx, s),
    () => repo.latestVersion(db, id),
  ]);
  // An office sees its own comments and appeals; the county sees all.
  const own = <T extends { orgId: string }>(rows: T[]) =>
    seesAllTownships(ctx.actor.role) ? rows : rows.filter((r) => r.orgId === ctx.actor.orgId);
  return { scheme: s, comments: own(comments), appeals: own(appeals), ctx: pctx, version };
}

/** Loads, locks and authorizes: the first lines of every write on a scheme. */
async function lockFor(tx: Db, ctx: RequestContext, id: string, action: SchemeAction) {
  const s = await readable(tx, ctx, id, true);
  authorize(schemePolicy, ctx.actor, action, s, await schemeCtx(tx, ctx, s));
  return s;
}

function checkIndicators(items: readonly Indicator[]): void {
  const p = indicatorProblem(items);
  if (!p) return;
  const { key, ...params } = p;
  throw new AppError(AssessmentErrors[`ASSESSMENT_${key}`], params);
}

export async function createScheme(db: Db, ctx: RequestContext, input: SchemeCreate): Promise<SchemeRow> {
  assertMay(ctx.actor, 'assessment.manage');
  return db.transaction(async (tx) => {
    let indicators: Indicator[] = [];
    let grades = {};
    if (input.copyFromSchemeId) {
      const src = await repo.byId(tx, input.copyFromSchemeId);
      if (!src || src.targetKind !== input.targetKind) throw new AppError(AssessmentErrors.ASSESSMENT_COPY_SOURCE);
      indicators = src.indicators;
      grades = src.grades;
    }
    const row = await withPgErrors(
      { assessment_schemes_year_kind_key: new AppError(AssessmentErrors.ASSESSMENT_DUPLICATE_SCHEME, { year: input.year }) },
      () =>
        repo.insert(tx, {
          orgId: ctx.actor.orgId,
          year: input.year,
          targetKind: input.targetKind,
          title: input.title,
          indicators,
          grades,
          copiedFromId: input.copyFromSchemeId,
          createdBy: ctx.actor.userId,
        }),
    );
    await writeAudit(tx, ctx, {
      action: 'assessment.scheme.create',
      entity: 'assessment_scheme',
      entityId: row.id,
      orgId: row.orgId,
      after: row,
    });
    return row;
  });
}

export async function putIndicators(db: Db, ctx: RequestContext, id: string, input: IndicatorsPut): Promise<SchemeRow> {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'editIndicators');
    checkIndicators(input.indicators);
    const row = await repo.update(tx, id, { indicators: input.indicators });
    await repo.staleStandings(tx, id);
    await writeAudit(tx, ctx, {
      action: 'assessment.scheme.indicators',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      before: { indicators: s.indicators },
      after: { indicators: row.indicators },
    });
    return row;
  });
}

const STEP_ACTION: Record<SchemeTransition, SchemeAction> = {
  openConsultation: 'openConsultation',
  publish: 'publish',
  openSelfAssessment: 'openSelfAssessment',
  startScoring: 'startScoring',
  openNotice: 'openNotice',
  finalise: 'finalise',
};

/** One step of the year. Scoring freezes the measured scores; final stores totals, ranks and grades. */
export async function takeStep(db: Db, ctx: RequestContext, id: string, t: SchemeTransition, body: StepBody): Promise<SchemeRow> {
  const today = chinaToday();
  if (body.closesOn && body.closesOn < today) throw new AppError(AssessmentErrors.ASSESSMENT_DATE_ORDER);
  // Metrics read through other modules' services on the pool; computed before the transaction.
  const pre = await readable(db, ctx, id);
  const frozen =
    t === 'startScoring'
      ? await measuredScores(
          db,
          pre,
          (await targetOrgs(db, pre)).map((o) => o.id),
        )
      : null;
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, STEP_ACTION[t]);
    const patch: Partial<SchemeRow> = { status: SCHEME_TRANSITIONS[t].to };
    if (t === 'openConsultation') patch.consultationClosesOn = body.closesOn ?? null;
    if (t === 'openNotice') patch.noticeClosesOn = body.closesOn ?? null;
    if (body.grades && (t === 'publish' || t === 'finalise')) patch.grades = { ...s.grades, ...body.grades };
    let results: unknown = undefined;
    if (frozen) {
      patch.frozenAt = new Date();
      await repo.upsertScores(
        tx,
        [...frozen].flatMap(([orgId, m]) =>
          [...m].map(([code, v]) => ({
            schemeId: id,
            orgId,
            code,
            source: 'measured' as const,
            score: v.score,
            reason: v.basis,
            evidence: null,
            scoredBy: ctx.actor.userId,
          })),
        ),
      );
    }
    if (t === 'finalise') {
      const graded = gradeResults({ ...s, ...patch }, await computeResults(tx as unknown as Db, s));
      await repo.insertResults(
        tx,
        graded.map((r) => ({
          schemeId: id,
          orgId: r.orgId,
          total: r.total,
          rank: r.rank,
          grade: r.grade!,
          scores: r.scores.map(({ code, score, basis }) => ({ code, score, basis })),
        })),
      );
      results = graded.map((r) => ({ orgId: r.orgId, total: r.total, rank: r.rank, grade: r.grade }));
    }
    const row = await repo.update(tx, id, patch);
    await repo.staleStandings(tx, id);
    // The tree as published is version 1; a revision after it is version 2 and on (reviseScheme).
    if (t === 'publish' && (await repo.latestVersion(tx, id)) === 0)
      await repo.insertVersion(tx, {
        schemeId: id,
        version: 1,
        reason: '发布',
        indicators: row.indicators,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
      });
    await writeAudit(tx, ctx, {
      action: `assessment.scheme.${t}`,
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      before: { status: s.status },
      after: {
        status: row.status,
        consultationClosesOn: row.consultationClosesOn,
        noticeClosesOn: row.noticeClosesOn,
        grades: row.grades,
        results,
      },
    });
    return row;
  });
}

function requireIndicator(s: SchemeRow, code: string | null): Indicator | null {
  if (code === null) return null;
  const i = s.indicators.find((x) => x.code === code);
  if (!i) throw new AppError(AssessmentErrors.ASSESSMENT_UNKNOWN_INDICATOR, { code });
  return i;
}

export async function addComment(db: Db, ctx: RequestContext, id: string, input: { code: string | null; text: string }) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'comment');
    requireIndicator(s, input.code);
    const row = await repo.insertComment(tx, {
      schemeId: id,
      orgId: ctx.actor.orgId,
      authorUserId: ctx.actor.userId,
      authorName: ctx.actor.displayName,
      code: input.code,
      text: input.text,
    });
    await writeAudit(tx, ctx, { action: 'assessment.comment.create', entity: 'assessment_comment', entityId: row.id, after: row });
    return row;
  });
}

export async function answerComment(db: Db, ctx: RequestContext, commentId: string, input: { adopted: boolean; answer: string }) {
  return db.transaction(async (tx) => {
    const c = await repo.commentById(tx, commentId);
    if (!c) throw notFound();
    const s = await lockFor(tx as unknown as Db, ctx, c.schemeId, 'answerComment');
    if (c.answeredAt) throw new AppError(AssessmentErrors.ASSESSMENT_ALREADY_ANSWERED);
    const row = await repo.answerComment(tx, commentId, { ...input, answeredBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'assessment.comment.answer',
      entity: 'assessment_comment',
      entityId: c.id,
      orgId: s.orgId,
      before: c,
      after: row,
    });
    return row;
  });
}

async function requireTarget(db: Db, s: SchemeRow, orgId: string) {
  const org = await orgById(db, orgId);
  if (!org || org.kind !== s.targetKind) throw new AppError(AssessmentErrors.ASSESSMENT_NOT_TARGET);
}

function checkScorable(s: SchemeRow, input: Pick<ScoreEntry, 'code' | 'score'>): Indicator {
  const i = requireIndicator(s, input.code)!;
  if (!isLeaf(s.indicators, i.code) || isMeasuredLeaf(i)) throw new AppError(AssessmentErrors.ASSESSMENT_NOT_SCORABLE, { code: i.code });
  if (!scoreFits(i, input.score))
    throw new AppError(AssessmentErrors.ASSESSMENT_SCORE_RANGE, {
      code: i.code,
      min: i.method === 'deduction' ? -i.weight : 0,
      max: i.method === 'deduction' ? 0 : i.weight,
    });
  return i;
}

/** A score by the county for a manual, self-reported, deduction or bonus leaf, with its reason. */
export async function enterScore(db: Db, ctx: RequestContext, id: string, input: ScoreEntry) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'score');
    const i = checkScorable(s, input);
    await requireTarget(tx as unknown as Db, s, input.orgId);
    const before = await repo.score(tx, id, input.orgId, i.code);
    const row = await repo.upsertScore(tx, {
      schemeId: id,
      orgId: input.orgId,
      code: i.code,
      source: 'manual',
      score: input.score,
      reason: input.reason,
      evidence: input.evidence ?? null,
      scoredBy: ctx.actor.userId,
    });
    await rerollOffices(tx, s, [input.orgId]);
    await writeAudit(tx, ctx, {
      action: 'assessment.score',
      entity: 'assessment_score',
      entityId: row.id,
      orgId: s.orgId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/**
 * A sheet of scores saved at once (the scoring table's column, the demo seed): every entry checked
 * as `enterScore` checks it before anything is written, then one statement and one audit row for
 * the sheet, with each entry's previous score beside it.
 */
export async function enterScores(db: Db, ctx: RequestContext, id: string, entries: readonly ScoreEntry[]) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'score');
    const targets = new Set((await targetOrgs(tx, s)).map((o) => o.id));
    const seen = new Set<string>();
    for (const e of entries) {
      checkScorable(s, e);
      if (!targets.has(e.orgId)) throw new AppError(AssessmentErrors.ASSESSMENT_NOT_TARGET);
      const key = `${e.orgId}|${e.code}`;
      if (seen.has(key)) throw new AppError(AssessmentErrors.ASSESSMENT_DUPLICATE_SCORE, { code: e.code });
      seen.add(key);
    }
    const previous = new Map((await repo.scores(tx, id)).map((r) => [`${r.orgId}|${r.code}`, r.score]));
    await repo.upsertScores(
      tx,
      entries.map((e) => ({
        schemeId: id,
        orgId: e.orgId,
        code: e.code,
        source: 'manual' as const,
        score: e.score,
        reason: e.reason,
        evidence: e.evidence ?? null,
        scoredBy: ctx.actor.userId,
      })),
    );
    await rerollOffices(
      tx,
      s,
      entries.map((e) => e.orgId),
    );
    await writeAudit(tx, ctx, {
      action: 'assessment.scores',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      after: {
        scores: entries.map((e) => ({
          orgId: e.orgId,
          code: e.code,
          before: previous.get(`${e.orgId}|${e.code}`) ?? null,
          score: e.score,
          reason: e.reason,
          evidence: e.evidence ?? null,
        })),
      },
    });
    return { count: entries.length };
  });
}

export async function submitSelfReport(db: Db, ctx: RequestContext, id: string, input: SelfReport) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'selfReport');
    const i = requireIndicator(s, input.code)!;
    if (i.method !== 'self') throw new AppError(AssessmentErrors.ASSESSMENT_NOT_SCORABLE, { code: i.code });
    const row = await repo.upsertSelfReport(tx, {
      schemeId: id,
      orgId: ctx.actor.orgId,
      code: i.code,
      evidence: input.evidence,
      submittedBy: ctx.actor.userId,
    });
    // New evidence is not what the leader in charge confirmed: the confirmation is asked for again.
    await repo.unconfirmSelfAssessment(tx, id, ctx.actor.orgId);
    await writeAudit(tx, ctx, { action: 'assessment.selfReport', entity: 'assessment_self_report', entityId: row.id, after: row });
    return row;
  });
}

export async function listSelfReports(db: Db, ctx: RequestContext, id: string) {
  const s = await readable(db, ctx, id);
  const rows = await repo.selfReports(db, s.id);
  return seesAllTownships(ctx.actor.role) ? rows : rows.filter((r) => r.orgId === ctx.actor.orgId);
}

export async function fileAppeal(db: Db, ctx: RequestContext, id: string, input: { code: string; reason: string }) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'appeal');
    requireIndicator(s, input.code);
    const row = await repo.insertAppeal(tx, {
      schemeId: id,
      orgId: ctx.actor.orgId,
      code: input.code,
      reason: input.reason,
      appellantUserId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, { action: 'assessment.appeal.create', entity: 'assessment_appeal', entityId: row.id, after: row });
    return row;
  });
}

/** The county's answer to an appeal; a new score (audited, with the old one) when the appeal is upheld. */
export async function answerAppeal(db: Db, ctx: RequestContext, appealId: string, input: { answer: string; newScore: number | null }) {
  return db.transaction(async (tx) => {
    const a = await repo.appealById(tx, appealId);
    if (!a) throw notFound();
    const s = await lockFor(tx as unknown as Db, ctx, a.schemeId, 'answerAppeal');
    if (a.answeredAt) throw new AppError(AssessmentErrors.ASSESSMENT_ALREADY_ANSWERED);
    const i = requireIndicator(s, a.code)!;
    const old = await repo.score(tx, s.id, a.orgId, a.code);
    if (input.newScore !== null) {
      if (!isLeaf(s.indicators, i.code)) throw new AppError(AssessmentErrors.ASSESSMENT_NOT_SCORABLE, { code: i.code });
      if (!scoreFits(i, input.newScore))
        throw new AppError(AssessmentErrors.ASSESSMENT_SCORE_RANGE, {
          code: i.code,
          min: i.method === 'deduction' ? -i.weight : 0,
          max: i.method === 'deduction' ? 0 : i.weight,
        });
      await repo.upsertScore(tx, {
        schemeId: s.id,
        orgId: a.orgId,
        code: a.code,
        source: 'appeal',
        score: input.newScore,
        reason: `申诉复核：${input.answer}`,
        scoredBy: ctx.actor.userId,
      });
      await rerollOffices(tx, s, [a.orgId]);
    }
    const row = await repo.answerAppeal(tx, appealId, {
      answer: input.answer,
      oldScore: old?.score ?? null,
      newScore: input.newScore,
      answeredBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.appeal.answer',
      entity: 'assessment_appeal',
      entityId: a.id,
      orgId: s.orgId,
      before: a,
      after: row,
    });
    return row;
  });
}

/** Results the caller may see: every office for the county, only its own for an office (another's: not found). */
export async function getResults(db: Db, ctx: RequestContext, id: string, orgId: string | undefined) {
  const s = await readable(db, ctx, id);
  if (orgId) assertReadableOrg(ctx.actor, orgId);
  const only = orgId ?? (seesAllTownships(ctx.actor.role) ? undefined : ctx.actor.orgId);
  const r = await standings(db, s, only);
  return { scheme: s, ...r };
}

/** The office's year-end summary; sending it again (or new evidence) asks the leader in charge to confirm again. */
export async function submitSelfAssessment(db: Db, ctx: RequestContext, id: string, input: SelfAssessmentIn) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'selfAssess');
    const before = await repo.selfAssessment(tx, id, ctx.actor.orgId, true);
    const row = await repo.upsertSelfAssessment(tx, {
      schemeId: id,
      orgId: ctx.actor.orgId,
      summary: input.summary,
      submittedBy: ctx.actor.userId,
      submittedByName: ctx.actor.displayName,
    });
    await writeAudit(tx, ctx, {
      action: 'assessment.selfAssessment.submit',
      entity: 'assessment_self_report',
      entityId: id,
      orgId: ctx.actor.orgId,
      before: before ?? null,
      after: row,
    });
    return { scheme: s, row };
  });
}

/** The office's leader in charge confirms its self-assessment (summary and evidence as they stand). */
export async function confirmSelfAssessment(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    await lockFor(tx as unknown as Db, ctx, id, 'confirmSelfAssessment');
    const before = (await repo.selfAssessment(tx, id, ctx.actor.orgId, true))!;
    const row = await repo.confirmSelfAssessment(tx, id, ctx.actor.orgId, { id: ctx.actor.userId, name: ctx.actor.displayName });
    await writeAudit(tx, ctx, {
      action: 'assessment.selfAssessment.confirm',
      entity: 'assessment_self_report',
      entityId: id,
      orgId: ctx.actor.orgId,
      before,
      after: row,
    });
    return row;
  });
}

/**
 * Every assessed office's self-assessment state for the county (an office's own only): missing,
 * sent but not confirmed by its leader in charge (flagged to the scorer), or confirmed.
 */
export async function listSelfAssessments(db: Db, ctx: RequestContext, id: string): Promise<SelfAssessmentOut[]> {
  const s = await readable(db, ctx, id);
  const county = seesAllTownships(ctx.actor.role);
  const [orgs, rows] = await allOn(db, [
    (): ReturnType<typeof targetOrgs> =>
      county ? targetOrgs(db, s) : orgById(db, ctx.actor.orgId).then((o) => (o && o.kind === s.targetKind ? [o] : [])),
    () => repo.selfAssessments(db, id),
  ]);
  const by = new Map(rows.map((r) => [r.orgId, r]));
  return orgs.map((o) => {
    const r = by.get(o.id);
    return {
      orgId: o.id,
      orgName: o.name,
      state: selfState(r),
      summary: r?.summary ?? null,
      submittedAt: r?.submittedAt.toISOString() ?? null,
      submittedByName: r?.submittedByName ?? null,
      confirmedAt: r?.confirmedAt?.toISOString() ?? null,
      confirmedByName: r?.confirmedByName ?? null,
    };
  });
}

export async function listVersions(db: Db, ctx: RequestContext, id: string) {
  await readable(db, ctx, id);
  return (await repo.versions(db, id)).map((v) => ({
    version: v.version,
    reason: v.reason,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
    indicators: v.indicators,
  }));
}

/**
 * A change to a published scheme: the new tree must be valid and publishable, becomes the next
 * version with its reason, and the assessed offices hear of it (a workbench item, announced by the
 * notifications module). Drafts change through PUT indicators instead.
 */
export async function reviseScheme(db: Db, ctx: RequestContext, id: string, input: RevisionIn) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'revise');
    checkIndicators(input.indicators);
    const p = publishProblem(input.indicators);
    if (p)
      throw p.key === 'WEIGHTS_NOT_100'
        ? new AppError(AssessmentErrors.ASSESSMENT_WEIGHTS_NOT_100, { sum: p.sum })
        : new AppError(AssessmentErrors.ASSESSMENT_CHILD_WEIGHTS, { code: p.code, sum: p.sum, weight: p.weight });
    if (sameTree(input.indicators, s.indicators)) throw new AppError(AssessmentErrors.ASSESSMENT_REVISION_UNCHANGED);
    const last = await repo.latestVersion(tx, id);
    // A scheme published before versions were kept gets its published tree as version 1 first.
    if (last === 0)
      await repo.insertVersion(tx, {
        schemeId: id,
        version: 1,
        reason: '发布',
        indicators: s.indicators,
        createdBy: s.createdBy,
        createdByName: '',
      });
    const version = await repo.insertVersion(tx, {
      schemeId: id,
      version: Math.max(last, 1) + 1,
      reason: input.reason,
      indicators: input.indicators,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
    });
    const row = await repo.update(tx, id, { indicators: input.indicators });
    await repo.staleStandings(tx, id);
    await writeAudit(tx, ctx, {
      action: 'assessment.scheme.amend',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      before: { indicators: s.indicators },
      after: { version: version.version, reason: input.reason, indicators: row.indicators },
    });
    return { scheme: row, version };
  });
}

/**
 * Whether two trees say the same: an absent description or rule is the empty one (as the API shows
 * it), and a rule's keys are compared sorted (jsonb keeps object keys in its own order).
 */
function sameTree(a: readonly Indicator[], b: readonly Indicator[]): boolean {
  const rule = (r: Indicator['rule']) => (r ? JSON.stringify(r, Object.keys(r).sort()) : null);
  const norm = (xs: readonly Indicator[]) =>
    JSON.stringify(xs.map((i) => [i.code, i.parentCode, i.name, i.weight, i.method, i.metric, i.description ?? '', rule(i.rule ?? null)]));
  return norm(a) === norm(b);
}

/** The grade settings (thresholds, the cap on the share of 优秀): applied when the results become final. */
export async function putGrades(db: Db, ctx: RequestContext, id: string, input: GradesPut) {
  return db.transaction(async (tx) => {
    const s = await lockFor(tx as unknown as Db, ctx, id, 'editGrades');
    const grades = { ...s.grades, ...input };
    const p = gradeProblem({ ...DEFAULT_GRADES, ...grades });
    if (p) throw new AppError(AssessmentErrors.ASSESSMENT_GRADE_ORDER, p);
    const row = await repo.update(tx, id, { grades });
    await writeAudit(tx, ctx, {
      action: 'assessment.scheme.configure',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      before: { grades: s.grades },
      after: { grades: row.grades },
    });
    return row;
  });
}

/** An office's total, rank and grade on every scheme of its group since publication, oldest first. */
export async function history(db: Db, ctx: RequestContext, orgId: string | undefined) {
  assertMay(ctx.actor, 'business.read');
  const target = orgId ?? ctx.actor.orgId;
  if (orgId) assertReadableOrg(ctx.actor, orgId);
  const org = await orgById(db, target);
  if (!org) throw notFound();
  const schemes = (await repo.list(db, undefined))
    .filter((s) => s.targetKind === org.kind && s.status !== 'draft' && s.status !== 'consultation')
    .sort((a, b) => a.year - b.year);
  const items = [];
  for (const s of schemes) {
    const r = await standings(db, s, org.id);
    const mine = r.items[0];
    if (!mine) continue;
    items.push({
      schemeId: s.id,
      year: s.year,
      title: s.title,
      status: s.status,
      total: mine.total,
      rank: mine.rank,
      offices: r.offices,
      average: r.meanTotal,
      grade: mine.grade,
    });
  }
  return { orgId: org.id, orgName: org.name, items };
}

/** Names of orgs by id for a presenter: the few an office's page mentions, or every org for the county. */
export async function orgNames(db: Db, ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (seesAllTownships(ctx.actor.role) || ids.length > 20) return new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
  const rows = await allOn(
    db,
    [...new Set(ids)].map((i) => () => orgById(db, i)),
  );
  return new Map(rows.filter((o) => !!o).map((o) => [o!.id, o!.name]));
}

/** The notice's title: 关于印发《<scheme title>》的通知. */
export const noticeTitle = (s: Pick<SchemeRow, 'title'>) => `关于印发《${s.title}》的通知`;

/**
 * The scheme issued as a 通知 through the documents flow: an outgoing draft of the county office
 * (the caller's org), main recipients the assessed offices, the printed scheme attached as a PDF,
 * made by the documents module's own drafting and attachment operations inside this transaction
 * (the scheme row locked, so two calls at once make one draft). While that draft lives (not
 * void) a second call is refused with its id; its audit row names the document.
 */
export async function issueNotice(db: Db, storage: FileStorage, ctx: RequestContext, id: string): Promise<{ documentId: string }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const s = await lockFor(tx, ctx, id, 'issueNotice');
    const existing = await repo.noticeDocument(tx, id);
    if (existing) {
      const doc = await readableDocument(tx, ctx.actor, existing.documentId).catch(() => null);
      if (doc && doc.status !== 'void')
        throw new AppError(AssessmentErrors.ASSESSMENT_NOTICE_EXISTS, { documentId: doc.id }, { documentId: doc.id });
    }
    const targets = await targetOrgs(tx, s);
    const county = await rootOrg(tx);
    const pdf = await renderRegister(schemeSpec(s, county?.name ?? ''), 'pdf');
    const title = noticeTitle(s);
    const addressees = s.targetKind === 'township' ? '各乡镇（区）党委、政府' : '县直各单位';
    const doc = await draftDocument(tx, ctx, {
      docType: '通知',
      title,
      body: [`${addressees}：`, `现将《${s.title}》印发给你们，请结合实际，认真抓好落实。`].join('\n'),
      mainRecipientOrgIds: targets.map((o) => o.id),
      copyRecipientOrgIds: [],
      urgency: 'none',
      classification: 'none',
      attachmentNote: s.title,
      remark: `据考评细则 ${s.id} 起草`,
    });
    await uploadAttachment(tx, storage, ctx, doc.id, { fileName: `${s.title}.pdf`, bytes: pdf });
    await repo.setNoticeDocument(tx, { schemeId: id, documentId: doc.id, createdBy: ctx.actor.userId });
    await writeAudit(txRaw, ctx, {
      action: 'assessment.scheme.notice',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: s.orgId,
      before: existing ? { documentId: existing.documentId } : null,
      after: { documentId: doc.id, title, recipients: targets.length },
    });
    return { documentId: doc.id };
  });
}
