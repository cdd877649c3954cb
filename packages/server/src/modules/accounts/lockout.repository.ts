import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { loginFailures, users, type LoginFailureRow } from './accounts.tables.ts';

export const lockoutRepository = {
  /** The addresses holding a live lock on this name. */
  liveLocks(db: DbOrTx, username: string, now: Date): Promise<LoginFailureRow[]> {
    return db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.username, username), gt(loginFailures.lockedUntil, now)));
  },
  /** The (name, address) counter, created at zero if new, locked for this transaction. */
  async counterForUpdate(db: DbOrTx, username: string, address: string, now: Date): Promise<LoginFailureRow> {
    await db.insert(loginFailures).values({ username, address, failures: 0, firstFailedAt: now, lastFailedAt: now }).onConflictDoNothing();
    const [row] = await db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.username, username), eq(loginFailures.address, address)))
      .for('update');
    return row!;
  },
  async updateCounter(
    db: DbOrTx,
    username: string,
    address: string,
    values: Partial<typeof loginFailures.$inferInsert>,
  ): Promise<LoginFailureRow> {
    const [row] = await db
      .update(loginFailures)
      .set(values)
      .where(and(eq(loginFailures.username, username), eq(loginFailures.address, address)))
      .returning();
    return row!;
  },
  /** Forget a name's counters: all of them, or one address's. Returns what was removed. */
  deleteCounters(db: DbOrTx, username: string, address?: string): Promise<LoginFailureRow[]> {
    const conds = [eq(loginFailures.username, username)];
    if (address !== undefined) conds.push(eq(loginFailures.address, address));
    return db
      .delete(loginFailures)
      .where(and(...conds))
      .returning();
  },
  countersOf(db: DbOrTx, username: string): Promise<LoginFailureRow[]> {
    return db.select().from(loginFailures).where(eq(loginFailures.username, username)).orderBy(asc(loginFailures.firstFailedAt));
  },
  /** Counters no longer counting and no longer locking: the table stays the size of current trouble. */
  async prune(db: DbOrTx, windowStart: Date, now: Date): Promise<void> {
    await db
      .delete(loginFailures)
      .where(
        and(lt(loginFailures.lastFailedAt, windowStart), or(sql`${loginFailures.lockedUntil} IS NULL`, lt(loginFailures.lockedUntil, now))),
      );
  },
  /**
   * Every counter of every name that is locked now (by an address lock or the account's own
   * lock), still within the window, with the account and its org when the name is an account.
   */
  async lockedNames(db: DbOrTx, windowStart: Date, now: Date) {
    const lockedByAddress = db
      .selectDistinct({ username: loginFailures.username })
      .from(loginFailures)
      .where(gt(loginFailures.lockedUntil, now));
    const lockedAccounts = db
      .select({ username: users.username })
      .from(users)
      .where(and(isNotNull(users.lockedUntil), gt(users.lockedUntil, now)));
    const names = [...new Set([...(await lockedByAddress).map((r) => r.username), ...(await lockedAccounts).map((r) => r.username)])];
    if (names.length === 0) return { counters: [] as LoginFailureRow[], accounts: [] };
    const counters = await db
      .select()
      .from(loginFailures)
      .where(
        and(inArray(loginFailures.username, names), or(gt(loginFailures.lockedUntil, now), gt(loginFailures.firstFailedAt, windowStart))),
      )
      .orderBy(asc(loginFailures.username), asc(loginFailures.firstFailedAt));
    const accounts = await db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        orgId: users.orgId,
        orgName: orgs.name,
        lockedUntil: users.lockedUntil,
      })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(inArray(users.username, names));
    return { counters, accounts };
  },
};
