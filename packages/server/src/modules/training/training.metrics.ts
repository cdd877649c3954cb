/** Training figures the dashboard reads, over training's own tables only (joined to staff by id in the caller). */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];

/** Held sessions in [from, to]. */
export const heldSessionCount = (db: DbOrTx, from: string, to: string) =>
  rows<{ n: number }>(
    db.execute(sql`SELECT count(*)::int AS n FROM training_sessions WHERE state = 'held' AND held_on BETWEEN ${from} AND ${to}`),
  );

/** Who attended at least one held session in [from, to]: staff ids and leader ids. */
export async function attendeesInWindow(db: DbOrTx, from: string, to: string): Promise<{ staffIds: Set<string>; leaderIds: Set<string> }> {
  const list = await rows<{ staff_id: string | null; leader_id: string | null }>(
    db.execute(sql`SELECT DISTINCT a.staff_id, a.leader_id FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
      WHERE t.state = 'held' AND t.held_on BETWEEN ${from} AND ${to}`),
  );
  return {
    staffIds: new Set(list.flatMap((r) => (r.staff_id ? [r.staff_id] : []))),
    leaderIds: new Set(list.flatMap((r) => (r.leader_id ? [r.leader_id] : []))),
  };
}

export const rotationsByQuarter = (db: DbOrTx, year: number) =>
  rows<{ quarter: number; n: number }>(
    db.execute(sql`SELECT quarter, count(*)::int AS n FROM rotations WHERE year = ${year} AND state <> 'cancelled' GROUP BY quarter`),
  );

/** Rotations of `year` per org and quarter (the county's quarterly figure, added up over the townships in view). */
export const rotationsByOrgQuarter = (db: DbOrTx, year: number) =>
  rows<{ org_id: string; quarter: number; n: number }>(
    db.execute(
      sql`SELECT org_id, quarter, count(*)::int AS n FROM rotations WHERE year = ${year} AND state <> 'cancelled' GROUP BY org_id, quarter`,
    ),
  );

export const rotationsInWindow = (db: DbOrTx, fromYear: number, toYear: number) =>
  rows<{ org_id: string; n: number }>(
    db.execute(
      sql`SELECT org_id, count(*)::int AS n FROM rotations WHERE year BETWEEN ${fromYear} AND ${toYear} AND state <> 'cancelled' GROUP BY org_id`,
    ),
  );
