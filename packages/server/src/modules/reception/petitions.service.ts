import { ReceptionErrors } from '@township-office/domain/reception.errors';
import { calendarFromPeriods, daysInclusive, type HolidayCalendar } from '@township-office/domain/holidays';
import { chinaToday } from '@township-office/domain/dates';
import {
  currentDeadline,
  extensionProblem,
  noticeLate,
  objectionProblem,
  repeatRefused,
  reviewRequestProblem,
  type PetitionCreate,
  type PetitionDates,
  type PetitionStep,
} from '@township-office/domain/petitions';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertMay, assertOwnOrg, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { listHolidays } from '../duty/duty.roster.service.ts';
import { roleMay } from '@township-office/domain/permissions';
import { isCountyPetitionStaff, petitionPolicy } from './reception.policy.ts';
import { receptionRepository, type PetitionFilter } from './reception.repository.ts';
import type { PetitionRow } from './reception.tables.ts';

export function petitionDates(p: PetitionRow): PetitionDates {
  return {
    receivedOn: p.receivedOn,
    decidedOn: p.decidedOn,
    status: p.status,
    source: p.source,
    notifiedOn: p.notifiedOn,
    extensionDays: p.extensionDays,
    closedOn: p.closedOn,
    answerNotifiedOn: p.answerNotifiedOn,
    reviewRequestedOn: p.reviewRequestedOn,
    reviewAnsweredOn: p.reviewAnsweredOn,
    reviewAnswerNotifiedOn: p.reviewAnswerNotifiedOn,
    rereviewRequestedOn: p.rereviewRequestedOn,
    rereviewHearingDays: p.rereviewHearingDays,
    rereviewAnsweredOn: p.rereviewAnsweredOn,
  };
}

/**
 * The county's holiday calendar: statutory periods are calendar days, but one whose last day is a
 * holiday or rest day ends on the next working day (民法典 第二百零三条), and the objection to a
 * transferred case counts working days (信访工作条例 第二十三条第三款).
 */
export async function holidayCalendar(db: Db | Tx): Promise<HolidayCalendar> {
  return calendarFromPeriods(await listHolidays(db as Db));
}

/** Digits never enter the audit trail: a searched ID number or phone shows as stars of its length. */
export const auditSafeQuery = (q: string) => q.replace(/\d/g, '*').replace(/(?<=\*{17})[Xx]/g, '*');

/** The non-personal filters of a petition list, for audit rows (the keyword with its digits starred). */
export function petitionFilterForAudit(f: PetitionFilter) {
  const { q, ...rest } = f;
  return { ...rest, ...(q ? { q: auditSafeQuery(q) } : {}) };
}

/**
 * The petitions list. A keyword search (`q`) is audited — who searched, the non-personal filters,
 * the hit count — so enumeration by repeated searches leaves a trace; plain paging is not.
 * Exports are audited once by the register mechanism instead (`auditSearch: false`).
 */
