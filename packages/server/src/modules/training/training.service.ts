/**
 * Training sessions and their coverage; the rotation planner, its confirmation and the record of
 * what each rotating cadre learned.
 */
import { z } from 'zod';
import { TrainingErrors } from '@township-office/domain/training.errors';
import {
  ROTATION_PER_QUARTER_MAX,
  proposeRotation,
  quarterPeriod,
  trainingWindow,
  type rotationCompleteSchema,
  type trainingSessionCreateSchema,
} from '@township-office/domain/training';
import type { Db } from '../../db/client.ts';
import { assertMay, assertSupervisionReadable, supervisionScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError } from '../../platform/errors.ts';
import { activeStaff, leadersByIds, staffByIds } from '../personnel/personnel.metrics.ts';
import { authorize } from '../../platform/policy.ts';
import { mayRecordAttendee, rotationPolicy } from './training.policy.ts';
import { trainingRepository as repo } from './training.repository.ts';

export async function createSession(db: Db, ctx: RequestContext, input: z.infer<typeof trainingSessionCreateSchema>) {
  assertMay(ctx.actor, 'training.record');
  const people = await staffByIds(db, input.staffIds);
  const missing = input.staffIds.find((id) => {
    const p = people.get(id);
    return p?.status !== 'active' || !mayRecordAttendee(ctx.actor, p.orgId);
  });
  if (missing) throw new AppError(TrainingErrors.TRAINING_ATTENDEE_UNKNOWN, { id: missing });
  const leaderById = await leadersByIds(db, input.leaderIds);
  const unknownLeader = input.leaderIds.find((id) => {
    const l = leaderById.get(id);
    return !l || !mayRecordAttendee(ctx.actor, l.orgId);
  });
  if (unknownLeader) throw new AppError(TrainingErrors.TRAINING_ATTENDEE_UNKNOWN, { id: unknownLeader });
  return db.transaction(async (tx) => {
    const session = await repo.insertSession(tx, {
      orgId: ctx.actor.orgId,
      heldOn: input.heldOn,
      topic: input.topic,
      organiser: input.organiser,
      materials: input.materials,
      createdBy: ctx.actor.userId,
    });
    await repo.insertAttendance(tx, [
      ...[...new Set(input.staffIds)].map((id) => ({ sessionId: session.id, orgId: people.get(id)!.orgId, staffId: id })),
      ...[...new Set(input.leaderIds)].map((id) => ({ sessionId: session.id, orgId: leaderById.get(id)!.orgId, leaderId: id })),
    ]);
    await writeAudit(tx, ctx, {
      action: 'training.session.create',
      entity: 'training_session',
      entityId: session.id,
      after: { ...session, staffIds: input.staffIds, leaderIds: input.leaderIds },
    });
    return session;
  });
}

/** Sessions of the three-year window the actor reads: the county office's (for everyone) and its own office's. */
export function listSessions(db: Db, ctx: RequestContext, year: number) {
  const w = trainingWindow(year);
  return repo.listSessions(db, supervisionScope(ctx.actor), w.from, w.to);
}

/** Who was trained at least once in the three years up to `year`, and who never was. */
export async function coverage(db: Db, ctx: RequestContext, year: number, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  const w = trainingWindow(year);
  const [people, last] = await Promise.all([activeStaff(db, supervisionScope(ctx.actor), { orgId }), repo.lastTrained(db, w.from, w.to)]);
  const rows = people.map((p) => ({
    staffId: p.staffId,
    name: p.name,
    orgId: p.orgId,
    orgName: p.orgName,
    lastTrained: last.get(p.staffId) ?? null,
  }));
  return {
    window: w,
    total: rows.length,
    trained: rows.filter((r) => r.lastTrained !== null).length,
    neverTrained: rows.filter((r) => r.lastTrained === null),
    people: rows,
  };
}

/** The planner's fair proposal for a quarter, leaving room for those already confirmed. */
/** Candidates for the planner: the townships' active staff, their last rotation, and their township's head count. */
async function plannerCandidates(db: Db) {
  const [people, last] = await Promise.all([activeStaff(db, { kind: 'all' }, { townshipsOnly: true }), repo.lastRotation(db)]);
  return people.map((p) => ({ ...p, lastRotation: last.get(p.staffId) ?? null }));
}

