import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ChangePasswordBody, LoginBody } from '@township-office/domain/auth';
import { chinaToday } from '@township-office/domain/dates';
import { CommonErrors } from '@township-office/domain/errors';
import { isPasswordComplex } from '@township-office/domain/password';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../db/client.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { ActingFor, Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { SessionLookup as PlatformSessionLookup, SessionResolver } from '../../platform/http.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { openSecret, sealSecret, UnreadableSecretError } from '../../platform/keys.ts';
import { newTotpSecret, totpUri, totpValid } from '../../platform/totp.ts';
import type { OrgRow } from '../orgs/orgs.service.ts';
import { accountsRepository } from './accounts.repository.ts';
import { delegationsInForce } from './delegations.service.ts';
import type { DelegationNotice } from './delegations.repository.ts';
import { identityDuties, mfaRequired, type IdentityDuties } from './identity.ts';
import { forgetAddress, lockFor, pruneStale, recordFailure, type Lock } from './lockout.service.ts';
import type { UserRow } from './accounts.tables.ts';

/**
 * The user's TOTP seed, opened with the key store. A seed sealed under another data key (the key
 * store was lost and a new one generated) cannot be checked: that is a catalogued 409 telling the
 * user whom to ask (restore data.key, or have the authenticator reset), not a 500. Null then.
 */
function readTotpSecret(stored: string): string | null {
  try {
    return openSecret(stored);
  } catch (err) {
    if (err instanceof UnreadableSecretError) return null;
    throw err;
  }
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function actorOf(user: UserRow, org?: Pick<OrgRow, 'kind'>, actingFor?: readonly ActingFor[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId,
    ...(org ? { orgKind: org.kind } : {}),
    ...(actingFor && actingFor.length > 0 ? { actingFor } : {}),
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
  org: OrgRow;
  identity: IdentityDuties;
}

type Meta = { ip: string | null; userAgent: string | null; requestId: string };

/**
 * Sign in. Failures count per (name, address) and lock as lockout.service.ts says; an unknown name
 * is answered exactly like a known one: the same lock check, an argon2 verify against a dummy hash,
 * the same counting, the same 401 then 423, and an audit row (system chain, never the password).
 */
export async function login(db: Db, config: Config, body: LoginBody, meta: Meta): Promise<LoginResult> {
  const address = (meta.ip ?? 'unknown').slice(0, 64);
  const user = await accountsRepository.userByUsername(db, body.username);
  const ctx = user ? { actor: actorOf(user), ip: meta.ip } : { actor: null, ip: meta.ip };
  // Unknown names join the system chain; known ones their account's org chain.
  const audit = (tx: Tx, action: string, after: Record<string, unknown>) =>
    writeAudit(
      tx,
      ctx,
      user
        ? { action, entity: 'user', entityId: user.id, after: { address, ...after } }
        : { action, entity: 'user', entityId: null, orgId: null, after: { username: body.username, known: false, address, ...after } },
    );
  const lockedError = (lock: Lock) =>
    new AppError(CommonErrors.ACCOUNT_LOCKED, { minutes: Math.max(1, Math.ceil((lock.until.getTime() - Date.now()) / 60_000)) });

  const lock = await lockFor(db, body.username, address, user, new Date());
  if (lock) {
    await db.transaction((tx) =>
      audit(tx, user ? 'auth.login_refused_locked' : 'auth.login_unknown_user', {
        refused: 'locked',
        lockedUntil: lock.until,
        forEveryone: lock.forEveryone,
      }),
    );
    throw lockedError(lock);
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), body.password);
  const known = user !== undefined && passwordOk;
  const secondFactorMissing = known && user.totpEnabled && !body.totp;
  let secondFactorOk = !user?.totpEnabled;
  if (user?.totpEnabled && known && body.totp !== undefined) {
    const secret = readTotpSecret(user.totpSecret!);
    if (secret === null) {
      await db.transaction((tx) => audit(tx, 'auth.login_refused_secret_unreadable', { refused: 'totp_secret_unreadable' }));
      throw new AppError(CommonErrors.TOTP_SECRET_UNREADABLE);
    }
    secondFactorOk = await totpValid(secret, body.totp);
  }

  if (secondFactorMissing) throw new AppError(CommonErrors.TOTP_REQUIRED);
  if (!user || !passwordOk || !secondFactorOk) {
    const now = new Date();
    const outcome = await db.transaction(async (tx) => {
      const o = await recordFailure(tx, config, body.username, address, now);
      if (user && o.lockedEveryoneNow) await accountsRepository.updateUser(tx, user.id, { lockedUntil: o.lock!.until });
      const action = !user
        ? 'auth.login_unknown_user'
        : o.lockedEveryoneNow
          ? 'auth.locked'
          : o.lock
            ? 'auth.address_locked'
            : 'auth.login_failed';
      await audit(tx, action, { failures: o.failures, lockedUntil: o.lock?.until ?? null, forEveryone: o.lock?.forEveryone ?? false });
      return o;
    });
    await pruneStale(db, config, now);
    if (outcome.lock) throw lockedError(outcome.lock);
    throw new AppError(user && passwordOk ? CommonErrors.TOTP_INVALID : CommonErrors.BAD_CREDENTIALS);
  }
  if (user.disabledAt) throw new AppError(CommonErrors.ACCOUNT_DISABLED);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const result = await db.transaction(async (tx) => {
    const updated = await accountsRepository.updateUser(tx, user.id, { failedAttempts: 0, lastLoginAt: new Date() });
    await forgetAddress(tx, user.username, address);
    await accountsRepository.insertSession(tx, {
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    const identity = identityDuties(updated, config);
    await writeAudit(tx, ctx, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { ip: meta.ip, passwordExpired: identity.passwordExpired, mustEnrolTotp: identity.mustEnrolTotp },
    });
    return { updated, identity };
  });
  const org = (await accountsRepository.userWithOrg(db, user.id))!.org;
  return { token, csrfToken, user: result.updated, org, identity: result.identity };
}

export interface LiveSession {
  id: string;
  csrfToken: string;
  user: UserRow;
  org: OrgRow;
  /** Computed per request: an expiry or a newly required second factor applies at once. */
  identity: IdentityDuties;
  /** 委托, computed per request (a delegation starts and ends by the calendar): whom I act for, who acts for me. */
  delegations: { actingFor: ActingFor[]; actedForBy: DelegationNotice[] };
}

export type SessionLookup = PlatformSessionLookup<LiveSession>;

/** Resolve a cookie token; a session idle for longer than the limit is ended here. */
export async function resolveSession(db: Db, config: Config, token: string): Promise<SessionLookup> {
  const id = sessionIdOf(token);
  const now = Date.now();
  const row = await accountsRepository.liveSession(db, id, chinaToday(new Date(now)));
  if (!row || row.user.disabledAt) return { status: 'none' };
  if (now - row.lastSeenAt.getTime() > config.sessionIdleMs) {
    await accountsRepository.endSession(db, id, 'idle');
    return { status: 'idle' };
  }
  // Write the heartbeat at most every 30 s, not on every request.
  if (now - row.lastSeenAt.getTime() > 30_000) await accountsRepository.touchSession(db, id, new Date(now - 30_000));
  const delegations = row.delegated ? await delegationsInForce(db, row.user.id, new Date(now)) : { actingFor: [], actedForBy: [] };
  return {
    status: 'ok',
    session: { id, csrfToken: row.csrfToken, user: row.user, org: row.org, identity: identityDuties(row.user, config, now), delegations },
  };
}

/** The resolver the HTTP edge is given (app.ts): platform/ knows sessions only through it. */
export function sessionResolver(db: Db, config: Config): SessionResolver<LiveSession> {
  return {
    resolve: (token) => resolveSession(db, config, token),
    actorOf: (session) => actorOf(session.user, session.org, session.delegations.actingFor),
  };
}

/** The signed-in session of an authenticated route, in the full shape this module's resolver produced. */
export function currentSession(req: FastifyRequest): LiveSession {
  if (!req.session) throw new AppError(CommonErrors.NOT_AUTHENTICATED);
  // The edge stores what sessionResolver().resolve returned, so the narrower platform type widens back safely.
  return req.session as LiveSession;
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
    await writeAudit(tx, ctx, {
      action: 'auth.password_changed',
      entity: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
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
    await writeAudit(tx, ctx, {
      action: 'auth.totp_enabled',
      entity: 'user',
      entityId: ctx.actor.userId,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}

export async function totpDisable(db: Db, config: Config, ctx: RequestContext, code: string): Promise<void> {
  const user = (await accountsRepository.userById(db, ctx.actor.userId))!;
  if (mfaRequired(user, config)) throw new AppError(CommonErrors.TOTP_REQUIRED_FOR_ROLE);
  if (!user.totpEnabled) throw new AppError(CommonErrors.TOTP_INVALID);
  const secret = readTotpSecret(user.totpSecret!);
  if (secret === null) throw new AppError(CommonErrors.TOTP_SECRET_UNREADABLE);
  if (!(await totpValid(secret, code))) throw new AppError(CommonErrors.TOTP_INVALID);
  await db.transaction(async (tx) => {
    await accountsRepository.updateUser(tx, user.id, { totpSecret: null, totpEnabled: false });
    await writeAudit(tx, ctx, {
      action: 'auth.totp_disabled',
      entity: 'user',
      entityId: user.id,
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
}
