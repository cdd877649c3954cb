/** Allow-listed fields of a delegation, with what the caller may do to it. */
import { chinaToday } from '@township-office/domain/dates';
import type { Delegation } from '@township-office/domain/delegations.api';
import { delegationStatus } from '@township-office/domain/delegations';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { delegationPolicy } from './delegations.policy.ts';
import type { DelegationWithNames } from './delegations.repository.ts';

export function presentDelegation(actor: Actor, d: DelegationWithNames, today = chinaToday()): Delegation {
  return {
    id: d.id,
    principal: { id: d.principalId, displayName: d.principalName },
    delegate: { id: d.delegateId, displayName: d.delegateName },
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    reason: d.reason,
    status: delegationStatus(d, today),
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    revokedByName: d.revokedByName,
    allowedActions: allowedActions(delegationPolicy, actor, d, { today }),
  };
}
