/**
 * 委托, written once: who may name a delegate, who may revoke a delegation, who sees an org's
 * delegations. delegations.service authorizes with it; the presenter offers `allowedActions` from it.
 */
import { delegationStatus } from '@township-office/domain/delegations';
import { DelegationErrors } from '@township-office/domain/delegations.errors';
import { CommonErrors } from '@township-office/domain/errors';
import { labelRef } from '@township-office/domain/labels';
import { holderMay } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, deny, firstDenial, allow } from '../../platform/policy.ts';
import type { DelegationRow } from './accounts.tables.ts';

/** A leader who signs off or instructs: the one whose steps a delegate can take. */
export const mayDelegate = (actor: Actor): boolean => holderMay(actor, 'documents.signOff') || holderMay(actor, 'documents.instruct');

/** The org's principal leader and its office see every delegation of the org (who acts for whom today). */
export const seesOrgDelegations = (actor: Actor): boolean => actor.role === 'principal_leader' || holderMay(actor, 'documents.receive');

export const delegationPolicy = definePolicy<DelegationRow, { today: string }>()({
  revoke: (actor, d, ctx) =>
    firstDenial(
      () => allowIf(actor.orgId === d.orgId, CommonErrors.NOT_FOUND),
      () => allowIf(actor.userId === d.principalId, DelegationErrors.NOT_YOURS),
      () => {
        const status = delegationStatus(d, ctx.today);
        return status === 'scheduled' || status === 'active'
          ? allow
          : deny(DelegationErrors.ALREADY_OVER, { status: labelRef('DELEGATION_STATUS', status) });
      },
    ),
});
export type DelegationAction = (typeof delegationPolicy.actions)[number];
