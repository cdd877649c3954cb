/**
 * What other modules read about the team (training checks attendees, environment checks a post's
 * holder, the dashboard counts), read-only and over personnel's own tables (joined to orgs for
 * names and order). Other modules call these, never personnel's repository or tables.
 */
import { eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { personnelRepository } from './personnel.repository.ts';
import { leadersInCharge, staff, type StaffRow } from './personnel.tables.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];

/** One filed person (any status), or undefined. */
export function staffMember(db: DbOrTx, id: string): Promise<StaffRow | undefined> {
  return personnelRepository.staffById(db, id);
}

/** Filed people by id (any status); ids that are not filed are absent. */
export async function staffByIds(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { id: string; name: string; orgId: string; status: string }>> {
  if (ids.length === 0) return new Map();
  const list = await db
    .select({ id: staff.id, name: staff.name, orgId: staff.orgId, status: staff.status })
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]));
  return new Map(list.map((s) => [s.id, s]));
}

/** Leaders in charge (current or past) by id, with their township; unknown ids are absent. */
export async function leadersByIds(db: DbOrTx, ids: string[]): Promise<Map<string, { id: string; orgId: string }>> {
  if (ids.length === 0) return new Map();
  const list = await db
    .select({ id: leadersInCharge.id, orgId: leadersInCharge.orgId })
    .from(leadersInCharge)
    .where(inArray(leadersInCharge.id, [...new Set(ids)]));
  return new Map(list.map((l) => [l.id, l]));
}

/**
 * Active staff in the caller's scope, in township order then name, with their township's active
 * head count (the rotation planner never takes a township's only person).
 */
export function activeStaff(db: DbOrTx, scope: OrgScope, opts: { orgId?: string; townshipsOnly?: boolean } = {}) {
  return personnelRepository.activeStaffBrief(db, scope, opts);
}

/** Ids of the leaders in charge today (no end date): the dashboard's leader-training figure. */
export async function currentLeaderIds(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: leadersInCharge.id }).from(leadersInCharge).where(isNull(leadersInCharge.until))).map((r) => r.id);
}

/** The leaders in charge today (no end date) with their township: the dashboard's leader-training figure per township. */
export async function currentLeaders(db: DbOrTx): Promise<{ id: string; orgId: string }[]> {
  return db.select({ id: leadersInCharge.id, orgId: leadersInCharge.orgId }).from(leadersInCharge).where(isNull(leadersInCharge.until));
}

// The dashboard's aggregates over personnel's tables (one GROUP BY each).

/** Per township, whether a leader in charge held the post on `asOf`, and whether one is familiar with the work. */
export const leadersOn = (db: DbOrTx, asOf: string) =>
  rows<{ org_id: string; familiar: boolean }>(
    db.execute(sql`SELECT org_id, bool_or(familiar) AS familiar FROM leaders_in_charge
      WHERE since <= ${asOf} AND (until IS NULL OR until > ${asOf}) GROUP BY org_id`),
  );

/** Active staff per org, and who they are (id → org) for figures that join them to other modules' records. */
export const activeStaffCounts = (db: DbOrTx) =>
  rows<{ org_id: string; n: number }>(
    db.execute(sql`SELECT org_id, count(*)::int AS n FROM staff WHERE status = 'active' GROUP BY org_id`),
  );
export async function activeStaffOrgs(db: DbOrTx): Promise<Map<string, string>> {
  const list = await db.select({ id: staff.id, orgId: staff.orgId }).from(staff).where(eq(staff.status, 'active'));
  return new Map(list.map((s) => [s.id, s.orgId]));
}

/** Filings per org filed in `year` (China time): how many, how many late, how many still open. */
export const filingsInYear = (db: DbOrTx, year: number) =>
  rows<{ org_id: string; n: number; late: number; open: number }>(
    db.execute(sql`SELECT org_id, count(*)::int AS n, count(*) FILTER (WHERE late)::int AS late, count(*) FILTER (WHERE state = 'submitted')::int AS open
        FROM staff_filings WHERE filed_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND filed_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        GROUP BY org_id`),
  );

/** Staff structure for the charts (age band and education) of the townships' active staff. */
export const staffStructureCounts = (db: DbOrTx, asOf: string) =>
  rows<{ band: string; education: string; n: number }>(
    db.execute(sql`SELECT CASE WHEN a < 30 THEN 'under30' WHEN a < 40 THEN '30to39' WHEN a < 50 THEN '40to49' ELSE '50plus' END AS band, education, count(*)::int AS n
        FROM (SELECT extract(year FROM age(${asOf}::date, birth_date))::int AS a, education FROM staff s JOIN orgs o ON o.id = s.org_id
              WHERE s.status = 'active' AND o.kind = 'township') x GROUP BY 1, 2`),
  );
