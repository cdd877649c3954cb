/**
 * Recipient groups (主送/抄送 groups, issue 13): named lists of orgs such as "各乡镇（区）党委、政府"
 * that the county office keeps. A document addressed to one prints the group's name (GB/T 9704-2012
 * 7.3.2 主送机关, 7.4.2 抄送机关) and is delivered to every member; documents keep a frozen copy
 * (`groupsForDocument`), so editing or deleting a group never changes a document already addressed.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import { RecipientGroupErrors } from '@township-office/domain/orgs.errors';
import type { RecipientGroup, RecipientGroupInput, RecipientGroupSnapshot } from '@township-office/domain/orgs';
import { holderMay } from '@township-office/domain/permissions';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, forbiddenRole, withPgErrors } from '../../platform/errors.ts';
import { countyIdOf } from './orgs.repository.ts';
import { orgs } from './orgs.tables.ts';
import { recipientGroupsRepository as repo } from './recipient-groups.repository.ts';
import type { RecipientGroupRow } from './recipient-groups.tables.ts';

/** A unique name per county: two clerks saving the same name at once meet the index, not a 500. */
const nameTaken = (name: string) => ({
  recipient_groups_name_key: new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NAME_TAKEN, { name }),
});

async function countyOf(db: DbOrTx, actor: Actor): Promise<string> {
  const county = await countyIdOf(db, actor.orgId);
  if (!county) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NO_COUNTY);
  return county;
}

/** The active orgs of the tree with name, sort order and county, for the ids given. */
async function orgFacts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; sortOrder: number }>();
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, sortOrder: orgs.sortOrder })
    .from(orgs)
    .where(and(inArray(orgs.id, [...ids]), isNull(orgs.disabledAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Members: active orgs of the county (not the county itself), once each, kept in the tree's order. */
async function checkedMembers(db: DbOrTx, countyId: string, ids: readonly string[]): Promise<string[]> {
  const facts = await orgFacts(db, ids);
  const seen = new Set<string>();
  for (const id of ids) {
    const org = facts.get(id);
    if (!org) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_MEMBER_UNKNOWN, { id });
    if (seen.has(id)) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_MEMBER_DUPLICATE, { name: org.name });
    seen.add(id);
  }
  for (const id of ids) {
    if (id === countyId || (await countyIdOf(db, id)) !== countyId)
      throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_MEMBER_OUTSIDE, { name: facts.get(id)!.name });
  }
  return [...ids].sort((a, b) => facts.get(a)!.sortOrder - facts.get(b)!.sortOrder || facts.get(a)!.name.localeCompare(facts.get(b)!.name));
}

async function present(db: DbOrTx, rows: RecipientGroupRow[]): Promise<RecipientGroup[]> {
  const facts = await orgFacts(db, [...new Set(rows.flatMap((r) => r.memberOrgIds))]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    memberOrgIds: r.memberOrgIds,
    memberNames: r.memberOrgIds.map((id) => facts.get(id)?.name ?? '').filter(Boolean),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The groups of the caller's county: for whoever keeps them, and for every drafter's pickers. */
export async function listRecipientGroups(db: Db, ctx: RequestContext): Promise<RecipientGroup[]> {
  if (!holderMay(ctx.actor, 'orgs.recipientGroups') && !holderMay(ctx.actor, 'documents.draft')) throw forbiddenRole();
  return present(db, await repo.list(db, await countyOf(db, ctx.actor)));
}

export async function createRecipientGroup(db: Db, ctx: RequestContext, input: RecipientGroupInput): Promise<RecipientGroup> {
  assertMay(ctx.actor, 'orgs.recipientGroups');
  const county = await countyOf(db, ctx.actor);
  const members = await checkedMembers(db, county, input.memberOrgIds);
  const row = await withPgErrors(nameTaken(input.name), () =>
    db.transaction(async (tx) => {
      const row = await repo.insert(tx, { orgId: county, name: input.name, memberOrgIds: members, createdBy: ctx.actor.userId });
      await writeAudit(tx, ctx, {
        action: 'recipientGroup.create',
        entity: 'recipient_group',
        entityId: row.id,
        orgId: county,
        after: row,
      });
      return row;
    }),
  );
  return (await present(db, [row]))[0]!;
}

export async function updateRecipientGroup(db: Db, ctx: RequestContext, id: string, input: RecipientGroupInput): Promise<RecipientGroup> {
  assertMay(ctx.actor, 'orgs.recipientGroups');
  const county = await countyOf(db, ctx.actor);
  const members = await checkedMembers(db, county, input.memberOrgIds);
  const row = await withPgErrors(nameTaken(input.name), () =>
    db.transaction(async (tx) => {
      const before = await repo.byId(tx, county, id, { lock: true });
      if (!before) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NOT_FOUND, { id });
      const row = await repo.update(tx, id, { name: input.name, memberOrgIds: members });
      await writeAudit(tx, ctx, {
        action: 'recipientGroup.update',
        entity: 'recipient_group',
        entityId: id,
        orgId: county,
        before,
        after: row,
      });
      return row;
    }),
  );
  return (await present(db, [row]))[0]!;
}

/** 删除 is a recorded state: documents addressed to the group keep its frozen name and members. */
export async function deleteRecipientGroup(db: Db, ctx: RequestContext, id: string): Promise<void> {
  assertMay(ctx.actor, 'orgs.recipientGroups');
  const county = await countyOf(db, ctx.actor);
  await db.transaction(async (tx) => {
    const before = await repo.byId(tx, county, id, { lock: true });
    if (!before) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NOT_FOUND, { id });
    const row = await repo.update(tx, id, { deletedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'recipientGroup.delete',
      entity: 'recipient_group',
      entityId: id,
      orgId: county,
      before: { name: before.name },
      after: { deletedAt: row.deletedAt },
    });
  });
}

/**
 * The groups a drafter names, frozen for the document: name and members as they are now (members
 * disabled since are left out). A group of another county, or deleted, is refused.
 */
export async function groupsForDocument(db: DbOrTx, actor: Actor, ids: readonly string[]): Promise<RecipientGroupSnapshot[]> {
  if (ids.length === 0) return [];
  if (new Set(ids).size !== ids.length) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NOT_FOUND, { id: ids.join(',') });
  const county = await countyOf(db, actor);
  const rows = await repo.byIds(db, county, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const active = await orgFacts(db, [...new Set(rows.flatMap((r) => r.memberOrgIds))]);
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new AppError(RecipientGroupErrors.RECIPIENT_GROUP_NOT_FOUND, { id });
    return { id: r.id, name: r.name, memberOrgIds: r.memberOrgIds.filter((m) => active.has(m)) };
  });
}
