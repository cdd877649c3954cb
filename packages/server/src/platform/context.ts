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
