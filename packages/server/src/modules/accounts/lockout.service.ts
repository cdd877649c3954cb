/**
 * Sign-in failure handling (等保 2.0 三级 身份鉴别 b: 登录失败处理, 限制非法登录次数), built so that it
 * cannot be turned against the account it protects:
 * - failures count per (name as typed, client address): the fifth within the window locks that
 *   address out of that name for the lockout time; other addresses still sign in;
 * - the name is locked for everyone only while ACCOUNT_LOCK_ADDRESSES addresses hold a live lock;
 * - unknown names go through exactly the same counting and locking, so the answers (401, then 423
 *   with the same message) do not tell which accounts exist.
 */
import type { LiftLockBody, LoginLock } from '@township-office/domain/auth';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { LoginFailureRow, UserRow } from './accounts.tables.ts';
import { accountsRepository } from './accounts.repository.ts';
import { lockoutRepository } from './lockout.repository.ts';

/**
 * Address locks on one name that together lock it for every address. Three, because one hostile
 * caller (one office PC, one phone) can then never lock a leader out, while a guesser who spreads
 * over many addresses is stopped after 3 × 5 = 15 guesses per window instead of 5 per address
 * without end. A real user mistyping from their office and their phone stays below it.
 */
export const ACCOUNT_LOCK_ADDRESSES = 3;

export interface Lock {
  until: Date;
  forEveryone: boolean;
}

/** The end of the lock for everyone, if ACCOUNT_LOCK_ADDRESSES addresses are locked now. */
function everyoneUntil(live: LoginFailureRow[]): Date | null {
  if (live.length < ACCOUNT_LOCK_ADDRESSES) return null;
  const ends = live.map((r) => r.lockedUntil!.getTime()).sort((a, b) => b - a);
  return new Date(ends[ACCOUNT_LOCK_ADDRESSES - 1]!);
}

function combine(own: Date | null, everyone: Date | null): Lock | null {
  if (!own && !everyone) return null;
  const until = new Date(Math.max(own?.getTime() ?? 0, everyone?.getTime() ?? 0));
  return { until, forEveryone: everyone !== null };
}

/** The lock that stops this address signing in to this name now, if any. */
export async function lockFor(db: DbOrTx, username: string, address: string, user: UserRow | undefined, now: Date): Promise<Lock | null> {
  const live = await lockoutRepository.liveLocks(db, username, now);
  const own = live.find((r) => r.address === address)?.lockedUntil ?? null;
  // The account's own lock is the mirror of a lock for everyone (or the security administrator's record).
  const accountLock = user?.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
  const everyone =
    [everyoneUntil(live), accountLock].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return combine(own, everyone);
}

export interface FailureOutcome {
  failures: number;
  lock: Lock | null;
  /** This failure locked the name for everyone (the moment to mirror it onto the account). */
  lockedEveryoneNow: boolean;
}

/** Count one failure of (name, address), inside the caller's transaction. */
export async function recordFailure(tx: DbOrTx, config: Config, username: string, address: string, now: Date): Promise<FailureOutcome> {
  const before = await lockoutRepository.liveLocks(tx, username, now);
  const row = await lockoutRepository.counterForUpdate(tx, username, address, now);
  const restart = row.firstFailedAt.getTime() < now.getTime() - config.lockoutMs;
  const failures = restart ? 1 : row.failures + 1;
  const lockedUntil = failures >= config.lockoutThreshold ? new Date(now.getTime() + config.lockoutMs) : null;
  await lockoutRepository.updateCounter(tx, username, address, {
    failures,
    firstFailedAt: restart ? now : row.firstFailedAt,
    lastFailedAt: now,
    lockedUntil,
  });
  const live = await lockoutRepository.liveLocks(tx, username, now);
  const everyone = everyoneUntil(live);
  return { failures, lock: combine(lockedUntil, everyone), lockedEveryoneNow: everyone !== null && everyoneUntil(before) === null };
}

