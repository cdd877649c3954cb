/**
 * The record-level step of authorization. Routes gate by role (ROLE_ACTIONS); services call these
 * first thing, with the record's org, before reading or changing it. Lists use `orgScope` in SQL.
 */
import { readsBusinessRecords, seesAllTownships } from '@township-office/domain/roles';
import { isDelegatedAction } from '@township-office/domain/delegations';
import { holderMay, type Action } from '@township-office/domain/permissions';
import type { ActingFor, Actor } from './context.ts';
import { forbiddenRole, notFound } from './errors.ts';

export type OrgScope = { kind: 'all' } | { kind: 'orgs'; orgIds: string[] };

/** What business records the actor may read: the county office sees every org, the rest only their own. */
export function orgScope(actor: Actor): OrgScope {
  if (!readsBusinessRecords(actor.role)) return { kind: 'orgs', orgIds: [] };
  if (seesAllTownships(actor.role)) return { kind: 'all' };
  return { kind: 'orgs', orgIds: [actor.orgId] };
}

export function canReadOrg(actor: Actor, orgId: string): boolean {
  const scope = orgScope(actor);
  return scope.kind === 'all' || scope.orgIds.includes(orgId);
}

/** Throws NOT_FOUND (never FORBIDDEN) for another org's record, so its existence is not revealed. */
export function assertReadableOrg(actor: Actor, orgId: string): void {
  if (!canReadOrg(actor, orgId)) throw notFound();
}

/** Business writes happen only in the actor's own org. */
export function assertOwnOrg(actor: Actor, orgId: string): void {
  if (actor.orgId !== orgId) throw notFound();
}

export function assertMay(actor: Actor, action: Action): void {
  if (!holderMay(actor, action)) throw forbiddenRole();
}

/** 委托: the leaders the actor acts for today who hold `action` themselves (only for the delegable actions). */
export function principalsHolding(actor: Actor, action: Action): ActingFor[] {
  if (!isDelegatedAction(action)) return [];
  return (actor.actingFor ?? []).filter((p) => holderMay({ role: p.role, orgKind: actor.orgKind }, action));
}

/** The role step of a delegable action: the actor holds it, or acts today for a leader who does. */
export function mayOrActsFor(actor: Actor, action: Action): boolean {
  return holderMay(actor, action) || principalsHolding(actor, action).length > 0;
}

export function assertMayOrActsFor(actor: Actor, action: Action): void {
  if (!mayOrActsFor(actor, action)) throw forbiddenRole();
}

/**
 * What the supervision pages (team, environment, a township's standing) read: every org for whoever
 * may read supervision — the county office, its leader in charge included — and `orgScope` otherwise.
 * Reads only: every write keeps its own role and record checks.
 */
export function supervisionScope(actor: Actor): OrgScope {
  return holderMay(actor, 'supervision.read') ? { kind: 'all' } : orgScope(actor);
}

export function assertSupervisionReadable(actor: Actor, orgId: string): void {
  const scope = supervisionScope(actor);
  if (scope.kind !== 'all' && !scope.orgIds.includes(orgId)) throw notFound();
}
