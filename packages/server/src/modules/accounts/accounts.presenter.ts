import type { Me, User } from '@township-office/domain/auth';
import { DELEGATED_ACTIONS } from '@township-office/domain/delegations';
import { actionsForHolder, holderMay, type Action } from '@township-office/domain/permissions';
import type { Config } from '../../config.ts';
import type { ActingFor, Actor } from '../../platform/context.ts';
import type { DelegationNotice } from './delegations.repository.ts';
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
  delegations: { actingFor: readonly ActingFor[]; actedForBy: readonly DelegationNotice[] },
): Me {
  const own = actionsForHolder({ role: user.role, orgKind: org.kind });
  // 委托: the leaders' delegable actions I may take today on their behalf (the menu shows 待我签发 / 待我批示).
  const delegated = DELEGATED_ACTIONS.filter(
    (a: Action) => !own.includes(a) && delegations.actingFor.some((p) => holderMay({ role: p.role, orgKind: org.kind }, a)),
  );
  const notice = (n: { delegationId: string; displayName: string; endsOn: string }) => ({
    delegationId: n.delegationId,
    displayName: n.displayName,
    endsOn: n.endsOn,
  });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    org: { id: org.id, name: org.name, kind: org.kind },
    csrfToken,
    mustChangePassword: identity.mustChangePassword,
    totpEnabled: user.totpEnabled,
    allowedActions: [...own, ...delegated],
    passwordExpiresAt: identity.passwordExpiresAt?.toISOString() ?? null,
    passwordExpiresSoon: identity.passwordExpiresSoon,
    passwordExpired: identity.passwordExpired,
    mustEnrolTotp: identity.mustEnrolTotp,
    sessionIdleMinutes: Math.round(config.sessionIdleMs / 60_000),
    actingFor: delegations.actingFor.map(notice),
    actedForBy: delegations.actedForBy.map(notice),
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
