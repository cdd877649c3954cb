import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { users } from '../accounts/accounts.tables.ts';
import { followUpProgress, followUps, meetingAmendments, meetings, type FollowUpRow, type MeetingRow } from './meetings.tables.ts';

export interface MeetingFilter {
  kind?: MeetingRow['kind'];
  status?: MeetingRow['status'];
  from?: string;
  to?: string;
  orgId?: string;
  q?: string;
}

function scopeWhere(col: typeof meetings.orgId | typeof followUps.orgId, scope: OrgScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return scope.orgIds.length ? inArray(col, scope.orgIds) : sql`false`;
}

function meetingWhere(scope: OrgScope, f: MeetingFilter): SQL | undefined {
  return and(
    scopeWhere(meetings.orgId, scope),
    f.orgId ? eq(meetings.orgId, f.orgId) : undefined,
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.status ? eq(meetings.status, f.status) : undefined,
    // Days are the county's local days (Asia/Shanghai), whatever the server's zone.
    f.from ? sql`(${meetings.startsAt} AT TIME ZONE 'Asia/Shanghai')::date >= ${f.from}::date` : undefined,
    f.to ? sql`(${meetings.startsAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${f.to}::date` : undefined,
    f.q ? or(ilike(meetings.title, `%${f.q}%`), ilike(meetings.place, `%${f.q}%`)) : undefined,
  );
}

export interface FollowUpFilter {
  status?: FollowUpRow['status'];
  overdueOn?: string;
  meetingId?: string;
  orgId?: string;
}

function followUpWhere(scope: OrgScope, f: FollowUpFilter): SQL | undefined {
  return and(
    scopeWhere(followUps.orgId, scope),
    f.orgId ? eq(followUps.orgId, f.orgId) : undefined,
    f.status ? eq(followUps.status, f.status) : undefined,
    f.meetingId ? eq(followUps.meetingId, f.meetingId) : undefined,
    f.overdueOn ? and(eq(followUps.status, 'open'), lt(followUps.deadline, f.overdueOn)) : undefined,
  );
}

export const meetingsRepository = {
  async list(db: DbOrTx, scope: OrgScope, f: MeetingFilter, page: { limit: number; offset: number }) {
    const where = meetingWhere(scope, f);
    const [rows, [total]] = await Promise.all([
      db.select().from(meetings).where(where).orderBy(desc(meetings.startsAt), desc(meetings.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(meetings).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async byId(db: DbOrTx, id: string, forUpdate = false): Promise<MeetingRow | undefined> {
    const q = db.select().from(meetings).where(eq(meetings.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  async insert(db: DbOrTx, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
    const [row] = await db.insert(meetings).values(values).returning();
    return row!;
  },
  async update(db: DbOrTx, id: string, values: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
    const [row] = await db
      .update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetings.id, id))
      .returning();
    return row!;
  },
  insertAmendment(db: DbOrTx, values: typeof meetingAmendments.$inferInsert) {
    return db
      .insert(meetingAmendments)
      .values(values)
      .returning()
      .then((r) => r[0]!);
  },
  amendments(db: DbOrTx, meetingId: string) {
    return db.select().from(meetingAmendments).where(eq(meetingAmendments.meetingId, meetingId)).orderBy(asc(meetingAmendments.amendedAt));
  },
  /** Users of one org, by id: the host and recorder must be among them. */
  async orgUsers(db: DbOrTx, orgId: string, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, ids), sql`${users.disabledAt} IS NULL`));
  },
  async listFollowUps(db: DbOrTx, scope: OrgScope, f: FollowUpFilter, page: { limit: number; offset: number }) {
    const where = followUpWhere(scope, f);
    const [rows, [total]] = await Promise.all([
      db
        .select({ f: followUps, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt })
        .from(followUps)
        .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
        .where(where)
        .orderBy(asc(followUps.status), asc(followUps.deadline), asc(followUps.id))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(followUps).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async followUpById(db: DbOrTx, id: string, forUpdate = false): Promise<FollowUpRow | undefined> {
    const q = db.select().from(followUps).where(eq(followUps.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  followUpsOfMeeting(db: DbOrTx, meetingId: string) {
    return db
      .select()
      .from(followUps)
      .where(eq(followUps.meetingId, meetingId))
      .orderBy(asc(followUps.itemIndex), asc(followUps.decisionIndex));
  },
  async insertFollowUp(db: DbOrTx, values: typeof followUps.$inferInsert): Promise<FollowUpRow> {
    const [row] = await db.insert(followUps).values(values).returning();
    return row!;
  },
  async updateFollowUp(db: DbOrTx, id: string, values: Partial<typeof followUps.$inferInsert>): Promise<FollowUpRow> {
    const [row] = await db.update(followUps).set(values).where(eq(followUps.id, id)).returning();
    return row!;
  },
  insertProgress(db: DbOrTx, values: typeof followUpProgress.$inferInsert) {
    return db
      .insert(followUpProgress)
      .values(values)
      .returning()
      .then((r) => r[0]!);
  },
  progress(db: DbOrTx, followUpId: string) {
    return db.select().from(followUpProgress).where(eq(followUpProgress.followUpId, followUpId)).orderBy(asc(followUpProgress.createdAt));
  },
  /** Exchange meetings (业务交流会) held in a year, by the county's local calendar. */
  exchangeMeetingsInYear(db: DbOrTx, year: number) {
    return db
      .select({ id: meetings.id, startsAt: meetings.startsAt, attendingOrgIds: meetings.attendingOrgIds })
      .from(meetings)
      .where(
        and(
          eq(meetings.kind, 'exchange'),
          gte(meetings.startsAt, sql`make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`),
          lt(meetings.startsAt, sql`make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`),
        ),
      )
      .orderBy(asc(meetings.startsAt));
  },
  overdueFollowUpsByOrg(db: DbOrTx, today: string) {
    return db
      .select({ orgId: followUps.orgId, overdue: count() })
      .from(followUps)
      .where(and(eq(followUps.status, 'open'), lt(followUps.deadline, today)))
      .groupBy(followUps.orgId);
  },
};
