/**
 * Who may do what to an account, written once (三员分立): the system administrator disables,
 * enables and resets passwords and authenticators; the security administrator assigns business roles and unlocks;
 * nobody changes their own account this way, and an administrator account never takes a business
 * role. users.service authorizes with it; the users list offers `allowedActions` from it.
 */
import { CommonErrors } from '@township-office/domain/errors';
import { roleMay, type Action } from '@township-office/domain/permissions';
import { isThreeOfficer } from '@township-office/domain/roles';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, firstDenial } from '../../platform/policy.ts';
import type { UserRow } from './accounts.tables.ts';

const may = (actor: Actor, action: Action) => () => allowIf(roleMay(actor.role, action), CommonErrors.FORBIDDEN_ROLE);
const notSelf = (actor: Actor, user: UserRow) => () => allowIf(user.id !== actor.userId, CommonErrors.CANNOT_CHANGE_SELF);

export const userPolicy = definePolicy<UserRow>()({
  assignRole: (actor, user) =>
    firstDenial(may(actor, 'users.assignRole'), notSelf(actor, user), () =>
      allowIf(!isThreeOfficer(user.role), CommonErrors.ROLE_SEPARATION),
    ),
  unlock: (actor, user) => firstDenial(may(actor, 'users.unlock'), notSelf(actor, user)),
  setDisabled: (actor, user) => firstDenial(may(actor, 'users.manage'), notSelf(actor, user)),
  resetPassword: (actor, user) => firstDenial(may(actor, 'users.manage'), notSelf(actor, user)),
  resetTotp: (actor, user) =>
    firstDenial(may(actor, 'users.manage'), notSelf(actor, user), () => allowIf(user.totpEnabled, CommonErrors.TOTP_NOT_ENABLED)),
});
export type UserAction = (typeof userPolicy.actions)[number];
