/**
 * 委托 (delegation): a leader who is away names a colleague of the same org who signs off and
 * instructs on the leader's behalf for a period of days. Creating and revoking are audited in the
 * same transaction; whether a delegation is in force is computed when asked (delegationStatus), so
 * it ends by itself. The documents module sees it only as `actor.actingFor` (platform/context.ts).
 */
import { chinaToday } from '@township-office/domain/dates';
import { DELEGATION_MAX_DAYS, periodDays, type DelegationCreate } from '@township-office/domain/delegations';
import { DelegationErrors } from '@township-office/domain/delegations.errors';
import { isThreeOfficer } from '@township-office/domain/roles';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { accountsRepository } from './accounts.repository.ts';
import { delegationPolicy, mayDelegate, seesOrgDelegations } from './delegations.policy.ts';
import { delegationsRepository as repo, type DelegationWithNames } from './delegations.repository.ts';
import { announce } from '../notifications/notifications.service.ts';

export interface DelegationLists {
  given: DelegationWithNames[];
  received: DelegationWithNames[];
  org: DelegationWithNames[];
}

/** Mine as principal and as delegate; with view=org, every delegation of my org (principal leader and office only). */
export async function listDelegations(db: Db, ctx: RequestContext, view: 'mine' | 'org'): Promise<DelegationLists> {
  assertMay(ctx.actor, 'business.read');
  if (view === 'org' && !seesOrgDelegations(ctx.actor)) throw new AppError(DelegationErrors.ORG_VIEW_FORBIDDEN);
  const mine = await repo.ofUser(db, ctx.actor.userId);
  return {
    given: mine.filter((d) => d.principalId === ctx.actor.userId),
    received: mine.filter((d) => d.delegateId === ctx.actor.userId),
    org: view === 'org' ? await repo.ofOrg(db, ctx.actor.orgId) : [],
  };
}

/** The checks of a new delegation, in the order a leader fixes them; nothing is written when one fails. */
async function checkNew(tx: DbOrTx, ctx: RequestContext, input: DelegationCreate, today: string) {
  const actor = ctx.actor;
  if (!mayDelegate(actor)) throw new AppError(DelegationErrors.NOT_A_LEADER);
  if (input.delegateId === actor.userId) throw new AppError(DelegationErrors.DELEGATE_SELF);
  const delegate = await accountsRepository.userById(tx, input.delegateId);
  if (!delegate || delegate.orgId !== actor.orgId || delegate.disabledAt) throw new AppError(DelegationErrors.DELEGATE_NOT_IN_ORG);
  if (isThreeOfficer(delegate.role)) throw new AppError(DelegationErrors.DELEGATE_NOT_BUSINESS);
  if (input.endsOn < input.startsOn) throw new AppError(DelegationErrors.PERIOD_REVERSED);
  if (input.startsOn < today) throw new AppError(DelegationErrors.PERIOD_IN_PAST, { today });
  if (periodDays(input.startsOn, input.endsOn) > DELEGATION_MAX_DAYS)
    throw new AppError(DelegationErrors.PERIOD_TOO_LONG, { days: DELEGATION_MAX_DAYS });
  return delegate;
}

export async function createDelegation(db: Db, ctx: RequestContext, input: DelegationCreate): Promise<DelegationWithNames> {
  assertMay(ctx.actor, 'business.read');
  const today = chinaToday();
  const id = await db.transaction(async (tx) => {
    const delegate = await checkNew(tx, ctx, input, today);
    // The principal's row locked: two overlapping requests at once are checked one after the other.
    await accountsRepository.userById(tx, ctx.actor.userId, { forUpdate: true });
    const [clash] = await repo.overlapping(tx, ctx.actor.userId, input.startsOn, input.endsOn);
    if (clash) throw new AppError(DelegationErrors.OVERLAP, { delegate: clash.delegateName, from: clash.startsOn, to: clash.endsOn });
    const row = await repo.insert(tx, {
      orgId: ctx.actor.orgId,
      principalId: ctx.actor.userId,
      delegateId: delegate.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'delegation.create',
      entity: 'delegation',
      entityId: row.id,
      orgId: row.orgId,
      after: {
        principalId: row.principalId,
        delegateId: row.delegateId,
        delegateName: delegate.displayName,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        reason: row.reason,
      },
    });
    // The delegate hears of it in the bell (the banner tells them too, once it is in force).
    await announce(tx, {
      orgId: row.orgId,
      audience: { userIds: [delegate.id] },
      stage: 'delegated',
      todoKind: 'delegation.received',
      recordId: row.id,
      title: ctx.actor.displayName,
      subject: [`${row.startsOn} – ${row.endsOn}`, row.reason].filter(Boolean).join(' · '),
      href: '/delegations',
      dueAt: null,
      occurrence: '',
    });
    return row.id;
  });
  return (await repo.withNamesById(db, id))!;
}

/** Ends a delegation now (one not started yet never starts); only the leader who made it. */
export async function revokeDelegation(db: Db, ctx: RequestContext, id: string): Promise<DelegationWithNames> {
  assertMay(ctx.actor, 'business.read');
  const today = chinaToday();
  await db.transaction(async (tx) => {
    const before = await repo.byId(tx, id, { lock: true });
    if (!before) throw notFound();
    authorize(delegationPolicy, ctx.actor, 'revoke', before, { today });
    const row = await repo.revoke(tx, id, ctx.actor.userId);
    await writeAudit(tx, ctx, {
      action: 'delegation.revoke',
      entity: 'delegation',
      entityId: id,
      orgId: row.orgId,
      before: { startsOn: before.startsOn, endsOn: before.endsOn, delegateId: before.delegateId },
      after: { revokedAt: row.revokedAt },
    });
    await announce(tx, {
      orgId: row.orgId,
      audience: { userIds: [before.delegateId] },
      stage: 'undelegated',
      todoKind: 'delegation.received',
      recordId: id,
      title: ctx.actor.displayName,
      subject: `${before.startsOn} – ${before.endsOn}`,
      href: '/delegations',
      dueAt: null,
      occurrence: '',
    });
  });
  return (await repo.withNamesById(db, id))!;
}

/** Every delegate of a day and whom they act for (the reminder engine reminds them of the leaders' steps). */
export function actingForOn(db: DbOrTx, today: string) {
  return repo.actingForOn(db, today);
}

/** Who the signed-in user acts for today and who acts for them (GET /api/me, the banner, the route gate). */
export function delegationsInForce(db: DbOrTx, userId: string, now: Date = new Date()) {
  return repo.inForceFor(db, userId, chinaToday(now));
}
