import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { users } from '../accounts/accounts.tables.ts';
import { petitionEvents, petitions, visits, type PetitionRow, type VisitRow } from './reception.tables.ts';

function scoped(col: typeof visits.orgId | typeof petitions.orgId, scope: OrgScope, orgId?: string): SQL | undefined {
  return and(
    scope.kind === 'all' ? undefined : scope.orgIds.length ? inArray(col, scope.orgIds) : sql`false`,
    orgId ? eq(col, orgId) : undefined,
  );
}
type Page = { limit: number; offset: number };

export interface VisitFilter {
  from?: string;
  to?: string;
  q?: string;
  orgId?: string;
  includeVoid?: boolean;
}

/** Who is searching: the search matches only the personal fields this caller may see (reception.policy.ts). */
export interface PetitionViewer {
  userId: string;
  orgId: string;
  /** Sees every township's petitioner names (the county's petition staff). */
  seesAllNames: boolean;
  /** May match a full ID number, in the cases they handle. */
  mayHandle: boolean;
}

const FULL_ID_NUMBER = /^\d{17}[\dXx]$/;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * The petitions' keyword search. Subject and case number (2026-0001) for everyone; petitioner
 * names only in the cases whose names the caller sees; an ID number only whole, exactly, and only
 * in the caller's own cases as handler. ID and phone prefixes never match: otherwise anyone who
 * lists petitions could recover a full ID number digit by digit from the hit counts.
 */
function petitionSearch(q: string, v: PetitionViewer): SQL {
  const like = `%${likeEscape(q)}%`;
  const serial = sql`(${petitions.year}::text || '-' || lpad(${petitions.seq}::text, 4, '0')) ILIKE ${like}`;
  const seesNames = v.seesAllNames ? sql`true` : sql`${petitions.orgId} = ${v.orgId}`;
  const name = sql`(${seesNames} AND EXISTS (SELECT 1 FROM jsonb_array_elements(${petitions.petitioners}) AS e WHERE e->>'name' ILIKE ${like}))`;
  const id =
    v.mayHandle && FULL_ID_NUMBER.test(q)
      ? sql`(${petitions.handlerUserIds} @> ARRAY[${v.userId}]::uuid[] AND EXISTS (SELECT 1 FROM jsonb_array_elements(${petitions.petitioners}) AS e WHERE upper(e->>'idNumber') = ${q.toUpperCase()}))`
      : undefined;
  return or(ilike(petitions.subject, like), serial, name, id)!;
}

export interface PetitionFilter {
  status?: PetitionRow['status'];
  channel?: PetitionRow['channel'];
  category?: PetitionRow['category'];
  from?: string;
  to?: string;
  orgId?: string;
  q?: string;
  overdueOn?: string;
  source?: PetitionRow['source'];
  noticeLate?: boolean;
}

