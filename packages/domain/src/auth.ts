import { z } from 'zod';
import { delegationNoticeSchema } from './delegations.api.ts';
import { safeString } from './common.ts';
import { ORG_KINDS } from './orgs.ts';
import { BUSINESS_ROLES, ROLES } from './roles.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

export const loginBodySchema = z
  .object({
    username: safeString().trim().min(1).max(64),
    password: safeString().min(1).max(PASSWORD_MAX_LENGTH),
    totp: safeString()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z
  .object({ currentPassword: safeString().min(1).max(PASSWORD_MAX_LENGTH), newPassword: safeString().min(1).max(PASSWORD_MAX_LENGTH) })
  .strict();

export const meSchema = z.object({
  id: z.uuid(),
  username: safeString(),
  displayName: safeString(),
  role: z.enum(ROLES),
  org: z.object({ id: z.uuid(), name: safeString(), kind: z.enum(ORG_KINDS) }),
  csrfToken: safeString(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  allowedActions: z.array(safeString()),
  // Identity duties (issue 9): expiry warning, forced change after expiry, forced TOTP enrolment.
  /** When the password expires (ISO); null when passwords do not expire. */
  passwordExpiresAt: safeString().nullable(),
  /** Within the warning days before expiry: the web shows a banner. */
  passwordExpiresSoon: z.boolean(),
  /** Expired: mustChangePassword is true for this reason. */
  passwordExpired: z.boolean(),
  /** The role requires a second factor and none is enrolled: enrolment comes before anything else. */
  mustEnrolTotp: z.boolean(),
  /** The configured idle timeout, for the web's messages. */
  sessionIdleMinutes: z.number().int(),
  /** 委托 in force today: the leaders I act for (their delegable actions are in allowedActions), and who acts for me. */
  actingFor: z.array(delegationNoticeSchema),
  actedForBy: z.array(delegationNoticeSchema),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = meSchema;

export const userCreateSchema = z
  .object({
    username: safeString()
      .trim()
      .regex(/^[a-z][a-z0-9._-]{2,31}$/),
    displayName: safeString().trim().min(1).max(40),
    orgId: z.uuid(),
    role: z.enum(BUSINESS_ROLES),
    password: safeString().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userRoleChangeSchema = z.object({ role: z.enum(BUSINESS_ROLES) }).strict();
export const userStatusChangeSchema = z.object({ disabled: z.boolean() }).strict();

/** Account administration actions, in the order the users page shows them. */
export const USER_ACTIONS = ['assignRole', 'unlock', 'setDisabled', 'resetPassword', 'resetTotp'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export const userSchema = z.object({
  id: z.uuid(),
  username: safeString(),
  displayName: safeString(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: safeString(),
  disabled: z.boolean(),
  lockedUntil: safeString().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: safeString().nullable(),
  /** What the caller may do to this account now (the server's user policy decides). */
  allowedActions: z.array(z.enum(USER_ACTIONS)),
});
export type User = z.infer<typeof userSchema>;

export const totpEnableSchema = z.object({ secret: safeString().min(16).max(64), code: safeString().regex(/^\d{6}$/) }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
export const totpCodeSchema = z.object({ code: safeString().regex(/^\d{6}$/) }).strict();

// ---- Sign-in locks (issue 9, identity): the security administrator's view and the lift ----
export const loginLockAddressSchema = z.object({
  address: safeString(),
  failures: z.number().int(),
  firstFailedAt: safeString(),
  lastFailedAt: safeString(),
  /** This address may not sign in to this name until then; null while only counting. */
  lockedUntil: safeString().nullable(),
});
export const loginLockSchema = z.object({
  username: safeString(),
  /** Whether the name is an account; failures on unknown names are shown too (a guesser at work). */
  known: z.boolean(),
  userId: z.uuid().nullable(),
  displayName: safeString().nullable(),
  orgName: safeString().nullable(),
  /** Locked for every address, not just the ones that failed. */
  lockedForEveryone: z.boolean(),
  lockedUntil: safeString(),
  addresses: z.array(loginLockAddressSchema),
});
export type LoginLock = z.infer<typeof loginLockSchema>;
export const liftLockBodySchema = z
  .object({ username: safeString().trim().min(1).max(64), address: safeString().trim().min(1).max(64).optional() })
  .strict();
export type LiftLockBody = z.infer<typeof liftLockBodySchema>;

/** A colleague of the caller's org (GET /api/people): who can be picked as handler, host, reader, duty staff. */
export const personSchema = z.object({ id: z.uuid(), displayName: safeString(), role: safeString() });
export const peopleOut = z.object({ items: z.array(personSchema) });