export async function listPetitions(
  db: Db,
  ctx: RequestContext,
  f: PetitionFilter,
  page: { page: number; pageSize: number },
  opts: { auditSearch?: boolean } = {},
) {
  const a = ctx.actor;
  const viewer = {
    userId: a.userId,
    orgId: a.orgId,
    seesAllNames: isCountyPetitionStaff(a),
    mayHandle: roleMay(a.role, 'petitions.handle'),
  };
  const r = await receptionRepository.petitions(db, orgScope(a), viewer, f, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  if (f.q && opts.auditSearch !== false) {
    await db.transaction((tx) =>
      writeAudit(tx, ctx, {
        action: 'petition.search',
        entity: 'petition',
        after: { filters: petitionFilterForAudit(f), page: page.page, total: r.total },
      }),
    );
  }
  return r;
}

/** A case the caller may read (another org's answers 404), locked for the transaction when `lock`. */
async function loadPetition(db: DbOrTx, ctx: RequestContext, id: string, lock = false): Promise<PetitionRow> {
  const p = await receptionRepository.petitionById(db, id, lock);
  if (!p) throw notFound();
  assertReadableOrg(ctx.actor, p.orgId);
  return p;
}

export async function getPetition(db: Db, ctx: RequestContext, id: string) {
  const p = await loadPetition(db, ctx, id);
  return { petition: p, events: await receptionRepository.events(db, id) };
}

async function handlers(db: Db | Tx, orgId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await receptionRepository.orgUsers(db, orgId, unique);
  if (found.length !== unique.length) throw new AppError(ReceptionErrors.PETITION_HANDLER_NOT_IN_ORG);
  return unique;
}

const order = (ok: boolean, detail: string) => {
  if (!ok) throw new AppError(ReceptionErrors.PETITION_DATE_ORDER, { detail });
};

export async function registerPetition(
  db: Db,
  ctx: RequestContext,
  given: Omit<PetitionCreate, 'source'> & { source?: PetitionCreate['source'] },
) {
  const input = { ...given, source: given.source ?? 'direct' };
  assertMay(ctx.actor, 'petitions.handle');
  const orgId = ctx.actor.orgId;
  order(input.receivedOn <= chinaToday(), '收到日期不能晚于今天');
  const handlerIds = await handlers(db, orgId, [ctx.actor.userId, ...(input.handlerUserIds ?? [])]);
  if (input.previousPetitionId) {
    const prev = await loadPetition(db, ctx, input.previousPetitionId);
    assertOwnOrg(ctx.actor, prev.orgId);
    // Only the same facts and grounds are refused after 复核 (第三十六条); new facts make a new case.
    if (repeatRefused(prev, input.newFacts)) throw new AppError(ReceptionErrors.PETITION_FINAL);
  }
  const cal = await holidayCalendar(db);
  const year = Number(input.receivedOn.slice(0, 4));
  return db.transaction(async (tx) => {
    const seq = await receptionRepository.nextSeq(tx, orgId, year);
    const due = currentDeadline(
      {
        receivedOn: input.receivedOn,
        status: 'registered',
        source: input.source,
        decidedOn: null,
        extensionDays: null,
        closedOn: null,
        reviewRequestedOn: null,
        reviewAnsweredOn: null,
        rereviewRequestedOn: null,
        rereviewAnsweredOn: null,
      },
      chinaToday(),
      cal,
    )!;
    const row = await receptionRepository.insertPetition(tx, {
      orgId,
      year,
      seq,
      receivedOn: input.receivedOn,
      channel: input.channel,
      petitioners: input.petitioners,
      subject: input.subject,
      content: input.content,
      category: input.category,
      source: input.source,
      transferredBy: input.source === 'direct' ? null : (input.transferredBy ?? null),
      newFacts: input.newFacts || null,
      dueKind: due.kind,
      dueOn: due.due,
      handlerUserIds: handlerIds,
      registeredBy: ctx.actor.userId,
      previousPetitionId: input.previousPetitionId ?? null,
    });
    await receptionRepository.insertEvent(tx, {
      orgId,
      petitionId: row.id,
      kind: 'registered',
      onDay: input.receivedOn,
      byUserId: ctx.actor.userId,
      byName: ctx.actor.displayName,
    });
    // The audit row names the case, not the petitioners' personal data.
    await writeAudit(tx, ctx, {
      action: 'petition.register',
      entity: 'petition',
      entityId: row.id,
      orgId,
      after: {
        year,
        seq,
        receivedOn: row.receivedOn,
        channel: row.channel,
        source: row.source,
        subject: row.subject,
        category: row.category,
        petitioners: row.petitioners.length,
      },
    });
    return row;
  });
}

type Step = {
  /** The policy's name of the step (petitionPolicy), which says from which statuses it may be taken. */
  action: PetitionStep;
  kind: string;
  onDay: string;
  note?: string;
  changes: Partial<PetitionRow> | ((p: PetitionRow, cal: HolidayCalendar) => Partial<PetitionRow>);
  check?: (p: PetitionRow, cal: HolidayCalendar) => void;
};

/** One step of the case: state check, the change, the new current deadline, the timeline event and the audit row. */
async function step(db: Db, ctx: RequestContext, id: string, s: Step) {
  assertMay(ctx.actor, 'petitions.handle');
  return db.transaction(async (tx) => {
    const p = await loadPetition(tx, ctx, id, true);
    authorize(petitionPolicy, ctx.actor, s.action, p);
    const cal = await holidayCalendar(tx);
    s.check?.(p, cal);
    const changes = typeof s.changes === 'function' ? s.changes(p, cal) : s.changes;
    const next = { ...p, ...changes } as PetitionRow;
    const due = currentDeadline(petitionDates(next), chinaToday(), cal);
    const row = await receptionRepository.updatePetition(tx, id, { ...changes, dueKind: due?.kind ?? null, dueOn: due?.due ?? null });
    await receptionRepository.insertEvent(tx, {
      orgId: p.orgId,
      petitionId: id,
      kind: s.kind,
      onDay: s.onDay,
      note: s.note ?? null,
      byUserId: ctx.actor.userId,
      byName: ctx.actor.displayName,
    });
    const keys = Object.keys(changes) as (keyof PetitionRow)[];
    await writeAudit(tx, ctx, {
      action: `petition.${s.kind}`,
      entity: 'petition',
      entityId: id,
      orgId: p.orgId,
      before: Object.fromEntries(keys.map((k) => [k, p[k]])),
      after: { ...changes, dueOn: row.dueOn },
    });
    return row;
  });
}

export async function acceptPetition(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decidedOn: string; notifiedOn: string; handlerUserIds?: string[] },
) {
  const extra = input.handlerUserIds?.length ? await handlers(db, ctx.actor.orgId, input.handlerUserIds) : [];
  return step(db, ctx, id, {
    action: 'accept',
    kind: 'accept',
    onDay: input.decidedOn,
    // A notice later than 15 days after receipt is recorded, and flagged against the office (第二十三条).
    changes: (p, cal) => ({
      status: 'accepted',
      decidedOn: input.decidedOn,
      notifiedOn: input.notifiedOn,
      noticeLate: noticeLate(p, input.notifiedOn, cal),
      ...(extra.length ? { handlerUserIds: [...new Set([...p.handlerUserIds, ...extra])] } : {}),
    }),
    check: (p) => {
      order(input.decidedOn >= p.receivedOn, '受理日期不能早于收到日期');
      order(input.notifiedOn >= input.decidedOn, '告知日期不能早于受理日期');
    },
  });
}

