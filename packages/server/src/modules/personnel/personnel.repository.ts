import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { leadersInCharge, staff, staffFilings, type FilingRow, type LeaderRow, type StaffRow } from './personnel.tables.ts';

const SETTING_KEY = 'personnel.filingDeadlineDays';

function scoped(column: Parameters<typeof eq>[0], scope: OrgScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.orgIds.length === 0) return sql`false`;
  return inArray(column, scope.orgIds);
}

export const personnelRepository = {
  async deadlineSetting(db: DbOrTx): Promise<number | undefined> {
    const r = await db.execute<{ value: unknown }>(sql`SELECT value FROM app_settings WHERE key = ${SETTING_KEY}`);
    const v = r.rows[0]?.value;
    return typeof v === 'number' ? v : undefined;
  },
  async setDeadline(db: DbOrTx, days: number): Promise<void> {
    await db.execute(sql`INSERT INTO app_settings (key, value) VALUES (${SETTING_KEY}, ${JSON.stringify(days)}::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
  },

  // Leaders in charge
  currentLeader(db: DbOrTx, orgId: string): Promise<LeaderRow | undefined> {
    return db
      .select()
      .from(leadersInCharge)
      .where(and(eq(leadersInCharge.orgId, orgId), isNull(leadersInCharge.until)))
      .then((r) => r[0]);
  },
  async endLeader(db: DbOrTx, id: string, until: string): Promise<void> {
    await db.update(leadersInCharge).set({ until }).where(eq(leadersInCharge.id, id));
  },
  async insertLeader(db: DbOrTx, values: typeof leadersInCharge.$inferInsert): Promise<LeaderRow> {
    const [row] = await db.insert(leadersInCharge).values(values).returning();
    return row!;
  },
  /** The active leader-in-charge accounts of one org: who may be recorded as its leader in charge. */
  leaderAccounts(db: DbOrTx, orgId: string) {
    return db
      .select({ id: users.id, displayName: users.displayName, username: users.username })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, 'leader_in_charge'), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName));
  },
  listLeaders(db: DbOrTx, scope: OrgScope, opts: { orgId?: string; history?: boolean }) {
    return db
      .select({ leader: leadersInCharge, orgName: orgs.name, username: users.username })
      .from(leadersInCharge)
      .innerJoin(orgs, eq(orgs.id, leadersInCharge.orgId))
      .leftJoin(users, eq(users.id, leadersInCharge.userId))
      .where(
        and(
          scoped(leadersInCharge.orgId, scope),
          opts.orgId ? eq(leadersInCharge.orgId, opts.orgId) : undefined,
          opts.history ? undefined : isNull(leadersInCharge.until),
        ),
      )
      .orderBy(asc(orgs.sortOrder), desc(leadersInCharge.since));
  },

  // Staff
  staffById(db: DbOrTx, id: string): Promise<StaffRow | undefined> {
    return db
      .select()
      .from(staff)
      .where(eq(staff.id, id))
      .then((r) => r[0]);
  },
  staffByIdNumbers(db: DbOrTx, idNumbers: string[]): Promise<StaffRow[]> {
    if (idNumbers.length === 0) return Promise.resolve([]);
    return db.select().from(staff).where(inArray(staff.idNumber, idNumbers));
  },
  async activeCount(db: DbOrTx, orgId: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(staff)
      .where(and(eq(staff.orgId, orgId), eq(staff.status, 'active')));
    return Number(r?.n ?? 0);
  },
  async activeCountsByOrg(db: DbOrTx): Promise<Map<string, number>> {
    const rows = await db.select({ orgId: staff.orgId, n: count() }).from(staff).where(eq(staff.status, 'active')).groupBy(staff.orgId);
    return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
  },
  async openJoinCount(db: DbOrTx, orgId: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(staffFilings)
      .where(and(eq(staffFilings.orgId, orgId), eq(staffFilings.kind, 'join'), eq(staffFilings.state, 'submitted')));
    return Number(r?.n ?? 0);
  },
  async openJoinWithIdNumber(db: DbOrTx, idNumbers: string[]): Promise<string[]> {
    if (idNumbers.length === 0) return [];
    const r = await db.execute<{ id_number: string }>(sql`SELECT particulars->>'idNumber' AS id_number FROM staff_filings
      WHERE state = 'submitted' AND kind = 'join' AND particulars->>'idNumber' IN (${sql.join(
        idNumbers.map((x) => sql`${x}`),
        sql`, `,
      )})`);
    return r.rows.map((x) => x.id_number);
  },
  listStaff(db: DbOrTx, scope: OrgScope, opts: { orgId?: string; status?: 'active' | 'left' }) {
    return db
      .select({ staff, orgName: orgs.name, orgCode: orgs.code })
      .from(staff)
      .innerJoin(orgs, eq(orgs.id, staff.orgId))
      .where(
        and(
          scoped(staff.orgId, scope),
          opts.orgId ? eq(staff.orgId, opts.orgId) : undefined,
          opts.status ? eq(staff.status, opts.status) : undefined,
        ),
      )
      .orderBy(asc(orgs.sortOrder), asc(staff.startDate), asc(staff.name));
  },
  /** Active staff in township order then name, with their township's active head count. */
  activeStaffBrief(db: DbOrTx, scope: OrgScope, opts: { orgId?: string; townshipsOnly?: boolean }) {
    return db
      .select({
        staffId: staff.id,
        name: staff.name,
        orgId: staff.orgId,
        orgName: orgs.name,
        startDate: staff.startDate,
        townshipStaffCount: sql<number>`(SELECT count(*) FROM staff s2 WHERE s2.org_id = ${staff.orgId} AND s2.status = 'active')::int`,
      })
      .from(staff)
      .innerJoin(orgs, eq(orgs.id, staff.orgId))
      .where(
        and(
          eq(staff.status, 'active'),
          scoped(staff.orgId, scope),
          opts.orgId ? eq(staff.orgId, opts.orgId) : undefined,
          opts.townshipsOnly ? eq(orgs.kind, 'township') : undefined,
        ),
      )
      .orderBy(asc(orgs.sortOrder), asc(staff.name));
  },
  async insertStaff(db: DbOrTx, values: (typeof staff.$inferInsert)[]): Promise<StaffRow[]> {
    if (values.length === 0) return [];
    return db.insert(staff).values(values).returning();
  },
  async updateStaff(db: DbOrTx, id: string, values: Partial<typeof staff.$inferInsert>): Promise<StaffRow> {
    const [row] = await db
      .update(staff)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(staff.id, id))
      .returning();
    return row!;
  },

  // Filings
  filingById(db: DbOrTx, id: string): Promise<FilingRow | undefined> {
    return db
      .select()
      .from(staffFilings)
      .where(eq(staffFilings.id, id))
      .then((r) => r[0]);
  },
  async hasOpenFiling(db: DbOrTx, staffId: string): Promise<boolean> {
    const [r] = await db
      .select({ n: count() })
      .from(staffFilings)
      .where(and(eq(staffFilings.staffId, staffId), eq(staffFilings.state, 'submitted')));
    return Number(r?.n ?? 0) > 0;
  },
  async insertFilings(db: DbOrTx, values: (typeof staffFilings.$inferInsert)[]): Promise<FilingRow[]> {
    if (values.length === 0) return [];
    return db.insert(staffFilings).values(values).returning();
  },
  async updateFiling(db: DbOrTx, id: string, values: Partial<typeof staffFilings.$inferInsert>): Promise<FilingRow> {
    const [row] = await db.update(staffFilings).set(values).where(eq(staffFilings.id, id)).returning();
    return row!;
  },
  listFilings(
    db: DbOrTx,
    scope: OrgScope,
    opts: { orgId?: string; state?: FilingRow['state']; late?: boolean; staffId?: string; limit: number },
  ) {
    return db
      .select({
        filing: staffFilings,
        orgName: orgs.name,
        staffName: staff.name,
        toOrgName: sql<string | null>`(SELECT o2.name FROM orgs o2 WHERE o2.id = ${staffFilings.toOrgId})`,
      })
      .from(staffFilings)
      .innerJoin(orgs, eq(orgs.id, staffFilings.orgId))
      .leftJoin(staff, eq(staff.id, staffFilings.staffId))
      .where(
        and(
          scoped(staffFilings.orgId, scope),
          opts.orgId ? eq(staffFilings.orgId, opts.orgId) : undefined,
          opts.state ? eq(staffFilings.state, opts.state) : undefined,
          opts.late === undefined ? undefined : eq(staffFilings.late, opts.late),
          opts.staffId ? eq(staffFilings.staffId, opts.staffId) : undefined,
        ),
      )
      .orderBy(desc(staffFilings.filedAt))
      .limit(opts.limit);
  },
};
