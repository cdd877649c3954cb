/**
 * Work environment operations. A township keeps its own rooms, equipment, expenses, rules and
 * posts; the county office may correct any township's record. Every change is audited with its
 * before and after, so an overwritten figure is never lost.
 */
import { z } from 'zod';
import { CommonErrors } from '@township-office/domain/errors';
import { EnvironmentErrors } from '@township-office/domain/environment.errors';
import {
  EXPENSE_CATEGORIES,
  yearOnYear,
  type equipmentUpsertSchema,
  type expenseUpsertSchema,
  type postAssignSchema,
  type roomUpsertSchema,
  type ruleAdoptSchema,
  type ruleDocumentCreateSchema,
} from '@township-office/domain/environment';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay, assertSupervisionReadable, supervisionScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, withPgErrors } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { townshipRecordPolicy } from './environment.policy.ts';
import { staffByIds, staffMember } from '../personnel/personnel.metrics.ts';
import { onStaffDeparture } from '../personnel/personnel.service.ts';
import { environmentRepository as repo } from './environment.repository.ts';

/** County roles edit any township's record; a township user only its own. */
async function assertEditableTownship(db: Db, ctx: RequestContext, orgId: string) {
  authorize(townshipRecordPolicy, ctx.actor, 'edit', { orgId });
  const org = await orgById(db, orgId);
  if (!org || org.disabledAt) throw new AppError(CommonErrors.ORG_NOT_FOUND, { id: orgId });
  if (org.kind !== 'township') throw new AppError(EnvironmentErrors.ORG_NOT_TOWNSHIP);
}