export function rejectPetition(db: Db, ctx: RequestContext, id: string, input: { decidedOn: string; notifiedOn: string; reason: string }) {
  return step(db, ctx, id, {
    action: 'reject',
    kind: 'not_accept',
    onDay: input.decidedOn,
    note: input.reason,
    changes: (p, cal) => ({
      status: 'not_accepted',
      decidedOn: input.decidedOn,
      notifiedOn: input.notifiedOn,
      notAcceptedReason: input.reason,
      noticeLate: noticeLate(p, input.notifiedOn, cal),
    }),
    check: (p) => {
      order(input.decidedOn >= p.receivedOn, '决定日期不能早于收到日期');
      order(input.notifiedOn >= input.decidedOn, '告知日期不能早于决定日期');
    },
  });
}

export function extendPetition(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { days: number; reason: string; approvedBy: string; approvedOn: string; notifiedOn: string },
) {
  return step(db, ctx, id, {
    action: 'extend',
    kind: 'extend',
    onDay: input.approvedOn,
    note: `${input.days} 日：${input.reason}`,
    changes: {
      extensionDays: input.days,
      extensionReason: input.reason,
      extensionApprovedBy: input.approvedBy,
      extensionApprovedOn: input.approvedOn,
      extensionNotifiedOn: input.notifiedOn,
    },
    check: (p, cal) => {
      const problem = extensionProblem(petitionDates(p), input.days, input.approvedOn, cal);
      if (problem === 'already_extended') throw new AppError(ReceptionErrors.PETITION_ALREADY_EXTENDED);
      if (problem === 'too_long') throw new AppError(ReceptionErrors.PETITION_EXTENSION_TOO_LONG);
      if (problem === 'past_due') throw new AppError(ReceptionErrors.PETITION_PAST_DUE);
      order(input.approvedOn >= (p.decidedOn ?? p.receivedOn), '批准日期不能早于受理日期');
      order(input.notifiedOn >= input.approvedOn, '告知日期不能早于批准日期');
    },
  });
}

export function closePetition(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { closedOn: string; result: string; answerNotifiedOn: string },
) {
  return step(db, ctx, id, {
    action: 'close',
    kind: 'close',
    onDay: input.closedOn,
    changes: { status: 'closed', closedOn: input.closedOn, result: input.result, answerNotifiedOn: input.answerNotifiedOn },
    check: (p) => {
      order(input.closedOn >= p.decidedOn!, '办结日期不能早于受理日期');
      order(input.answerNotifiedOn >= input.closedOn, '答复日期不能早于办结日期');
    },
  });
}

export function requestReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { stage: 'review' | 'rereview'; requestedOn: string; organ: string },
) {
  const review = input.stage === 'review';
  return step(db, ctx, id, {
    action: review ? 'reviewRequest' : 'rereviewRequest',
    kind: `${input.stage}_request`,
    onDay: input.requestedOn,
    note: input.organ,
    changes: review
      ? { status: 'review_requested', reviewRequestedOn: input.requestedOn, reviewOrgan: input.organ }
      : { status: 'rereview_requested', rereviewRequestedOn: input.requestedOn, rereviewOrgan: input.organ },
    check: (p, cal) => {
      const problem = reviewRequestProblem(petitionDates(p), input.stage, input.requestedOn, cal);
      if (problem === 'final') throw new AppError(ReceptionErrors.PETITION_FINAL);
      if (problem === 'too_late') throw new AppError(ReceptionErrors.PETITION_REVIEW_TOO_LATE);
      if (problem === 'before_answer') throw new AppError(ReceptionErrors.PETITION_REVIEW_BEFORE_ANSWER);
      if (problem === 'no_receipt') throw new AppError(ReceptionErrors.PETITION_REVIEW_NO_RECEIPT);
    },
  });
}

