import { createHash, randomBytes } from 'node:crypto';
import type { ChangePasswordBody, LoginBody } from '@township-office/domain/auth';
import { CommonErrors } from '@township-office/domain/errors';
import { isPasswordComplex } from '@township-office/domain/password';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { openSecret, sealSecret } from '../../platform/keys.ts';
import { newTotpSecret, totpUri, totpValid } from '../../platform/totp.ts';
import type { OrgRow } from '../orgs/orgs.tables.ts';
import { accountsRepository } from './accounts.repository.ts';
import type { UserRow } from './accounts.tables.ts';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function actorOf(user: UserRow): Actor {
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, orgId: user.orgId };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
  org: OrgRow;
}

type Meta = { ip: string | null; userAgent: string | null; requestId: string };

/**
 * Sign in. Wrong passwords count per account: the fifth locks it for 15 minutes (等保 2.0 登录失败处理).
 * Unknown names cost the same argon2 time as known ones.
 */
export async function login(db: Db, config: Config, body: LoginBody, meta: Meta): Promise<LoginResult> {
  const user = await accountsRepository.userByUsername(db, body.username);
  if (!user) {
    await verifyPassword(await dummyHash(), body.password);
    throw new AppError(CommonErrors.BAD_CREDENTIALS);
  }
  const ctx = { actor: actorOf(user), ip: meta.ip };
  const lockedFor = (u: UserRow) => (u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.getTime() - Date.now() : 0);
  if (lockedFor(user) > 0) throw new AppError(CommonErrors.ACCOUNT_LOCKED, { minutes: Math.ceil(lockedFor(user) / 60_000) });

  const passwordOk = await verifyPassword(user.passwordHash, body.password);
  const secondFactorMissing = passwordOk && user.totpEnabled && !body.totp;
  const secondFactorOk = !user.totpEnabled || (body.totp !== undefined && (await totpValid(openSecret(user.totpSecret!), body.totp)));

  if (secondFactorMissing) throw new AppError(CommonErrors.TOTP_REQUIRED);
  if (!passwordOk || !secondFactorOk) {
    const locked = await db.transaction(async (tx) => {
      const current = (await accountsRepository.userById(tx, user.id, { forUpdate: true }))!;
      if (lockedFor(current) > 0) return true;
      const attempts = current.failedAttempts + 1;
      const lock = attempts >= config.lockoutThreshold;
      const updated = await accountsRepository.updateUser(tx, user.id, lock ? { failedAttempts: 0, lockedUntil: new Date(Date.now() + config.lockoutMs) } : { failedAttempts: attempts });
      await writeAudit(tx, ctx, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        before: { failedAttempts: current.failedAttempts },
        after: { failedAttempts: updated.failedAttempts, lockedUntil: updated.lockedUntil },
      });
      return lock;
    });
    if (locked) throw new AppError(CommonErrors.ACCOUNT_LOCKED, { minutes: Math.ceil(config.lockoutMs / 60_000) });
    throw new AppError(passwordOk ? CommonErrors.TOTP_INVALID : CommonErrors.BAD_CREDENTIALS);
  }
  if (user.disabledAt) throw new AppError(CommonErrors.ACCOUNT_DISABLED);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const result = await db.transaction(async (tx) => {
    const updated = await accountsRepository.updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() });
    await accountsRepository.insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
    await writeAudit(tx, ctx, { action: 'auth.login', entity: 'user', entityId: user.id, after: { ip: meta.ip } });
    return updated;
  });
  const org = (await accountsRepository.userWithOrg(db, user.id))!.org;
  return { token, csrfToken, user: result, org };
}

export interface LiveSession {
  id: string;
  csrfToken: string;
  user: UserRow;
  org: OrgRow;
}

export type SessionLookup = { status: 'ok'; session: LiveSession } | { status: 'none' } | { status: 'idle' };

/** Resolve a cookie token; a session idle for longer than the limit is ended here. */
export async function resolveSession(db: Db, config: Config, token: string): Promise<SessionLookup> {
  const id = sessionIdOf(token);
  const row = await accountsRepository.liveSession(db, id);
  if (!row || row.user.disabledAt) return { status: 'none' };
  const now = Date.now();
  if (now - row.lastSeenAt.getTime() > config.sessionIdleMs) {
    await accountsRepository.endSession(db, id, 'idle');
    return { status: 'idle' };
  }
  // Write the heartbeat at most every 30 s, not on every request.
  if (now - row.lastSeenAt.getTime() > 30_000) await accountsRepository.touchSession(db, id, new Date(now - 30_000));
  return { status: 'ok', session: { id, csrfToken: row.csrfToken, user: row.user, org: row.org } };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await accountsRepository.endSession(tx, sessionId, 'logout');
    await writeAudit(tx, ctx, { action: 'auth.logout', entity: 'user', entityId: ctx.actor.userId });
  });
}

export async function changePassword(db: Db, ctx: RequestContext, sessionId: string, body: ChangePasswordBody): Promise<void> {
  const user = (await accountsRepository.userById(db, ctx.actor.userId))!;
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) throw new AppError(CommonErrors.PASSWORD_WRONG);
  if (!isPasswordComplex(body.newPassword)) throw new AppError(CommonErrors.PASSWORD_TOO_WEAK);
  if (body.newPassword === body.currentPassword) throw new AppError(CommonErrors.PASSWORD_REUSED);
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await accountsRepository.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
    // Other devices signed in with the old password are signed out.
    await accountsRepository.endUserSessions(tx, user.id, 'password_changed', sessionId);
    await writeAudit(tx, ctx, { action: 'auth.password_changed', entity: 'user', entityId: user.id, before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } });
  });
}

/** Step one of the optional second factor: a fresh secret for the authenticator app, not yet active. */
export function totpSetup(ctx: RequestContext): { secret: string; uri: string } {
  const secret = newTotpSecret();
  return { secret, uri: totpUri(secret, ctx.actor.username) };
}

export async function totpEnable(db: Db, ctx: RequestContext, secret: string, code: string): Promise<void> {
  if (!(await totpValid(secret, code))) throw new AppError(CommonErrors.TOTP_INVALID);
  await db.transaction(async (tx) => {
    await accountsRepository.updateUser(tx, ctx.actor.userId, { totpSecret: sealSecret(secret), totpEnabled: true });
    await writeAudit(tx, ctx, { action: 'auth.totp_enabled', entity: 'user', entityId: ctx.actor.userId, before: { totpEnabled: false }, after: { totpEnabled: true } });
  });
}

export async function totpDisable(db: Db, ctx: RequestContext, code: string): Promise<void> {
  const user = (await accountsRepository.userById(db, ctx.actor.userId))!;
  if (!user.totpEnabled || !(await totpValid(openSecret(user.totpSecret!), code))) throw new AppError(CommonErrors.TOTP_INVALID);
  await db.transaction(async (tx) => {
    await accountsRepository.updateUser(tx, user.id, { totpSecret: null, totpEnabled: false });
    await writeAudit(tx, ctx, { action: 'auth.totp_disabled', entity: 'user', entityId: user.id, before: { totpEnabled: true }, after: { totpEnabled: false } });
  });
}