export const receptionRepository = {
  async visits(db: DbOrTx, scope: OrgScope, f: VisitFilter, page: Page) {
    const where = and(
      scoped(visits.orgId, scope, f.orgId),
      f.includeVoid ? undefined : isNull(visits.voidedAt),
      f.from ? gte(visits.visitDate, f.from) : undefined,
      f.to ? lte(visits.visitDate, f.to) : undefined,
      f.q ? or(ilike(visits.visitingUnit, `%${f.q}%`), ilike(visits.purpose, `%${f.q}%`)) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db.select().from(visits).where(where).orderBy(desc(visits.visitDate), desc(visits.createdAt)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(visits).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async visitById(db: DbOrTx, id: string, forUpdate = false): Promise<VisitRow | undefined> {
    const q = db.select().from(visits).where(eq(visits.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  insertVisit: (db: DbOrTx, v: typeof visits.$inferInsert) =>
    db
      .insert(visits)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  updateVisit: (db: DbOrTx, id: string, v: Partial<typeof visits.$inferInsert>) =>
    db
      .update(visits)
      .set({ ...v, updatedAt: new Date() })
      .where(eq(visits.id, id))
      .returning()
      .then((r) => r[0]!),

  async petitions(db: DbOrTx, scope: OrgScope, viewer: PetitionViewer, f: PetitionFilter, page: Page) {
    const where = and(
      scoped(petitions.orgId, scope, f.orgId),
      f.status ? eq(petitions.status, f.status) : undefined,
      f.channel ? eq(petitions.channel, f.channel) : undefined,
      f.category ? eq(petitions.category, f.category) : undefined,
      f.from ? gte(petitions.receivedOn, f.from) : undefined,
      f.to ? lte(petitions.receivedOn, f.to) : undefined,
      f.q ? petitionSearch(f.q, viewer) : undefined,
      f.overdueOn ? lt(petitions.dueOn, f.overdueOn) : undefined,
      f.source ? eq(petitions.source, f.source) : undefined,
      f.noticeLate !== undefined ? eq(petitions.noticeLate, f.noticeLate) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(petitions)
        .where(where)
        .orderBy(desc(petitions.receivedOn), desc(petitions.seq))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(petitions).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async petitionById(db: DbOrTx, id: string, forUpdate = false): Promise<PetitionRow | undefined> {
    const q = db.select().from(petitions).where(eq(petitions.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  /** The next number in the org's register for the year; the org's rows are locked so two clerks never share one. */
  async nextSeq(db: DbOrTx, orgId: string, year: number): Promise<number> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`petitions:${orgId}:${year}`}))`);
    const r = await db.execute<{ n: number }>(
      sql`SELECT coalesce(max(seq), 0) + 1 AS n FROM petitions WHERE org_id = ${orgId} AND year = ${year}`,
    );
    return Number(r.rows[0]!.n);
  },
  insertPetition: (db: DbOrTx, v: typeof petitions.$inferInsert) =>
    db
      .insert(petitions)
      .values(v)
      .returning()
      .then((r) => r[0]!),
  updatePetition: (db: DbOrTx, id: string, v: Partial<typeof petitions.$inferInsert>) =>
    db
      .update(petitions)
      .set({ ...v, updatedAt: new Date() })
      .where(eq(petitions.id, id))
      .returning()
      .then((r) => r[0]!),
  insertEvent: (db: DbOrTx, v: typeof petitionEvents.$inferInsert) => db.insert(petitionEvents).values(v),
  events: (db: DbOrTx, petitionId: string) =>
    db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId)).orderBy(asc(petitionEvents.createdAt)),
  orgUsers: (db: DbOrTx, orgId: string, ids: string[]) =>
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, ids), isNull(users.disabledAt))),
  overdueByOrg(db: DbOrTx, today: string) {
    return db
      .select({ orgId: petitions.orgId, overdue: count() })
      .from(petitions)
      .where(lt(petitions.dueOn, today))
      .groupBy(petitions.orgId);
  },
  stats(db: DbOrTx, scope: OrgScope, year: number, orgId?: string) {
    const where = and(scoped(petitions.orgId, scope, orgId), eq(petitions.year, year));
    return db
      .select({
        category: petitions.category,
        channel: petitions.channel,
        month: sql<number>`extract(month from ${petitions.receivedOn})::int`,
        n: count(),
      })
      .from(petitions)
      .where(where)
      .groupBy(petitions.category, petitions.channel, sql`3`);
  },
  /** The year's figures the statistics page shows beside the counts: statuses, late notices, overdue, reviews. */
  async statFigures(db: DbOrTx, scope: OrgScope, year: number, today: string, orgId?: string) {
    const where = and(scoped(petitions.orgId, scope, orgId), eq(petitions.year, year));
    const [r] = await db
      .select({
        total: count(),
        accepted: sql<number>`count(*) FILTER (WHERE ${petitions.decidedOn} IS NOT NULL AND ${petitions.status} NOT IN ('not_accepted', 'returned'))::int`,
        notAccepted: sql<number>`count(*) FILTER (WHERE ${petitions.status} = 'not_accepted')::int`,
        closed: sql<number>`count(*) FILTER (WHERE ${petitions.closedOn} IS NOT NULL)::int`,
        noticeLate: sql<number>`count(*) FILTER (WHERE ${petitions.noticeLate})::int`,
        overdue: sql<number>`count(*) FILTER (WHERE ${petitions.dueOn} < ${today})::int`,
        transferred: sql<number>`count(*) FILTER (WHERE ${petitions.source} <> 'direct')::int`,
        objected: sql<number>`count(*) FILTER (WHERE ${petitions.objectedOn} IS NOT NULL)::int`,
        reviews: sql<number>`count(*) FILTER (WHERE ${petitions.reviewRequestedOn} IS NOT NULL)::int`,
        rereviews: sql<number>`count(*) FILTER (WHERE ${petitions.rereviewRequestedOn} IS NOT NULL)::int`,
      })
      .from(petitions)
      .where(where);
    const n = (v: unknown) => Number(v ?? 0);
    return {
      total: n(r?.total),
      accepted: n(r?.accepted),
      notAccepted: n(r?.notAccepted),
      closed: n(r?.closed),
      noticeLate: n(r?.noticeLate),
      overdue: n(r?.overdue),
      transferred: n(r?.transferred),
      objected: n(r?.objected),
      reviews: n(r?.reviews),
      rereviews: n(r?.rereviews),
    };
  },
};
