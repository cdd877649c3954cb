import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { equipment, expenses, postAssignments, ruleAcknowledgements, ruleDocuments, rooms, townshipRules } from './environment.tables.ts';

function scoped(column: Parameters<typeof eq>[0], scope: OrgScope, orgId?: string): SQL | undefined {
  return and(
    scope.kind === 'all' ? undefined : scope.orgIds.length ? inArray(column, scope.orgIds) : sql`false`,
    orgId ? eq(column, orgId) : undefined,
  );
}

export const environmentRepository = {
  roomByKind: (db: DbOrTx, orgId: string, kind: string) =>
    db
      .select()
      .from(rooms)
      .where(and(eq(rooms.orgId, orgId), eq(rooms.kind, kind as 'office')))
      .then((r) => r[0]),
  async upsertRoom(db: DbOrTx, v: typeof rooms.$inferInsert) {
    const [row] = await db
      .insert(rooms)
      .values(v)
      .onConflictDoUpdate({
        target: [rooms.orgId, rooms.kind],
        set: { status: v.status, areaM2: v.areaM2, inUseSince: v.inUseSince, note: v.note, updatedBy: v.updatedBy, updatedAt: new Date() },
      })
      .returning();
    return row!;
  },
  listRooms: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select({ room: rooms, orgName: orgs.name })
      .from(rooms)
      .innerJoin(orgs, eq(orgs.id, rooms.orgId))
      .where(scoped(rooms.orgId, scope, orgId))
      .orderBy(asc(orgs.sortOrder), asc(rooms.kind)),

  equipmentOf: (db: DbOrTx, orgId: string) =>
    db
      .select()
      .from(equipment)
      .where(eq(equipment.orgId, orgId))
      .then((r) => r[0]),
  async upsertEquipment(db: DbOrTx, v: typeof equipment.$inferInsert) {
    const [row] = await db
      .insert(equipment)
      .values(v)
      .onConflictDoUpdate({
        target: equipment.orgId,
        set: {
          computers: v.computers,
          printers: v.printers,
          docSystemAccess: v.docSystemAccess,
          note: v.note,
          updatedBy: v.updatedBy,
          updatedAt: new Date(),
        },
      })
      .returning();
    return row!;
  },
  listEquipment: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select({ equipment, orgName: orgs.name })
      .from(equipment)
      .innerJoin(orgs, eq(orgs.id, equipment.orgId))
      .where(scoped(equipment.orgId, scope, orgId))
      .orderBy(asc(orgs.sortOrder)),

  expenseOf: (db: DbOrTx, orgId: string, year: number, category: string) =>
    db
      .select()
      .from(expenses)
      .where(and(eq(expenses.orgId, orgId), eq(expenses.year, year), eq(expenses.category, category as 'other')))
      .then((r) => r[0]),
  async upsertExpense(db: DbOrTx, v: typeof expenses.$inferInsert) {
    const [row] = await db
      .insert(expenses)
      .values(v)
      .onConflictDoUpdate({
        target: [expenses.orgId, expenses.year, expenses.category],
        set: { amountYuan: v.amountYuan, note: v.note, recordedBy: v.recordedBy, recordedAt: new Date() },
      })
      .returning();
    return row!;
  },
  listExpenses: (db: DbOrTx, scope: OrgScope, opts: { orgId?: string; years: number[] }) =>
    db
      .select({ expense: expenses, orgName: orgs.name })
      .from(expenses)
      .innerJoin(orgs, eq(orgs.id, expenses.orgId))
      .where(and(scoped(expenses.orgId, scope, opts.orgId), inArray(expenses.year, opts.years)))
      .orderBy(asc(orgs.sortOrder), asc(expenses.year), asc(expenses.category)),

  async insertRuleDocument(db: DbOrTx, v: typeof ruleDocuments.$inferInsert) {
    const [row] = await db.insert(ruleDocuments).values(v).returning();
    return row!;
  },
  ruleDocumentById: (db: DbOrTx, id: string) =>
    db
      .select()
      .from(ruleDocuments)
      .where(eq(ruleDocuments.id, id))
      .then((r) => r[0]),
  listRuleDocuments: (db: DbOrTx) =>
    db.select().from(ruleDocuments).where(eq(ruleDocuments.state, 'in_force')).orderBy(asc(ruleDocuments.issuedOn)),
  acknowledgements: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select()
      .from(ruleAcknowledgements)
      .where(scoped(ruleAcknowledgements.orgId, scope, orgId)),
  async insertAcknowledgements(db: DbOrTx, v: (typeof ruleAcknowledgements.$inferInsert)[]) {
    if (v.length === 0) return [];
    return db.insert(ruleAcknowledgements).values(v).onConflictDoNothing().returning();
  },

  currentRule: (db: DbOrTx, orgId: string, kind: string) =>
    db
      .select()
      .from(townshipRules)
      .where(and(eq(townshipRules.orgId, orgId), eq(townshipRules.kind, kind as 'duty'), eq(townshipRules.state, 'in_force')))
      .then((r) => r[0]),
  async supersedeRule(db: DbOrTx, id: string) {
    await db.update(townshipRules).set({ state: 'superseded', supersededAt: new Date() }).where(eq(townshipRules.id, id));
  },
  async insertRules(db: DbOrTx, v: (typeof townshipRules.$inferInsert)[]) {
    if (v.length === 0) return [];
    return db.insert(townshipRules).values(v).returning();
  },
  listRules: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select({ rule: townshipRules, orgName: orgs.name })
      .from(townshipRules)
      .innerJoin(orgs, eq(orgs.id, townshipRules.orgId))
      .where(and(scoped(townshipRules.orgId, scope, orgId), eq(townshipRules.state, 'in_force')))
      .orderBy(asc(orgs.sortOrder), asc(townshipRules.kind)),

  currentPost: (db: DbOrTx, orgId: string, post: string) =>
    db
      .select()
      .from(postAssignments)
      .where(and(eq(postAssignments.orgId, orgId), eq(postAssignments.post, post as 'writing'), isNull(postAssignments.until)))
      .then((r) => r[0]),
  async endPost(db: DbOrTx, id: string, until: string) {
    await db.update(postAssignments).set({ until }).where(eq(postAssignments.id, id));
  },
  async endPostsOfStaff(db: DbOrTx, staffId: string, until: string) {
    await db
      .update(postAssignments)
      .set({ until })
      .where(and(eq(postAssignments.staffId, staffId), isNull(postAssignments.until)));
  },
  async insertPosts(db: DbOrTx, v: (typeof postAssignments.$inferInsert)[]) {
    if (v.length === 0) return [];
    return db.insert(postAssignments).values(v).returning();
  },
  listPosts: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select({ assignment: postAssignments, orgName: orgs.name })
      .from(postAssignments)
      .innerJoin(orgs, eq(orgs.id, postAssignments.orgId))
      .where(and(scoped(postAssignments.orgId, scope, orgId), isNull(postAssignments.until)))
      .orderBy(asc(orgs.sortOrder), asc(postAssignments.post)),
};
