import type { Role } from '@township-office/domain/roles';
import type { Locale } from '@township-office/domain/common';
import type { OrgKind } from '@township-office/domain/orgs';

/** Who is acting, from where: passed to every service operation and written into the audit row. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** The kind of the actor's org, where the session knows it (the county office's leader in charge reads supervision). */
  orgKind?: OrgKind;
  /**
   * 委托: the leaders of the actor's org for whom the actor acts today (delegations in force now,
   * computed with the session on every request, so one ends by itself). Only the delegable steps
   * (domain/delegations.ts DELEGATED_ACTIONS) are ever taken on their behalf.
   */
  actingFor?: readonly ActingFor[];
}

/** A leader for whom an actor acts through a delegation in force today. */
export interface ActingFor {
  delegationId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The delegation's last day (YYYY-MM-DD, China time). */
  endsOn: string;
}

export interface RequestContext {
  actor: Actor;
  ip: string | null;
  requestId: string;
  locale: Locale;
}

/** Context for work with no signed-in user: seeding, CLI, scheduled jobs. */
export function systemContext(actor: Actor, requestId = 'system'): RequestContext {
  return { actor, ip: null, requestId, locale: 'zh-CN' };
}
