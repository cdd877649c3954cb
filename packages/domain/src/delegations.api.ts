/** Contracts of 委托: GET /api/delegations, POST /api/delegations, POST /api/delegations/{id}/revoke. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { DELEGATION_STATUSES } from './delegations.ts';

export const DELEGATION_ACTIONS = ['revoke'] as const;

const person = z.object({ id: z.uuid(), displayName: safeString() });

export const delegationSchema = z.object({
  id: z.uuid(),
  principal: person,
  delegate: person,
  startsOn: safeString(),
  endsOn: safeString(),
  reason: safeString(),
  status: z.enum(DELEGATION_STATUSES),
  createdAt: safeString(),
  revokedAt: safeString().nullable(),
  revokedByName: safeString().nullable(),
  allowedActions: z.array(z.enum(DELEGATION_ACTIONS)),
});
export type Delegation = z.infer<typeof delegationSchema>;

export const delegationListSchema = z.object({
  /** As principal: the delegations I made. */
  given: z.array(delegationSchema),
  /** As delegate: the delegations naming me. */
  received: z.array(delegationSchema),
  /** view=org: every delegation of the org (principal leader and office staff only); otherwise empty. */
  org: z.array(delegationSchema),
  /** Whether the caller may create a delegation (a leader who signs off or instructs). */
  canDelegate: z.boolean(),
});
export type DelegationList = z.infer<typeof delegationListSchema>;

/** In GET /api/me: who the signed-in user acts for today, and who acts for them (the banner). */
export const delegationNoticeSchema = z.object({
  delegationId: z.uuid(),
  displayName: safeString(),
  endsOn: safeString(),
});
export type DelegationNotice = z.infer<typeof delegationNoticeSchema>;
