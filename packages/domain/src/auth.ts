import { z } from 'zod';
import { ORG_KINDS } from './orgs.ts';
import { BUSINESS_ROLES, ROLES } from './roles.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    totp: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .strict();

export const meSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.string().uuid(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  allowedActions: z.array(z.string()),
  // Identity duties (issue 9): expiry warning, forced change after expiry, forced TOTP enrolment.
  /** When the password expires (ISO); null when passwords do not expire. */
  passwordExpiresAt: z.string().nullable(),
  /** Within the warning days before expiry: the web shows a banner. */
  passwordExpiresSoon: z.boolean(),
  /** Expired: mustChangePassword is true for this reason. */
  passwordExpired: z.boolean(),
  /** The role requires a second factor and none is enrolled: enrolment comes before anything else. */
  mustEnrolTotp: z.boolean(),
  /** The configured idle timeout, for the web's messages. */
  sessionIdleMinutes: z.number().int(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = meSchema;

export const userCreateSchema = z
  .object({
    username: z.string().trim().regex(/^[a-z][a-z0-9._-]{2,31}$/),
    displayName: z.string().trim().min(1).max(40),
    orgId: z.string().uuid(),
    role: z.enum(BUSINESS_ROLES),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userRoleChangeSchema = z.object({ role: z.enum(BUSINESS_ROLES) }).strict();
export const userStatusChangeSchema = z.object({ disabled: z.boolean() }).strict();

export const userSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.string().uuid(),
  orgName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const totpEnableSchema = z.object({ secret: z.string().min(16).max(64), code: z.string().regex(/^\d{6}$/) }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
export const totpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();

// ---- Sign-in locks (issue 9, identity): the security administrator's view and the lift ----
export const loginLockAddressSchema = z.object({
  address: z.string(),
  failures: z.number().int(),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
  /** This address may not sign in to this name until then; null while only counting. */
  lockedUntil: z.string().nullable(),
});
export const loginLockSchema = z.object({
  username: z.string(),
  /** Whether the name is an account; failures on unknown names are shown too (a guesser at work). */
  known: z.boolean(),
  userId: z.string().uuid().nullable(),
  displayName: z.string().nullable(),
  orgName: z.string().nullable(),
  /** Locked for every address, not just the ones that failed. */
  lockedForEveryone: z.boolean(),
  lockedUntil: z.string(),
  addresses: z.array(loginLockAddressSchema),
});
export type LoginLock = z.infer<typeof loginLockSchema>;
export const liftLockBodySchema = z
  .object({ username: z.string().trim().min(1).max(64), address: z.string().trim().min(1).max(64).optional() })
  .strict();
export type LiftLockBody = z.infer<typeof liftLockBodySchema>;
