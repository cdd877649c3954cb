/**
 * What an account owes before it may work, computed on every request from the row and the config
 * (nothing cached in the session): a password past its age must be changed (等保 2.0 三级 身份鉴别 a:
 * 身份鉴别信息具有复杂度要求并定期更换), and an administrator (三员) or the county admin must have a
 * second factor enrolled when the installation requires one.
 */
import type { Role } from '@township-office/domain/roles';
import type { Config } from '../../config.ts';
import type { UserRow } from './accounts.tables.ts';

/** The accounts whose misuse reaches every township: the 三员 and the county's business administrator. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin', 'county_admin'];

const DAY_MS = 86_400_000;

export interface IdentityDuties {
  /** Stored flag (first sign-in, reset) or an expired password. */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  passwordExpiresAt: Date | null;
  passwordExpiresSoon: boolean;
  /** A second factor is required for the role and none is enrolled yet. */
  mustEnrolTotp: boolean;
  /** A second factor is required for the role (it may not be turned off). */
  mfaRequired: boolean;
}

export function mfaRequired(user: Pick<UserRow, 'role' | 'mfaExempt'>, config: Config): boolean {
  return config.requireAdminMfa && MFA_REQUIRED_ROLES.includes(user.role) && !user.mfaExempt;
}

export function identityDuties(user: UserRow, config: Config, now = Date.now()): IdentityDuties {
  const expiresAt = config.passwordMaxAgeDays > 0 ? new Date(user.passwordChangedAt.getTime() + config.passwordMaxAgeDays * DAY_MS) : null;
  const expired = expiresAt !== null && expiresAt.getTime() <= now;
  const soon = expiresAt !== null && !expired && expiresAt.getTime() - now <= config.passwordWarnDays * DAY_MS;
  const required = mfaRequired(user, config);
  return {
    mustChangePassword: user.mustChangePassword || expired,
    passwordExpired: expired,
    passwordExpiresAt: expiresAt,
    passwordExpiresSoon: soon,
    mustEnrolTotp: required && !user.totpEnabled,
    mfaRequired: required,
  };
}
