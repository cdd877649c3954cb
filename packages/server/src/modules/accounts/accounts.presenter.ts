import type { Me, User } from '@township-office/domain/auth';
import { actionsForHolder } from '@township-office/domain/permissions';
import type { Config } from '../../config.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import type { OrgRow } from '../orgs/orgs.service.ts';
import type { IdentityDuties } from './identity.ts';
import { userPolicy } from './accounts.policy.ts';
import type { UserRow } from './accounts.tables.ts';

export function presentMe(
  user: UserRow,
  org: OrgRow,
  csrfToken: string,
  identity: IdentityDuties,
  config: Pick<Config, 'sessionIdleMs'>,
): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    org: { id: org.id, name: org.name, kind: org.kind },
    csrfToken,
    mustChangePassword: identity.mustChangePassword,
    totpEnabled: user.totpEnabled,
    allowedActions: actionsForHolder({ role: user.role, orgKind: org.kind }),
    passwordExpiresAt: identity.passwordExpiresAt?.toISOString() ?? null,
    passwordExpiresSoon: identity.passwordExpiresSoon,
    passwordExpired: identity.passwordExpired,
    mustEnrolTotp: identity.mustEnrolTotp,
    sessionIdleMinutes: Math.round(config.sessionIdleMs / 60_000),
  };
}

/** `lockedUntil`: the account's own lock, or the latest lock of one of its sign-in addresses (details under 登录锁定). */
export function presentUser(actor: Actor, user: UserRow, org: OrgRow, addressLockedUntil: Date | null = null): User {
  const now = new Date();
  const locks = [user.lockedUntil, addressLockedUntil]
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: org.id,
    orgName: org.name,
    disabled: user.disabledAt !== null,
    lockedUntil: locks[0]?.toISOString() ?? null,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    allowedActions: allowedActions(userPolicy, actor, user),
  };
}

/** What the audit trail keeps of an account: never the hash or the second-factor secret. */
export function auditUser(user: UserRow) {
  const { passwordHash: _p, totpSecret: _t, ...rest } = user;
  return rest;
}
