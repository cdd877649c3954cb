import { and, asc, eq, gt, inArray, isNull, lt, sql, type Placeholder } from 'drizzle-orm';
import { BUSINESS_ROLES } from '@township-office/domain/roles';
import { namedStatementsOn, type Db, type DbOrTx } from '../../db/client.ts';
import { orgs, type OrgRow } from '../orgs/orgs.tables.ts';
import { delegations, loginFailures, sessions, users, type SessionRow, type UserRow } from './accounts.tables.ts';

export type UserWithOrg = { user: UserRow; org: OrgRow };

function liveSessionQuery(db: DbOrTx, id: string | Placeholder, today: string | Placeholder) {
  const delegated = sql<boolean>`EXISTS (SELECT 1 FROM ${delegations} d WHERE (d.delegate_id = ${users.id} OR d.principal_id = ${users.id})
    AND d.revoked_at IS NULL AND d.starts_on <= ${today}::date AND d.ends_on >= ${today}::date)`;
  return db
    .select({ session: sessions, user: users, org: orgs, delegated })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** The session read built once per pool and prepared on each connection (drizzle `.prepare`, a named statement). */
const liveSessionPrepared = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>();
const prepareLiveSession = (db: Db) =>
  liveSessionQuery(db, sql.placeholder('id'), sql.placeholder('today')).prepare('accounts.liveSession');
function preparedLiveSession(db: Db) {
  let q = liveSessionPrepared.get(db);
  if (!q) liveSessionPrepared.set(db, (q = prepareLiveSession(db)));
  return q;
}

export const accountsRepository = {
  async userByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    return row;
  },
  async userById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
    const q = db.select().from(users).where(eq(users.id, id));
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },
  async userWithOrg(db: DbOrTx, id: string): Promise<UserWithOrg | undefined> {
    const [row] = await db.select({ user: users, org: orgs }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.id, id));
    return row;
  },
  /** With the latest live address lock on each name, so the account lists show a user locked out of their own PC. */
  listUsers(db: DbOrTx, filter: { orgId?: string; q?: string }): Promise<(UserWithOrg & { addressLockedUntil: Date | null })[]> {
    const conds = [];
    if (filter.orgId) conds.push(eq(users.orgId, filter.orgId));
    if (filter.q) conds.push(sql`(${users.username} ILIKE ${'%' + filter.q + '%'} OR ${users.displayName} ILIKE ${'%' + filter.q + '%'})`);
    const addressLockedUntil =
      sql<Date | null>`(SELECT max(f.locked_until) FROM ${loginFailures} f WHERE f.username = ${users.username} AND f.locked_until > now())`.mapWith(
        (v: string | null) => (v === null ? null : new Date(v)),
      );
    return db
      .select({ user: users, org: orgs, addressLockedUntil })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(orgs.sortOrder), asc(users.username));
  },
  /** Active business accounts of one org: the people a clerk can name as handler, reader or host. */
  colleagues(db: DbOrTx, orgId: string): Promise<{ id: string; displayName: string; role: UserRow['role'] }[]> {
    return db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(eq(users.orgId, orgId), isNull(users.disabledAt), inArray(users.role, [...BUSINESS_ROLES])))
      .orderBy(asc(users.displayName));
  },
  async insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await db.insert(users).values(values).returning();
    return row!;
  },
  async updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
    return row!;
  },

  async insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(values);
  },
  /**
   * The session with its user and org, and whether any delegation names the user on `today` (China
   * date): most people have none, so the request skips the delegation query (`inForceFor`, which also
   * checks both accounts are active) unless this says there may be one.
   */
  /** The session, its user and org, and whether a delegation covers the user today; every request's first read. */
  async liveSession(
    db: DbOrTx,
    id: string,
    today: string,
  ): Promise<(SessionRow & { user: UserRow; org: OrgRow; delegated: boolean }) | undefined> {
    const [row] = namedStatementsOn(db) ? await preparedLiveSession(db).execute({ id, today }) : await liveSessionQuery(db, id, today);
    return row ? { ...row.session, user: row.user, org: row.org, delegated: row.delegated } : undefined;
  },
  async touchSession(db: DbOrTx, id: string, olderThan: Date): Promise<void> {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, olderThan)));
  },
  async endSession(db: DbOrTx, id: string, reason: string): Promise<void> {
    await db
      .update(sessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  },
  async endUserSessions(db: DbOrTx, userId: string, reason: string, exceptId?: string): Promise<void> {
    const conds = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
    if (exceptId) conds.push(sql`${sessions.id} <> ${exceptId}`);
    await db
      .update(sessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(...conds));
  },
  async countLiveSessions(db: DbOrTx, since: Date): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(isNull(sessions.endedAt), gt(sessions.lastSeenAt, since)));
    return row?.n ?? 0;
  },
};