export async function upsertRoom(db: Db, ctx: RequestContext, input: z.infer<typeof roomUpsertSchema>) {
  await assertEditableTownship(db, ctx, input.orgId);
  return db.transaction(async (tx) => {
    const before = await repo.roomByKind(tx, input.orgId, input.kind);
    const row = await repo.upsertRoom(tx, { ...input, updatedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'environment.room.set',
      entity: 'room',
      entityId: row.id,
      orgId: input.orgId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

export async function upsertEquipment(db: Db, ctx: RequestContext, input: z.infer<typeof equipmentUpsertSchema>) {
  await assertEditableTownship(db, ctx, input.orgId);
  return db.transaction(async (tx) => {
    const before = await repo.equipmentOf(tx, input.orgId);
    const row = await repo.upsertEquipment(tx, { ...input, updatedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'environment.equipment.set',
      entity: 'equipment',
      entityId: input.orgId,
      orgId: input.orgId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

export async function upsertExpense(db: Db, ctx: RequestContext, input: z.infer<typeof expenseUpsertSchema>) {
  await assertEditableTownship(db, ctx, input.orgId);
  return db.transaction(async (tx) => {
    const before = await repo.expenseOf(tx, input.orgId, input.year, input.category);
    const row = await repo.upsertExpense(tx, { ...input, recordedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'environment.expense.set',
      entity: 'expense',
      entityId: row.id,
      orgId: input.orgId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/** Expenses per township and category for a year and the year before, with the average per township. */
export async function expenseSummary(db: Db, ctx: RequestContext, year: number, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  const rows = await repo.listExpenses(db, supervisionScope(ctx.actor), { orgId, years: [year - 1, year] });
  const perYear = (y: number) => {
    const byOrg = new Map<string, { orgId: string; orgName: string; total: number; byCategory: Record<string, number> }>();
    for (const r of rows.filter((x) => x.expense.year === y)) {
      const e = byOrg.get(r.expense.orgId) ?? {
        orgId: r.expense.orgId,
        orgName: r.orgName,
        total: 0,
        byCategory: Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])),
      };
      e.total += r.expense.amountYuan;
      e.byCategory[r.expense.category] = r.expense.amountYuan;
      byOrg.set(r.expense.orgId, e);
    }
    const list = [...byOrg.values()];
    return { townships: list, average: list.length ? Math.round((list.reduce((a, b) => a + b.total, 0) / list.length) * 100) / 100 : null };
  };
  const cur = perYear(year);
  const prev = perYear(year - 1);
  return {
    year,
    townships: cur.townships,
    average: cur.average,
    previousAverage: prev.average,
    yearOnYear: yearOnYear(cur.average, prev.average),
  };
}

export async function issueRuleDocument(db: Db, ctx: RequestContext, input: z.infer<typeof ruleDocumentCreateSchema>) {
  assertMay(ctx.actor, 'environment.issueRules');
  return db.transaction(async (tx) => {
    const row = await repo.insertRuleDocument(tx, { ...input, orgId: ctx.actor.orgId });
    await writeAudit(tx, ctx, { action: 'environment.ruleDocument.issue', entity: 'rule_document', entityId: row.id, after: row });
    return row;
  });
}

export async function acknowledgeRuleDocument(db: Db, ctx: RequestContext, documentId: string) {
  assertMay(ctx.actor, 'environment.acknowledgeRules');
  const doc = await repo.ruleDocumentById(db, documentId);
  if (!doc || doc.state !== 'in_force') throw new AppError(EnvironmentErrors.RULE_DOCUMENT_NOT_FOUND);
  const org = await orgById(db, ctx.actor.orgId);
  if (org?.kind !== 'township') throw new AppError(EnvironmentErrors.ORG_NOT_TOWNSHIP);
  return db.transaction(async (tx) => {
    const [row] = await repo.insertAcknowledgements(tx, [{ documentId, orgId: ctx.actor.orgId, acknowledgedBy: ctx.actor.userId }]);
    if (!row) throw new AppError(EnvironmentErrors.RULE_ALREADY_ACKNOWLEDGED);
    await writeAudit(tx, ctx, {
      action: 'environment.ruleDocument.acknowledge',
      entity: 'rule_document',
      entityId: documentId,
      after: row,
    });
    return row;
  });
}

export async function listRuleDocuments(db: Db, ctx: RequestContext, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  const [docs, acks] = await Promise.all([repo.listRuleDocuments(db), repo.acknowledgements(db, supervisionScope(ctx.actor), orgId)]);
  return docs.map((d) => ({
    ...d,
    acknowledgedBy: acks.filter((a) => a.documentId === d.id).map((a) => ({ orgId: a.orgId, at: a.acknowledgedAt.toISOString() })),
  }));
}

/** Adopting a rule of a kind supersedes the township's earlier rule of that kind (kept as history). */
export async function adoptRule(db: Db, ctx: RequestContext, input: z.infer<typeof ruleAdoptSchema>) {
  await assertEditableTownship(db, ctx, input.orgId);
  // Two adoptions of one kind at once: the in-force unique index decides, the loser gets RULE_CHANGED.
  return withPgErrors({ township_rules_in_force_uq: EnvironmentErrors.RULE_CHANGED }, () =>
    db.transaction(async (tx) => {
      const before = await repo.currentRule(tx, input.orgId, input.kind);
      if (before) await repo.supersedeRule(tx, before.id);
      const [row] = await repo.insertRules(tx, [{ ...input, createdBy: ctx.actor.userId }]);
      await writeAudit(tx, ctx, {
        action: 'environment.rule.adopt',
        entity: 'township_rule',
        entityId: row!.id,
        orgId: input.orgId,
        before: before ?? null,
        after: row,
      });
      return row!;
    }),
  );
}

export function listRules(db: Db, ctx: RequestContext, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  return repo.listRules(db, supervisionScope(ctx.actor), orgId);
}

export async function assignPost(db: Db, ctx: RequestContext, input: z.infer<typeof postAssignSchema>) {
  await assertEditableTownship(db, ctx, input.orgId);
  const person = await staffMember(db, input.staffId);
  if (!person || person.orgId !== input.orgId || person.status !== 'active') throw new AppError(EnvironmentErrors.POST_STAFF_NOT_FILED);
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.currentPost(tx, input.orgId, input.post);
      if (before) await repo.endPost(tx, before.id, input.since < before.since ? before.since : input.since);
      const [row] = await repo.insertPosts(tx, [{ ...input, createdBy: ctx.actor.userId }]);
      await writeAudit(tx, ctx, {
        action: 'environment.post.assign',
        entity: 'post_assignment',
        entityId: row!.id,
        orgId: input.orgId,
        before: before ?? null,
        after: row,
      });
      return row!;
    });
  } catch (err) {
    mapPgError(err, { post_assignments_current_uq: EnvironmentErrors.POST_CHANGED });
  }
}

/**
 * A person who leaves or transfers no longer holds the township's posts: personnel runs this inside
 * the filing's transaction. Registered here so personnel never imports environment (no module cycle).
 */
export function endPostsOfStaff(tx: DbOrTx, staffId: string, until: string) {
  return repo.endPostsOfStaff(tx, staffId, until);
}
onStaffDeparture(endPostsOfStaff);

export async function listPosts(db: Db, ctx: RequestContext, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  const rows = await repo.listPosts(db, supervisionScope(ctx.actor), orgId);
  const people = await staffByIds(
    db,
    rows.map((r) => r.assignment.staffId),
  );
  return rows.map((r) => ({ ...r, staffName: people.get(r.assignment.staffId)?.name ?? '' }));
}

export function listRooms(db: Db, ctx: RequestContext, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  return repo.listRooms(db, supervisionScope(ctx.actor), orgId);
}

export function listEquipment(db: Db, ctx: RequestContext, orgId?: string) {
  if (orgId) assertSupervisionReadable(ctx.actor, orgId);
  return repo.listEquipment(db, supervisionScope(ctx.actor), orgId);
}
