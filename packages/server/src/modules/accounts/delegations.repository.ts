/** SQL of 委托 (delegations); names come from users, the only other table it reads. */
import { and, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '@township-office/domain/roles';
import type { DbOrTx } from '../../db/client.ts';
import type { ActingFor } from '../../platform/context.ts';
import { delegations, users, type DelegationRow } from './accounts.tables.ts';

export interface DelegationWithNames extends DelegationRow {
  principalName: string;
  delegateName: string;
  revokedByName: string | null;
}

export interface DelegationNotice {
  delegationId: string;
  displayName: string;
  endsOn: string;
}

const principal = alias(users, 'principal');
const delegate = alias(users, 'delegate');
const revoker = alias(users, 'revoker');

function withNames(db: DbOrTx) {
  return db
    .select({
      d: delegations,
      principalName: principal.displayName,
      delegateName: delegate.displayName,
      revokedByName: revoker.displayName,
    })
    .from(delegations)
    .innerJoin(principal, eq(principal.id, delegations.principalId))
    .innerJoin(delegate, eq(delegate.id, delegations.delegateId))
    .leftJoin(revoker, eq(revoker.id, delegations.revokedBy));
}

const flat = (r: { d: DelegationRow; principalName: string; delegateName: string; revokedByName: string | null }): DelegationWithNames => ({
  ...r.d,
  principalName: r.principalName,
  delegateName: r.delegateName,
  revokedByName: r.revokedByName,
});

/** One side of a delegation in force, as both reads select it. */
type PersonRow = { delegation_id: string; user_id: string; username: string; display_name: string; role: Role; ends_on: string };
const actingForOf = (x: PersonRow): ActingFor => ({
  delegationId: x.delegation_id,
  userId: x.user_id,
  username: x.username,
  displayName: x.display_name,
  role: x.role,
  endsOn: x.ends_on,
});

/** Delegations in force on `today` (China date) whose principal and delegate are both still active accounts of its org. */
const inForceOn = (today: string, join: SQL = sql``) => sql`
      FROM ${delegations} d
      JOIN ${users} p ON p.id = d.principal_id AND p.org_id = d.org_id AND p.disabled_at IS NULL
      JOIN ${users} g ON g.id = d.delegate_id AND g.org_id = d.org_id AND g.disabled_at IS NULL
      ${join}
      WHERE d.revoked_at IS NULL AND d.starts_on <= ${today}::date AND d.ends_on >= ${today}::date`;

export const delegationsRepository = {
  async byId(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<DelegationRow | undefined> {
    const q = db.select().from(delegations).where(eq(delegations.id, id));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },
  async withNamesById(db: DbOrTx, id: string): Promise<DelegationWithNames | undefined> {
    const [row] = await withNames(db).where(eq(delegations.id, id));
    return row ? flat(row) : undefined;
  },
  async insert(db: DbOrTx, values: typeof delegations.$inferInsert): Promise<DelegationRow> {
    const [row] = await db.insert(delegations).values(values).returning();
    return row!;
  },
  async revoke(db: DbOrTx, id: string, by: string): Promise<DelegationRow> {
    const [row] = await db.update(delegations).set({ revokedAt: new Date(), revokedBy: by }).where(eq(delegations.id, id)).returning();
    return row!;
  },
  /** The principal's delegations not revoked whose period meets [from, to]. */
  async overlapping(db: DbOrTx, principalId: string, from: string, to: string): Promise<DelegationWithNames[]> {
    const rows = await withNames(db)
      .where(
        and(
          eq(delegations.principalId, principalId),
          isNull(delegations.revokedAt),
          lte(delegations.startsOn, to),
          gte(delegations.endsOn, from),
        ),
      )
      .orderBy(delegations.startsOn);
    return rows.map(flat);
  },
  /** The delegations a user made or was named in, the latest first (at most 200 of each). */
  async ofUser(db: DbOrTx, userId: string): Promise<DelegationWithNames[]> {
    const rows = await withNames(db)
      .where(or(eq(delegations.principalId, userId), eq(delegations.delegateId, userId)))
      .orderBy(desc(delegations.startsOn), desc(delegations.createdAt))
      .limit(400);
    return rows.map(flat);
  },
  async ofOrg(db: DbOrTx, orgId: string): Promise<DelegationWithNames[]> {
    const rows = await withNames(db)
      .where(eq(delegations.orgId, orgId))
      .orderBy(desc(delegations.startsOn), desc(delegations.createdAt))
      .limit(400);
    return rows.map(flat);
  },
  /** Every delegation in force on a day, by delegate: whom each acts for (the reminder engine's sweep). */
  async actingForOn(db: DbOrTx, today: string): Promise<Map<string, ActingFor[]>> {
    const r = await db.execute<PersonRow & { delegate_id: string }>(sql`
      SELECT d.delegate_id, d.id AS delegation_id, p.id AS user_id, p.username, p.display_name, p.role,
             to_char(d.ends_on, 'YYYY-MM-DD') AS ends_on
      ${inForceOn(today)}
      ORDER BY d.starts_on, d.created_at`);
    const out = new Map<string, ActingFor[]>();
    for (const x of r.rows) out.set(x.delegate_id, [...(out.get(x.delegate_id) ?? []), actingForOf(x)]);
    return out;
  },

  /**
   * Who the user acts for today and who acts for the user today, in one statement (it runs with the
   * session on every request). Both sides must still be active accounts of the delegation's org:
   * a leader who left or moved takes the delegation along.
   */
  async inForceFor(db: DbOrTx, userId: string, today: string): Promise<{ actingFor: ActingFor[]; actedForBy: DelegationNotice[] }> {
    const r = await db.execute<PersonRow & { side: 'for' | 'by' }>(sql`
      SELECT CASE WHEN d.delegate_id = ${userId}::uuid THEN 'for' ELSE 'by' END AS side, d.id AS delegation_id,
             o.id AS user_id, o.username, o.display_name, o.role, to_char(d.ends_on, 'YYYY-MM-DD') AS ends_on
      ${inForceOn(today, sql`JOIN ${users} o ON o.id = CASE WHEN d.delegate_id = ${userId}::uuid THEN d.principal_id ELSE d.delegate_id END`)}
        AND (d.delegate_id = ${userId}::uuid OR d.principal_id = ${userId}::uuid)
      ORDER BY d.starts_on, d.created_at`);
    const actingFor: ActingFor[] = [];
    const actedForBy: DelegationNotice[] = [];
    for (const x of r.rows) {
      if (x.side === 'for') actingFor.push(actingForOf(x));
      else actedForBy.push({ delegationId: x.delegation_id, displayName: x.display_name, endsOn: x.ends_on });
    }
    return { actingFor, actedForBy };
  },
};
