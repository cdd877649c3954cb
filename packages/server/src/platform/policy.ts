/**
 * Record-level rules, written once. A module's `<module>.policy.ts` defines, per action, when an
 * actor may take it on a record; the service calls `authorize(...)` (which throws the catalogued
 * error) and the presenter calls `allowedActions(...)` (which lists the buttons the web shows).
 * Because both read the same rule, a button the web shows is never refused by the service, and an
 * action the service refuses never appears as a button. Each module's policy test proves it
 * (test/support/policy-agreement.ts).
 *
 *   export const meetingPolicy = definePolicy<MeetingRow>({
 *     record: (actor, m) => (m.recorderId === actor.userId ? allow : deny(MeetingErrors.NOT_RECORDER)),
 *   });
 *   authorize(meetingPolicy, ctx.actor, 'record', meeting);             // in the service
 *   allowedActions: allowedActions(meetingPolicy, actor, meeting),      // in the presenter
 *
 * A rule may need facts that are not on the row (who read a circulation, whether a reply exists):
 * pass them as the optional third argument `ctx`, typed per policy.
 */
import type { ErrorDef } from '@township-office/domain/errors';
import { CommonErrors } from '@township-office/domain/errors';
import type { ActingFor, Actor } from './context.ts';
import { AppError } from './errors.ts';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly def: ErrorDef; readonly error: AppError };

export const allow: Decision = Object.freeze({ allowed: true as const });

/**
 * Refusal with the catalogued error the service throws (and its message parameters). The error is
 * made when it is read: most refusals are never thrown (the actions a presenter lists as not
 * allowed), and an Error's stack trace was a tenth of a create's CPU (bench "收文 create").
 */
export function deny(def: ErrorDef, params: Record<string, string | number> = {}): Decision {
  let error: AppError | undefined;
  return {
    allowed: false,
    def,
    get error() {
      return (error ??= new AppError(def, params));
    },
  };
}

/** `allow` when `ok`, else `deny(def, params)`: for rules that are one condition. */
export function allowIf(ok: boolean, def: ErrorDef, params?: Record<string, string | number>): Decision {
  return ok ? allow : deny(def, params);
}

/** The first refusal among several conditions, or `allow`; each check runs only if those before it allowed. */
export function firstDenial(...checks: (() => Decision)[]): Decision {
  for (const check of checks) {
    const d = check();
    if (!d.allowed) return d;
  }
  return allow;
}

export type Rule<Row, Ctx> = (actor: Actor, row: Row, ctx: Ctx) => Decision;

export interface Policy<Row, A extends string, Ctx = undefined> {
  readonly actions: readonly A[];
  readonly rules: { readonly [K in A]: Rule<Row, Ctx> };
}

/** A module's rules, one per action; the actions keep the order written (the order buttons show in). */
export function definePolicy<Row, Ctx = undefined>() {
  return <A extends string>(rules: { [K in A]: Rule<Row, Ctx> }): Policy<Row, A, Ctx> => ({
    actions: Object.keys(rules) as A[],
    rules,
  });
}

/** The decision of one rule, without throwing. */
export function decide<Row, A extends string, Ctx>(policy: Policy<Row, A, Ctx>, actor: Actor, action: A, row: Row, ctx: Ctx): Decision {
  return policy.rules[action](actor, row, ctx);
}

type CtxArg<Ctx> = undefined extends Ctx ? [ctx?: Ctx] : [ctx: Ctx];

/** Throws the rule's catalogued error when the actor may not take `action` on `row`. */
export function authorize<Row, A extends string, Ctx>(
  policy: Policy<Row, A, Ctx>,
  actor: Actor,
  action: A,
  row: Row,
  ...[ctx]: CtxArg<Ctx>
): void {
  const d = policy.rules[action](actor, row, ctx as Ctx);
  if (!d.allowed) throw d.error;
}

/** Every action the actor may take on `row`, in the policy's order: what the presenter sends as `allowedActions`. */
export function allowedActions<Row, A extends string, Ctx>(
  policy: Policy<Row, A, Ctx>,
  actor: Actor,
  row: Row,
  ...[ctx]: CtxArg<Ctx>
): A[] {
  return policy.actions.filter((a) => policy.rules[a](actor, row, ctx as Ctx).allowed);
}

// ---------------------------------------------------------------------------------------------
// 委托 (delegation). A delegable action (signing off, instructing) may be taken by a delegate on
// behalf of a leader who is away: the rule is the same rule, checked as that leader (the leader's
// role and identity, in the actor's org), and it is allowed only through a delegation in force
// today (`actor.actingFor`, computed per request). Roles are not widened: a clerk holds no leader's
// action of their own; the record says who acted and on whose behalf.

/** The identity a delegate's step is checked as: the leader's, in the delegate's (the same) org. */
export function principalActor(actor: Actor, p: ActingFor): Actor {
  return {
    userId: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    orgId: actor.orgId,
    ...(actor.orgKind ? { orgKind: actor.orgKind } : {}),
  };
}

/** Who an allowed action runs as: `onBehalfOf` is null when the actor acts in their own right. */
export interface Acting {
  /** The identity the rule allowed (the actor, or the leader acted for). */
  as: Actor;
  onBehalfOf: ActingFor | null;
}

/**
 * The decision on a delegable action: the actor's own when it allows; else the first leader the
 * actor acts for whom the rule allows; else the refusal that tells the most (a delegate without
 * the role hears why the leader could not either, e.g. the document's state).
 */
export function decideActing<Row, A extends string, Ctx>(
  policy: Policy<Row, A, Ctx>,
  actor: Actor,
  action: A,
  row: Row,
  ctx: Ctx,
): { decision: Decision; acting: Acting | null } {
  const own = policy.rules[action](actor, row, ctx);
  if (own.allowed) return { decision: own, acting: { as: actor, onBehalfOf: null } };
  let refusal = own;
  for (const p of actor.actingFor ?? []) {
    const as = principalActor(actor, p);
    const d = policy.rules[action](as, row, ctx);
    if (d.allowed) return { decision: d, acting: { as, onBehalfOf: p } };
    if (!refusal.allowed && refusal.def.code === CommonErrors.FORBIDDEN_ROLE.code) refusal = d;
  }
  return { decision: refusal, acting: null };
}

/** `authorize` for a delegable action: throws the refusal, or says who the action runs as. */
export function authorizeActing<Row, A extends string, Ctx>(
  policy: Policy<Row, A, Ctx>,
  actor: Actor,
  action: A,
  row: Row,
  ...[ctx]: CtxArg<Ctx>
): Acting {
  const { decision, acting } = decideActing(policy, actor, action, row, ctx as Ctx);
  if (!decision.allowed || !acting) throw (decision as { error: AppError }).error;
  return acting;
}

/** `allowedActions` where `delegable` actions also count when allowed on behalf of a leader the actor acts for. */
export function allowedActionsActing<Row, A extends string, Ctx>(
  policy: Policy<Row, A, Ctx>,
  delegable: readonly A[],
  actor: Actor,
  row: Row,
  ...[ctx]: CtxArg<Ctx>
): A[] {
  return policy.actions.filter((a) =>
    delegable.includes(a)
      ? decideActing(policy, actor, a, row, ctx as Ctx).decision.allowed
      : policy.rules[a](actor, row, ctx as Ctx).allowed,
  );
}
