import { ReceptionErrors } from '@township-office/domain/reception.errors';
import { totalCost, type VisitCreate, type VisitUpdate } from '@township-office/domain/reception';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { visitPolicy } from './reception.policy.ts';
import { receptionRepository, type VisitFilter } from './reception.repository.ts';

export function listVisits(db: Db, ctx: RequestContext, f: VisitFilter, page: { page: number; pageSize: number }) {
  return receptionRepository.visits(db, orgScope(ctx.actor), f, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
}

/** A visit the caller may read (another org's answers 404), locked for the transaction when `lock`. */
async function loadVisit(db: DbOrTx, ctx: RequestContext, id: string, lock = false) {
  const v = await receptionRepository.visitById(db, id, lock);
  if (!v) throw notFound();
  assertReadableOrg(ctx.actor, v.orgId);
  return v;
}

export function getVisit(db: Db, ctx: RequestContext, id: string) {
  return loadVisit(db, ctx, id);
}

export async function createVisit(db: Db, ctx: RequestContext, input: VisitCreate) {
  assertMay(ctx.actor, 'reception.keep');
  const orgId = ctx.actor.orgId;
  return db.transaction(async (tx) => {
    const row = await receptionRepository.insertVisit(tx, {
      orgId,
      ...input,
      letterRef: input.letterRef ?? null,
      totalCost: totalCost(input.costItems),
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, { action: 'visit.create', entity: 'visit', entityId: row.id, orgId, after: row });
    return row;
  });
}

export async function updateVisit(db: Db, ctx: RequestContext, id: string, input: VisitUpdate) {
  assertMay(ctx.actor, 'reception.keep');
  return db.transaction(async (tx) => {
    const v = await loadVisit(tx, ctx, id, true);
    authorize(visitPolicy, ctx.actor, 'edit', v);
    const names = input.visitorNames ?? v.visitorNames;
    const n = input.visitorCount ?? v.visitorCount;
    if (n < names.length) throw new AppError(ReceptionErrors.VISIT_COUNT);
    const row = await receptionRepository.updateVisit(tx, id, {
      ...input,
      ...(input.costItems ? { totalCost: totalCost(input.costItems) } : {}),
    });
    await writeAudit(tx, ctx, { action: 'visit.update', entity: 'visit', entityId: id, orgId: v.orgId, before: v, after: row });
    return row;
  });
}

/** A visit registered by mistake is voided with a reason, never deleted. */
export async function voidVisit(db: Db, ctx: RequestContext, id: string, reason: string) {
  assertMay(ctx.actor, 'reception.keep');
  return db.transaction(async (tx) => {
    const v = await loadVisit(tx, ctx, id, true);
    authorize(visitPolicy, ctx.actor, 'void', v);
    const row = await receptionRepository.updateVisit(tx, id, { voidedAt: new Date(), voidReason: reason });
    await writeAudit(tx, ctx, {
      action: 'visit.void',
      entity: 'visit',
      entityId: id,
      orgId: v.orgId,
      before: { voidedAt: null },
      after: { voidedAt: row.voidedAt, reason },
    });
    return row;
  });
}
