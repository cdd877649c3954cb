import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DutyLogSort } from '@township-office/domain/duty';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import {
  dutyHandovers,
  dutyHolidaySubmissions,
  dutyIncidentReports,
  dutyLogEntries,
  dutyRosterDays,
  dutySwaps,
  holidayPeriods,
  type DutyLogRow,
} from './duty.tables.ts';

type OrgCol =
  | typeof dutyRosterDays.orgId
  | typeof dutyLogEntries.orgId
  | typeof dutySwaps.orgId
  | typeof dutyHandovers.orgId
  | typeof dutyIncidentReports.orgId;
function scoped(col: OrgCol, scope: OrgScope, orgId?: string): SQL | undefined {
  return and(
    scope.kind === 'all' ? undefined : scope.orgIds.length ? inArray(col, scope.orgIds) : sql`false`,
    orgId ? eq(col, orgId) : undefined,
  );
}

export interface LogFilter {
  from?: string;
  to?: string;
  kind?: DutyLogRow['kind'];
  orgId?: string;
  reportedUpward?: boolean;
  sort?: DutyLogSort;
}

/** Each order is served by duty_log_entries_at_idx county-wide and _org_at_idx per office (migration 1310), read either way. */
const LOG_ORDER: Record<DutyLogSort, SQL[]> = {
  newest: [desc(dutyLogEntries.at), desc(dutyLogEntries.id)],
  oldest: [asc(dutyLogEntries.at), asc(dutyLogEntries.id)],
};

const TZ = 'Asia/Shanghai';
/** Midnight of `day` plus `days` on the county's calendar. */
const localMidnight = (day: string, days: number) => sql`((${day}::date + ${days}::int)::timestamp AT TIME ZONE ${TZ})`;

function logWhere(scope: OrgScope, f: LogFilter): SQL | undefined {
  return and(
    scoped(dutyLogEntries.orgId, scope, f.orgId),
    // `day` decides; the looser bound on `at` (a day's margin either side) lets the order's index
    // read the range instead of filtering every entry (no index leads with `day` county-wide).
    f.from ? and(gte(dutyLogEntries.day, f.from), gte(dutyLogEntries.at, localMidnight(f.from, -1))) : undefined,
    f.to ? and(lte(dutyLogEntries.day, f.to), sql`${dutyLogEntries.at} < ${localMidnight(f.to, 2)}`) : undefined,
    f.kind ? eq(dutyLogEntries.kind, f.kind) : undefined,
    f.reportedUpward === undefined ? undefined : eq(dutyLogEntries.reportUpward, f.reportedUpward),
  );
}

/** The duty log's page query, exactly as `dutyRepository.log` runs it (exported for the EXPLAIN test). */
export function dutyLogPageQuery(db: DbOrTx, scope: OrgScope, f: LogFilter, page: { limit: number; offset: number }) {
  return db
    .select()
    .from(dutyLogEntries)
    .where(logWhere(scope, f))
    .orderBy(...LOG_ORDER[f.sort ?? 'newest'])
    .limit(page.limit)
    .offset(page.offset);
}

/** The duty log's count, as `dutyRepository.log` runs it. */
export function dutyLogCountQuery(db: DbOrTx, scope: OrgScope, f: LogFilter) {
  return db.select({ n: count() }).from(dutyLogEntries).where(logWhere(scope, f));
}