/** A successful sign-in from an address forgets that address's count (not the others': they may be a guesser's). */
export async function forgetAddress(tx: DbOrTx, username: string, address: string): Promise<void> {
  await lockoutRepository.deleteCounters(tx, username, address);
}

export async function pruneStale(db: DbOrTx, config: Config, now: Date): Promise<void> {
  await lockoutRepository.prune(db, new Date(now.getTime() - config.lockoutMs), now);
}

const iso = (d: Date) => d.toISOString();

/** The security administrator's list: every name locked now, with the addresses that caused it. */
export async function listLocks(db: Db, ctx: RequestContext, config: Config): Promise<LoginLock[]> {
  assertMay(ctx.actor, 'users.unlock');
  const now = new Date();
  const { counters, accounts } = await lockoutRepository.lockedNames(db, new Date(now.getTime() - config.lockoutMs), now);
  const names = [...new Set([...counters.map((c) => c.username), ...accounts.map((a) => a.username)])].sort();
  const items: LoginLock[] = [];
  for (const username of names) {
    const rows = counters.filter((c) => c.username === username);
    const account = accounts.find((a) => a.username === username);
    const live = rows.filter((r) => r.lockedUntil && r.lockedUntil > now);
    const accountLock = account?.lockedUntil && account.lockedUntil > now ? account.lockedUntil : null;
    const everyone =
      [everyoneUntil(live), accountLock].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const lastEnd = Math.max(everyone?.getTime() ?? 0, ...live.map((r) => r.lockedUntil!.getTime()));
    items.push({
      username,
      known: account !== undefined,
      userId: account?.id ?? null,
      displayName: account?.displayName ?? null,
      orgName: account?.orgName ?? null,
      lockedForEveryone: everyone !== null,
      lockedUntil: new Date(lastEnd).toISOString(),
      addresses: rows.map((r) => ({
        address: r.address,
        failures: r.failures,
        firstFailedAt: iso(r.firstFailedAt),
        lastFailedAt: iso(r.lastFailedAt),
        lockedUntil: r.lockedUntil && r.lockedUntil > now ? iso(r.lockedUntil) : null,
      })),
    });
  }
  return items;
}

const summary = (rows: LoginFailureRow[]) => rows.map((r) => ({ address: r.address, failures: r.failures, lockedUntil: r.lockedUntil }));

/**
 * Lift a lock: one address's, or (no address) every address's and the account's own. Audited in
 * the account's org chain, or the system chain for a name that is no account.
 */
export async function liftLock(db: Db, ctx: RequestContext, body: LiftLockBody): Promise<void> {
  assertMay(ctx.actor, 'users.unlock');
  const now = new Date();
  await db.transaction(async (tx) => {
    const user = await accountsRepository.userByUsername(tx, body.username);
    const removed = await lockoutRepository.deleteCounters(tx, body.username, body.address);
    const accountLocked = !!(user?.lockedUntil && user.lockedUntil > now);
    if (removed.length === 0 && !(accountLocked && body.address === undefined)) throw notFound();
    const remaining = await lockoutRepository.liveLocks(tx, body.username, now);
    // The account's own lock mirrors a lock for everyone: it goes when that is no longer true.
    if (user && (body.address === undefined || everyoneUntil(remaining) === null) && (user.lockedUntil || user.failedAttempts)) {
      await accountsRepository.updateUser(tx, user.id, { lockedUntil: null, failedAttempts: 0 });
    }
    await writeAudit(tx, ctx, {
      action: 'auth.lock_lifted',
      entity: 'user',
      entityId: user?.id ?? null,
      orgId: user?.orgId ?? null,
      before: {
        username: body.username,
        address: body.address ?? null,
        counters: summary(removed),
        accountLockedUntil: user?.lockedUntil ?? null,
      },
      after: { remainingLocks: summary(remaining) },
    });
  });
}
