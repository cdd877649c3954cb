import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { staff } from '../personnel/personnel.tables.ts';
import { rotations, trainingAttendance, trainingSessions, type RotationRow, type TrainingSessionRow } from './training.tables.ts';

export const trainingRepository = {
  async insertSession(db: DbOrTx, values: typeof trainingSessions.$inferInsert): Promise<TrainingSessionRow> {
    const [row] = await db.insert(trainingSessions).values(values).returning();
    return row!;
  },
  async insertAttendance(db: DbOrTx, values: (typeof trainingAttendance.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(trainingAttendance).values(values);
  },
  listSessions(db: DbOrTx, from: string, to: string) {
    return db
      .select({
        session: trainingSessions,
        staffAttendees: sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.staff_id IS NOT NULL)::int`,
        leaderAttendees: sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.session_id = ${trainingSessions.id} AND a.leader_id IS NOT NULL)::int`,
      })
      .from(trainingSessions)
      .where(and(gte(trainingSessions.heldOn, from), lte(trainingSessions.heldOn, to), eq(trainingSessions.state, 'held')))
      .orderBy(desc(trainingSessions.heldOn));
  },
  /** Active staff with the date of their last training in the window (null: never trained in it). */
  coverage(db: DbOrTx, scope: OrgScope, from: string, to: string, orgId?: string) {
    const lastTrained = sql<string | null>`(SELECT max(s.held_on) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
      WHERE a.staff_id = ${staff.id} AND s.state = 'held' AND s.held_on BETWEEN ${from} AND ${to})`;
    return db
      .select({ staffId: staff.id, name: staff.name, orgId: staff.orgId, orgName: orgs.name, lastTrained })
      .from(staff)
      .innerJoin(orgs, eq(orgs.id, staff.orgId))
      .where(
        and(
          eq(staff.status, 'active'),
          scope.kind === 'all'
            ? undefined
            : inArray(staff.orgId, scope.orgIds.length ? scope.orgIds : ['00000000-0000-0000-0000-000000000000']),
          orgId ? eq(staff.orgId, orgId) : undefined,
        ),
      )
      .orderBy(asc(orgs.sortOrder), asc(staff.name));
  },
  /** Candidates for the planner: active staff, their last rotation, and their township's head count. */
  plannerCandidates(db: DbOrTx) {
    return db
      .select({
        staffId: staff.id,
        name: staff.name,
        orgId: staff.orgId,
        orgName: orgs.name,
        startDate: staff.startDate,
        lastRotation: sql<
          string | null
        >`(SELECT max(r.period_start) FROM rotations r WHERE r.staff_id = ${staff.id} AND r.state <> 'cancelled')`,
        townshipStaffCount: sql<number>`(SELECT count(*) FROM staff s2 WHERE s2.org_id = ${staff.orgId} AND s2.status = 'active')::int`,
      })
      .from(staff)
      .innerJoin(orgs, eq(orgs.id, staff.orgId))
      .where(and(eq(staff.status, 'active'), eq(orgs.kind, 'township')));
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
  listRotations(db: DbOrTx, scope: OrgScope, opts: { year?: number; orgId?: string }) {
    return db
      .select({ rotation: rotations, staffName: staff.name, orgName: orgs.name })
      .from(rotations)
      .innerJoin(staff, eq(staff.id, rotations.staffId))
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