export const dutyRepository = {
  roster(db: DbOrTx, scope: OrgScope, q: { from: string; to: string; orgId?: string }) {
    return db
      .select()
      .from(dutyRosterDays)
      .where(and(scoped(dutyRosterDays.orgId, scope, q.orgId), gte(dutyRosterDays.day, q.from), lte(dutyRosterDays.day, q.to)))
      .orderBy(asc(dutyRosterDays.day), asc(dutyRosterDays.orgId));
  },
  async rosterDay(db: DbOrTx, orgId: string, day: string, forUpdate = false) {
    const q = db
      .select()
      .from(dutyRosterDays)
      .where(and(eq(dutyRosterDays.orgId, orgId), eq(dutyRosterDays.day, day)));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  /** Inserts or replaces roster days; `keepManual` leaves days edited by hand as they are. */
  upsertRoster(db: DbOrTx, rows: (typeof dutyRosterDays.$inferInsert)[], keepManual: boolean) {
    if (!rows.length) return Promise.resolve([]);
    return db
      .insert(dutyRosterDays)
      .values(rows)
      .onConflictDoUpdate({
        target: [dutyRosterDays.orgId, dutyRosterDays.day],
        set: {
          leaderName: sql`excluded.leader_name`,
          staffNames: sql`excluded.staff_names`,
          source: sql`excluded.source`,
          note: sql`excluded.note`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
        ...(keepManual ? { setWhere: sql`${dutyRosterDays.source} = 'rotation'` } : {}),
      })
      .returning();
  },
  swaps(db: DbOrTx, scope: OrgScope, orgId?: string) {
    return db
      .select()
      .from(dutySwaps)
      .where(scoped(dutySwaps.orgId, scope, orgId))
      .orderBy(desc(dutySwaps.createdAt))
      .limit(200);
  },
  async swapById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(dutySwaps).where(eq(dutySwaps.id, id)).for('update');
    return row;
  },
  insertSwap: (db: DbOrTx, v: typeof dutySwaps.$inferInsert) =>
    db
      .insert(dutySwaps)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  updateSwap: (db: DbOrTx, id: string, v: Partial<typeof dutySwaps.$inferInsert>) =>
    db
      .update(dutySwaps)
      .set(v)
      .where(eq(dutySwaps.id, id))
      .returning()
      .then((r) => r[0]!),

  holidays: (db: DbOrTx, year?: number) =>
    db
      .select()
      .from(holidayPeriods)
      .where(year ? sql`extract(year from ${holidayPeriods.startsOn}) = ${year}` : undefined)
      .orderBy(asc(holidayPeriods.startsOn)),
  async holidayById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(holidayPeriods).where(eq(holidayPeriods.id, id));
    return row;
  },
  insertHoliday: (db: DbOrTx, v: typeof holidayPeriods.$inferInsert) =>
    db
      .insert(holidayPeriods)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  submissions: (db: DbOrTx, holidayId: string) =>
    db.select().from(dutyHolidaySubmissions).where(eq(dutyHolidaySubmissions.holidayId, holidayId)),
  insertSubmission: (db: DbOrTx, v: typeof dutyHolidaySubmissions.$inferInsert) =>
    db
      .insert(dutyHolidaySubmissions)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  /** Townships and departments: the orgs that submit holiday rosters and keep duty logs. */
  reportingOrgs: (db: DbOrTx, kinds: ('township' | 'county_department')[] = ['township', 'county_department']) =>
    db
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
      .from(orgs)
      .where(and(inArray(orgs.kind, kinds), sql`${orgs.disabledAt} IS NULL`))
      .orderBy(asc(orgs.sortOrder)),
  async countyOffice(db: DbOrTx) {
    const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.kind, 'county_office')).limit(1);
    return row;
  },

  async log(db: DbOrTx, scope: OrgScope, f: LogFilter, page: { limit: number; offset: number }) {
    const [rows, [total]] = await Promise.all([dutyLogPageQuery(db, scope, f, page), dutyLogCountQuery(db, scope, f)]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async logById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(dutyLogEntries).where(eq(dutyLogEntries.id, id)).for('update');
    return row;
  },
  insertLog: (db: DbOrTx, v: typeof dutyLogEntries.$inferInsert) =>
    db
      .insert(dutyLogEntries)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  markReported: (db: DbOrTx, id: string) => db.update(dutyLogEntries).set({ reportUpward: true }).where(eq(dutyLogEntries.id, id)),
  insertIncident: (db: DbOrTx, v: typeof dutyIncidentReports.$inferInsert) =>
    db
      .insert(dutyIncidentReports)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  incidentReports(db: DbOrTx, scope: OrgScope) {
    return db
      .select({ report: dutyIncidentReports, entry: dutyLogEntries, orgName: orgs.name })
      .from(dutyIncidentReports)
      .innerJoin(dutyLogEntries, eq(dutyLogEntries.id, dutyIncidentReports.entryId))
      .innerJoin(orgs, eq(orgs.id, dutyIncidentReports.orgId))
      .where(scope.kind === 'all' ? undefined : scoped(dutyIncidentReports.orgId, scope))
      .orderBy(desc(dutyIncidentReports.reportedAt))
      .limit(200);
  },

  handovers: (db: DbOrTx, scope: OrgScope, orgId?: string) =>
    db
      .select()
      .from(dutyHandovers)
      .where(scoped(dutyHandovers.orgId, scope, orgId))
      .orderBy(desc(dutyHandovers.day), desc(dutyHandovers.createdAt))
      .limit(200),
  async handoverById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(dutyHandovers).where(eq(dutyHandovers.id, id)).for('update');
    return row;
  },
  insertHandover: (db: DbOrTx, v: typeof dutyHandovers.$inferInsert) =>
    db
      .insert(dutyHandovers)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  updateHandover: (db: DbOrTx, id: string, v: Partial<typeof dutyHandovers.$inferInsert>) =>
    db
      .update(dutyHandovers)
      .set(v)
      .where(eq(dutyHandovers.id, id))
      .returning()
      .then((r) => r[0]!),
  orgUsers: (db: DbOrTx, orgId: string, ids: string[]) =>
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, ids), sql`${users.disabledAt} IS NULL`)),

  /** Per reporting org and day in [from, to]: how many log entries were kept. */
  logByDay(db: DbOrTx, from: string, to: string) {
    return db.execute<{ org_id: string; day: string; entries: number }>(sql`
      SELECT o.id AS org_id, to_char(d, 'YYYY-MM-DD') AS day, count(e.id)::int AS entries
      FROM orgs o
      CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS d
      LEFT JOIN duty_log_entries e ON e.org_id = o.id AND e.day = d::date
      WHERE o.kind = 'township' AND o.disabled_at IS NULL
      GROUP BY o.id, o.sort_order, d
      ORDER BY o.sort_order, d`);
  },
  daysKept(db: DbOrTx, from: string, to: string) {
    return db.execute<{ org_id: string; days_kept: number }>(sql`
      SELECT o.id AS org_id, count(DISTINCT e.day)::int AS days_kept
      FROM orgs o LEFT JOIN duty_log_entries e ON e.org_id = o.id AND e.day BETWEEN ${from}::date AND ${to}::date
      WHERE o.kind = 'township' AND o.disabled_at IS NULL
      GROUP BY o.id, o.sort_order ORDER BY o.sort_order`);
  },
};
