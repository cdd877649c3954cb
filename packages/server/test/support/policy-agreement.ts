/**
 * The check every module's policy test runs: for each actor and each record state, every action the
 * presenter offers (`allowedActions` in the API response) is accepted by the service, and every
 * action it hides is refused with a 4xx — so the buttons and the guard cannot drift apart.
 *
 * Each attempt runs inside a transaction that is rolled back, so one record can be tried with every
 * action by every actor. `attempt` calls the service operation with the transaction as its `db`
 * and valid input for the action; it must not commit anything outside that transaction.
 */
import type { Pool } from 'pg';
import { expect } from 'vitest';
import type { Actor } from '../../src/platform/context.ts';
import type { Db } from '../../src/db/client.ts';
import { AppError } from '../../src/platform/errors.ts';

class Rollback extends Error {}

export interface AgreementCase<Rec> {
  /** A label for failure messages: actor and state. */
  label: string;
  record: Rec;
  /** What the presenter offers this actor on this record. */
  offered: readonly string[];
}

export interface AgreementResult {
  label: string;
  action: string;
  offered: boolean;
  outcome: 'accepted' | number;
}

/** Runs `attempt(tx, record, action)` in a rolled-back transaction: 'accepted', or the AppError's status. */
export async function tryInRollback<Rec>(
  db: Db,
  record: Rec,
  action: string,
  attempt: (tx: Db, record: Rec, action: string) => Promise<unknown>,
) {
  let outcome: 'accepted' | number = 'accepted';
  try {
    await db.transaction(async (tx) => {
      try {
        await attempt(tx as unknown as Db, record, action);
      } catch (err) {
        if (err instanceof AppError) outcome = err.status;
        else throw err;
      }
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return outcome;
}

/**
 * Asserts agreement for every case and every action of the policy; returns the table for further
 * assertions (a test should also check that the cases cover offered and refused actions alike).
 */
export async function expectPolicyAgreement<Rec>(opts: {
  db: Db;
  actions: readonly string[];
  cases: AgreementCase<Rec>[];
  attempt: (tx: Db, record: Rec, action: string) => Promise<unknown>;
}): Promise<AgreementResult[]> {
  const results: AgreementResult[] = [];
  const disagreements: string[] = [];
  for (const c of opts.cases) {
    for (const action of opts.actions) {
      const offered = c.offered.includes(action);
      const outcome = await tryInRollback(opts.db, c.record, action, opts.attempt);
      results.push({ label: c.label, action, offered, outcome });
      const refused = typeof outcome === 'number' && outcome >= 400 && outcome < 500;
      if (offered && outcome !== 'accepted') disagreements.push(`${c.label}: "${action}" offered but refused (${outcome})`);
      if (!offered && !refused) disagreements.push(`${c.label}: "${action}" hidden but ${outcome}`);
    }
  }
  expect(disagreements, disagreements.join('\n')).toEqual([]);
  expect(
    results.some((r) => r.offered),
    'no case offers any action',
  ).toBe(true);
  expect(
    results.some((r) => !r.offered),
    'no case hides any action',
  ).toBe(true);
  return results;
}

/** A demo account as the services see it (the actor of a request), looked up by username. */
export async function demoActor(pool: Pool, username: string): Promise<Actor> {
  const r = await pool.query(
    `SELECT u.id, u.username, u.display_name, u.role, u.org_id, o.kind AS org_kind FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = $1`,
    [username],
  );
  const u = r.rows[0];
  if (!u) throw new Error(`no demo account ${username}`);
  return { userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id, orgKind: u.org_kind };
}

/** Several demo actors by username, for the cases of an agreement test. */
export async function demoActors<U extends string>(pool: Pool, usernames: readonly U[]): Promise<Record<U, Actor>> {
  return Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await demoActor(pool, u)] as const))) as Record<U, Actor>;
}