export async function proposeQuarter(db: Db, ctx: RequestContext, year: number, quarter: number, count = ROTATION_PER_QUARTER_MAX) {
  assertMay(ctx.actor, 'training.manage');
  const confirmed = await repo.quarterRotations(db, year, quarter);
  const candidates = (await plannerCandidates(db)).filter((c) => !confirmed.some((r) => r.staffId === c.staffId));
  const picked = proposeRotation(
    candidates,
    Math.max(0, Math.min(count, ROTATION_PER_QUARTER_MAX) - confirmed.length),
    new Set(confirmed.map((r) => r.orgId)),
  );
  const byId = new Map(candidates.map((c) => [c.staffId, c]));
  return {
    year,
    quarter,
    period: quarterPeriod(year, quarter),
    alreadyConfirmed: confirmed.length,
    candidates: picked.map((p) => ({ ...byId.get(p.staffId)!, lastRotation: p.lastRotation })),
  };
}

/** The county confirms the quarter's cadres; each must be a filed, active staff member. */
export async function confirmRotations(db: Db, ctx: RequestContext, input: { year: number; quarter: number; staffIds: string[] }) {
  assertMay(ctx.actor, 'training.manage');
  const ids = [...new Set(input.staffIds)];
  const candidates = new Map((await plannerCandidates(db)).map((c) => [c.staffId, c]));
  for (const id of ids) {
    const c = candidates.get(id);
    if (!c) throw new AppError(TrainingErrors.ROTATION_STAFF_NOT_FILED, { staffId: id });
    if (c.townshipStaffCount < 2) throw new AppError(TrainingErrors.ROTATION_ONLY_STAFF, { name: c.name });
  }
  const confirmed = await repo.quarterRotations(db, input.year, input.quarter);
  if (confirmed.length + ids.length > ROTATION_PER_QUARTER_MAX)
    throw new AppError(TrainingErrors.ROTATION_QUARTER_FULL, { year: input.year, quarter: input.quarter, count: confirmed.length });
  const orgIds = [...confirmed.map((r) => r.orgId), ...ids.map((id) => candidates.get(id)!.orgId)];
  if (new Set(orgIds).size !== orgIds.length) throw new AppError(TrainingErrors.ROTATION_SAME_TOWNSHIP);
  const period = quarterPeriod(input.year, input.quarter);
  try {
    return await db.transaction(async (tx) => {
      const rows = await repo.insertRotations(
        tx,
        ids.map((id) => ({
          orgId: candidates.get(id)!.orgId,
          staffId: id,
          year: input.year,
          quarter: input.quarter,
          periodStart: period.start,
          periodEnd: period.end,
          confirmedBy: ctx.actor.userId,
        })),
      );
      await writeAudit(tx, ctx, { action: 'training.rotation.confirm', entity: 'rotation', after: rows });
      return rows;
    });
  } catch (err) {
    mapPgError(err, { rotations_staff_quarter_uq: TrainingErrors.ROTATION_DUPLICATE });
  }
}

export async function completeRotation(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof rotationCompleteSchema>) {
  assertMay(ctx.actor, 'training.manage');
  const row = await repo.rotationById(db, id);
  if (!row) throw new AppError(TrainingErrors.ROTATION_NOT_FOUND);
  authorize(rotationPolicy, ctx.actor, 'complete', row);
  return db.transaction(async (tx) => {
    const after = await repo.updateRotation(tx, id, {
      state: 'completed',
      topics: [...new Set(input.topics)],
      evaluation: input.evaluation,
      rating: input.rating,
      completedAt: new Date(),
    });
    await writeAudit(tx, ctx, {
      action: 'training.rotation.complete',
      entity: 'rotation',
      entityId: id,
      orgId: row.orgId,
      before: row,
      after,
    });
    return after;
  });
}

export async function listRotations(db: Db, ctx: RequestContext, opts: { year?: number; orgId?: string }) {
  if (opts.orgId) assertSupervisionReadable(ctx.actor, opts.orgId);
  const rows = await repo.listRotations(db, supervisionScope(ctx.actor), opts);
  const names = await staffByIds(
    db,
    rows.map((r) => r.rotation.staffId),
  );
  return rows.map((r) => ({ ...r, staffName: names.get(r.rotation.staffId)?.name ?? '' }));
}
