import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { rotations, trainingAttendance, trainingSessions, type RotationRow, type TrainingSessionRow } from './training.tables.ts';

export const trainingRepository = {
  async insertSession(db: DbOrTx, values: typeof trainingSessions.$inferInsert): Promise<TrainingSessionRow> {
    const [row] = await db.insert(trainingSessions).values(values).returning();
    return row!;
  },
  async insertAttendance(db: DbOrTx, values: (typeof trainingAttendance.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(trainingAttendance).values(values);
  },
  listSessions(db: DbOrTx, scope: OrgScope, from: string, to: string) {
    return db
      .select({
        session: trainingSessions,
        orgName: orgs.name,
        staffAttendees: sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.session_id = training_sessions.id AND a.staff_id IS NOT NULL)::int`,
        leaderAttendees: sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.session_id = training_sessions.id AND a.leader_id IS NOT NULL)::int`,
      })
      .from(trainingSessions)
      .innerJoin(orgs, eq(orgs.id, trainingSessions.orgId))
      .where(
        and(
          gte(trainingSessions.heldOn, from),
          lte(trainingSessions.heldOn, to),
          eq(trainingSessions.state, 'held'),
          scope.kind === 'all'
            ? undefined
            : or(eq(orgs.kind, 'county_office'), scope.orgIds.length ? inArray(trainingSessions.orgId, scope.orgIds) : sql`false`),
        ),
      )
      .orderBy(desc(trainingSessions.heldOn));
  },
  /** Per staff member, the date of their last held session in [from, to] (absent: never trained in it). */
  async lastTrained(db: DbOrTx, from: string, to: string): Promise<Map<string, string>> {
    const r = await db.execute<{ staff_id: string; last: string }>(sql`SELECT a.staff_id, max(s.held_on)::text AS last
      FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
      WHERE a.staff_id IS NOT NULL AND s.state = 'held' AND s.held_on BETWEEN ${from} AND ${to} GROUP BY a.staff_id`);
    return new Map(r.rows.map((x) => [x.staff_id, x.last]));
  },
  /** Per staff member, the start of their last (not cancelled) rotation. */
  async lastRotation(db: DbOrTx): Promise<Map<string, string>> {
    const r = await db.execute<{ staff_id: string; last: string }>(
      sql`SELECT staff_id, max(period_start)::text AS last FROM rotations WHERE state <> 'cancelled' GROUP BY staff_id`,
    );
    return new Map(r.rows.map((x) => [x.staff_id, x.last]));
  },
  quarterRotations(db: DbOrTx, year: number, quarter: number) {
    return db
      .select()
      .from(rotations)
      .where(and(eq(rotations.year, year), eq(rotations.quarter, quarter), ne(rotations.state, 'cancelled')));
  },
  async insertRotations(db: DbOrTx, values: (typeof rotations.$inferInsert)[]): Promise<RotationRow[]> {
    if (values.length === 0) return [];
    return db.insert(rotations).values(values).returning();
  },
  rotationById(db: DbOrTx, id: string): Promise<RotationRow | undefined> {
    return db
      .select()
      .from(rotations)
      .where(eq(rotations.id, id))
      .then((r) => r[0]);
  },
  async updateRotation(db: DbOrTx, id: string, values: Partial<typeof rotations.$inferInsert>): Promise<RotationRow> {
    const [row] = await db.update(rotations).set(values).where(eq(rotations.id, id)).returning();
    return row!;
  },
  /** Rotations in scope; the cadres' names come from personnel (training.service). */
  listRotations(db: DbOrTx, scope: OrgScope, opts: { year?: number; orgId?: string }) {
    return db
      .select({ rotation: rotations, orgName: orgs.name })
      .from(rotations)
      .innerJoin(orgs, eq(orgs.id, rotations.orgId))
      .where(
        and(
          ne(rotations.state, 'cancelled'),
          scope.kind === 'all'
            ? undefined
            : inArray(rotations.orgId, scope.orgIds.length ? scope.orgIds : ['00000000-0000-0000-0000-000000000000']),
          opts.year ? eq(rotations.year, opts.year) : undefined,
          opts.orgId ? eq(rotations.orgId, opts.orgId) : undefined,
        ),
      )
      .orderBy(desc(rotations.year), desc(rotations.quarter), asc(orgs.sortOrder));
  },
};