export function answerReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { stage: 'review' | 'rereview'; answeredOn: string; notifiedOn: string; result: string },
) {
  const review = input.stage === 'review';
  return step(db, ctx, id, {
    action: review ? 'reviewAnswer' : 'rereviewAnswer',
    kind: `${input.stage}_answer`,
    onDay: input.answeredOn,
    changes: review
      ? { status: 'reviewed', reviewAnsweredOn: input.answeredOn, reviewAnswerNotifiedOn: input.notifiedOn, reviewResult: input.result }
      : {
          status: 'rereviewed',
          rereviewAnsweredOn: input.answeredOn,
          rereviewAnswerNotifiedOn: input.notifiedOn,
          rereviewResult: input.result,
        },
    check: (p) => {
      order(input.answeredOn >= (review ? p.reviewRequestedOn! : p.rereviewRequestedOn!), '答复日期不能早于请求日期');
      order(input.notifiedOn >= input.answeredOn, '收到答复日期不能早于答复日期');
    },
  });
}

/** A 复核 hearing (听证): its days are recorded and added to the 30 days, which pauses the clock (第三十六条). */
export function recordHearing(db: Db, ctx: RequestContext, id: string, input: { startedOn: string; endedOn: string; note?: string }) {
  const days = daysInclusive(input.startedOn, input.endedOn);
  return step(db, ctx, id, {
    action: 'hearing',
    kind: 'hearing',
    onDay: input.startedOn,
    note: `${input.startedOn} 至 ${input.endedOn}，${days} 日${input.note ? `：${input.note}` : ''}`,
    changes: (p) => ({ rereviewHearingDays: p.rereviewHearingDays + days }),
    check: (p) => {
      order(input.startedOn >= p.rereviewRequestedOn!, '听证日期不能早于复核请求日期');
      order(input.endedOn <= chinaToday(), '听证结束日期不能晚于今天');
    },
  });
}

/** The office objects to a transferred or assigned case that is not its own, within 5 working days (第二十三条第三款). */
export function objectPetition(db: Db, ctx: RequestContext, id: string, input: { objectedOn: string; reason: string }) {
  return step(db, ctx, id, {
    action: 'object',
    kind: 'object',
    onDay: input.objectedOn,
    note: input.reason,
    changes: { status: 'objected', objectedOn: input.objectedOn, objectionReason: input.reason },
    check: (p, cal) => {
      const problem = objectionProblem(petitionDates(p), input.objectedOn, cal);
      if (problem === 'direct') throw new AppError(ReceptionErrors.PETITION_OBJECTION_DIRECT);
      if (problem === 'too_late') throw new AppError(ReceptionErrors.PETITION_OBJECTION_TOO_LATE);
      if (problem === 'before_receipt') order(false, '异议日期不能早于收到日期');
      order(input.objectedOn <= chinaToday(), '异议日期不能晚于今天');
    },
  });
}

/**
 * The transferring organ's answer: agreed, the materials go back and the case ends here (returned);
 * not agreed, the office takes it up again, its 15-day notice still counted from receipt.
 */
export function decideObjection(db: Db, ctx: RequestContext, id: string, input: { decidedOn: string; agreed: boolean; note?: string }) {
  return step(db, ctx, id, {
    action: 'objectionResult',
    kind: input.agreed ? 'objection_agreed' : 'objection_refused',
    onDay: input.decidedOn,
    note: input.note,
    changes: input.agreed
      ? { status: 'returned', decidedOn: input.decidedOn, objectionDecidedOn: input.decidedOn, objectionAgreed: true }
      : { status: 'registered', objectionDecidedOn: input.decidedOn, objectionAgreed: false },
    check: (p) => order(input.decidedOn >= p.objectedOn!, '核实日期不能早于异议日期'),
  });
}

/** The petitioners' whole ID numbers and phones, for the case's handlers only; every reveal is audited. */
export async function revealPetitioners(db: Db, ctx: RequestContext, id: string) {
  assertMay(ctx.actor, 'petitions.handle');
  const p = await loadPetition(db, ctx, id);
  authorize(petitionPolicy, ctx.actor, 'reveal', p);
  await db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'petition.reveal',
      entity: 'petition',
      entityId: id,
      orgId: p.orgId,
      after: { fields: ['idNumber', 'phone'], petitioners: p.petitioners.length },
    }),
  );
  return p.petitioners;
}

export async function petitionStats(db: Db, ctx: RequestContext, year: number, orgId?: string) {
  const scope = orgScope(ctx.actor);
  const [rows, figures] = await Promise.all([
    receptionRepository.stats(db, scope, year, orgId),
    receptionRepository.statFigures(db, scope, year, chinaToday(), orgId),
  ]);
  return { rows, figures };
}
