/**
 * Account administration under 三员分立: the system administrator creates and disables accounts,
 * the security administrator assigns business roles and unlocks; neither can mint another
 * administrator (that is `township-office create-admin`, one role per account).
 */
import type { UserCreate } from '@township-office/domain/auth';
import { CommonErrors } from '@township-office/domain/errors';
import { isPasswordComplex } from '@township-office/domain/password';
import { roleFitsOrg, type BusinessRole, type Role } from '@township-office/domain/roles';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { authorize } from '../../platform/policy.ts';
import { requireOrg } from '../orgs/orgs.service.ts';
import { accountsRepository, type UserWithOrg } from './accounts.repository.ts';
import { auditUser } from './accounts.presenter.ts';
import { userPolicy, type UserAction } from './accounts.policy.ts';
import { lockoutRepository } from './lockout.repository.ts';
import type { UserRow } from './accounts.tables.ts';

export function listUsers(
  db: Db,
  ctx: RequestContext,
  filter: { orgId?: string; q?: string },
): Promise<(UserWithOrg & { addressLockedUntil: Date | null })[]> {
  if (!['system_admin', 'security_admin'].includes(ctx.actor.role)) assertMay(ctx.actor, 'users.manage');
  return accountsRepository.listUsers(db, filter);
}

interface NewAccount {
  username: string;
  displayName: string;
  orgId: string;
  role: Role;
  password: string;
  mustChangePassword: boolean;
  /** Only the demo seed sets it: demo administrators sign in with the password alone. */
  mfaExempt?: boolean;
  /** `hashPassword(password)` made once by the caller: the demo seed's one public password for every account (argon2 per account was ~3 s of a first start). */
  passwordHash?: string;
}

/** Shared by the API, the CLI and the demo seed: validates the rules every account obeys. */
export async function insertAccount(db: Db, ctx: RequestContext, input: NewAccount): Promise<UserRow> {
  const org = await requireOrg(db, input.orgId);
  if (!roleFitsOrg(input.role, org.kind)) throw new AppError(CommonErrors.ROLE_NOT_ALLOWED_FOR_ORG, { role: input.role });
  if (!isPasswordComplex(input.password)) throw new AppError(CommonErrors.PASSWORD_TOO_WEAK);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  try {
    return await db.transaction(async (tx) => {
      const row = await accountsRepository.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        role: input.role,
        passwordHash,
        mustChangePassword: input.mustChangePassword,
        mfaExempt: input.mfaExempt ?? false,
      });
      await writeAudit(tx, ctx, { action: 'user.create', entity: 'user', entityId: row.id, orgId: row.orgId, after: auditUser(row) });
      return row;
    });
  } catch (err) {
    mapPgError(err, { users_username_key: new AppError(CommonErrors.USERNAME_TAKEN, { username: input.username }) });
  }
}

export async function createUser(db: Db, ctx: RequestContext, input: UserCreate): Promise<UserRow> {
  assertMay(ctx.actor, 'users.manage');
  return insertAccount(db, ctx, { ...input, mustChangePassword: true });
}

async function loadTarget(db: Db, ctx: RequestContext, id: string, action: UserAction): Promise<UserRow> {
  const user = await accountsRepository.userById(db, id);
  if (!user) throw notFound();
  authorize(userPolicy, ctx.actor, action, user);
  return user;
}

async function updateAudited(db: Db, ctx: RequestContext, before: UserRow, action: string, values: Partial<UserRow>): Promise<UserRow> {
  return db.transaction(async (tx) => {
    const after = await accountsRepository.updateUser(tx, before.id, values);
    if (values.disabledAt) await accountsRepository.endUserSessions(tx, before.id, 'disabled');
    await writeAudit(tx, ctx, {
      action,
      entity: 'user',
      entityId: before.id,
      orgId: before.orgId,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
}

export async function assignRole(db: Db, ctx: RequestContext, id: string, role: BusinessRole): Promise<UserRow> {
  assertMay(ctx.actor, 'users.assignRole');
  const user = await loadTarget(db, ctx, id, 'assignRole');
  const org = await requireOrg(db, user.orgId);
  if (!roleFitsOrg(role, org.kind)) throw new AppError(CommonErrors.ROLE_NOT_ALLOWED_FOR_ORG, { role });
  return updateAudited(db, ctx, user, 'user.role_changed', { role });
}

export async function unlockUser(db: Db, ctx: RequestContext, id: string): Promise<UserRow> {
  assertMay(ctx.actor, 'users.unlock');
  const user = await loadTarget(db, ctx, id, 'unlock');
  return db.transaction(async (tx) => {
    // Every address's lock on the name goes too, or the account would stay locked for them.
    const counters = await lockoutRepository.deleteCounters(tx, user.username);
    const after = await accountsRepository.updateUser(tx, user.id, { lockedUntil: null, failedAttempts: 0 });
    await writeAudit(tx, ctx, {
      action: 'user.unlocked',
      entity: 'user',
      entityId: user.id,
      orgId: user.orgId,
      before: {
        ...auditUser(user),
        loginFailures: counters.map((c) => ({ address: c.address, failures: c.failures, lockedUntil: c.lockedUntil })),
      },
      after: auditUser(after),
    });
    return after;
  });
}

export async function setUserDisabled(db: Db, ctx: RequestContext, id: string, disabled: boolean): Promise<UserRow> {
  assertMay(ctx.actor, 'users.manage');
  const user = await loadTarget(db, ctx, id, 'setDisabled');
  return updateAudited(db, ctx, user, disabled ? 'user.disabled' : 'user.enabled', { disabledAt: disabled ? new Date() : null });
}

export async function resetPassword(db: Db, ctx: RequestContext, id: string, password: string): Promise<UserRow> {
  assertMay(ctx.actor, 'users.manage');
  const user = await loadTarget(db, ctx, id, 'resetPassword');
  if (!isPasswordComplex(password)) throw new AppError(CommonErrors.PASSWORD_TOO_WEAK);
  const passwordHash = await hashPassword(password);
  return updateAudited(db, ctx, user, 'user.password_reset', {
    passwordHash,
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: null,
    passwordChangedAt: new Date(),
  });
}

/**
 * Reset a user's authenticator (the system administrator, like a password reset): the seed is
 * dropped, so the user signs in with the password and, where the role requires a second factor,
 * enrols a new authenticator first. The way back for a seed that can no longer be read (a lost
 * data.key) or a lost phone.
 */
export async function resetSecondFactor(db: Db, ctx: RequestContext, id: string): Promise<UserRow> {
  assertMay(ctx.actor, 'users.manage');
  const user = await loadTarget(db, ctx, id, 'resetTotp');
  return updateAudited(db, ctx, user, 'user.totp_reset', { totpSecret: null, totpEnabled: false });
}
