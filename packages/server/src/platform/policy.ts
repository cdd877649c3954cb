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
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly error: AppError };

export const allow: Decision = Object.freeze({ allowed: true as const });

/** Refusal with the catalogued error the service throws (and its message parameters). */
export function deny(def: ErrorDef, params: Record<string, string | number> = {}): Decision {
  return { allowed: false, error: new AppError(def, params) };
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
