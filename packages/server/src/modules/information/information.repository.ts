import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { InfoItemSort } from '@township-office/domain/information';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import {
  infoAdoptions,
  infoBulletinItems,
  infoBulletins,
  infoItems,
  infoScoringConfigs,
  type InfoAdoptionRow,
  type InfoBulletinRow,
  type InfoItemRow,
  type InfoScoringConfigRow,
} from './information.tables.ts';

/** Months and years are counted on the county's calendar, not UTC. */
export const TZ = 'Asia/Shanghai';

const localMonth = (col: SQL | typeof infoItems.submittedAt) => sql<number>`extract(month from (${col} AT TIME ZONE ${TZ}))::int`;

export function scopeCondition(scope: OrgScope, column: typeof infoItems.orgId): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return scope.orgIds.length ? inArray(column, scope.orgIds) : sql`false`;
}

export interface ItemListFilter {
  scope: OrgScope;
  year?: number;
  month?: number;
  orgId?: string;
  status?: InfoItemRow['status'];
  kind?: InfoItemRow['kind'];
  /** Submitted on or after / on or before these days (the county's calendar). */
  from?: string;
  to?: string;
  sort?: InfoItemSort;
  page: number;
  pageSize: number;
}

/** Each order is served by info_items_submitted_idx county-wide and _org_submitted_idx per office (migration 1310), read either way. */
const ITEM_ORDER: Record<InfoItemSort, SQL[]> = {
  newest: [desc(infoItems.submittedAt), desc(infoItems.id)],
  oldest: [asc(infoItems.submittedAt), asc(infoItems.id)],
};

/** Midnight starting day `d` of month `m` of year `y` on the county's calendar (PostgreSQL carries overflowing months into the year). */
const localStart = (y: number | SQL, m: number | SQL, d: number | SQL = 1) => sql`make_timestamptz(${y}, ${m}, ${d}, 0, 0, 0, ${TZ})`;
const dayStart = (day: string, plus = 0) => sql`((${day}::date + ${plus}::int)::timestamp AT TIME ZONE ${TZ})`;

/**
 * The list's conditions. The year (and month) are ranges of submitted_at, so the order's index reads
 * just that range; a month without a year stays a computed month (every year's that month).
 */
function itemWhere(f: ItemListFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeCondition(f.scope, infoItems.orgId)];
  if (f.year && f.month)
    conds.push(
      sql`${infoItems.submittedAt} >= ${localStart(f.year, f.month)} AND ${infoItems.submittedAt} < ${localStart(f.year, f.month + 1)}`,
    );
  else if (f.year)
    conds.push(sql`${infoItems.submittedAt} >= ${localStart(f.year, 1)} AND ${infoItems.submittedAt} < ${localStart(f.year + 1, 1)}`);
  else if (f.month) conds.push(sql`${localMonth(infoItems.submittedAt)} = ${f.month}`);
  if (f.from) conds.push(sql`${infoItems.submittedAt} >= ${dayStart(f.from)}`);
  if (f.to) conds.push(sql`${infoItems.submittedAt} < ${dayStart(f.to, 1)}`);
  if (f.orgId) conds.push(eq(infoItems.orgId, f.orgId));
  if (f.status) conds.push(eq(infoItems.status, f.status));
  if (f.kind) conds.push(eq(infoItems.kind, f.kind));
  return and(...conds.filter(Boolean));
}

/** The list's page query, exactly as `pageItems` runs it (exported for the EXPLAIN test). */
export function infoItemsPageQuery(db: DbOrTx, f: ItemListFilter) {
  return db
    .select({ item: infoItems, orgName: orgs.name, submitterName: users.displayName })
    .from(infoItems)
    .innerJoin(orgs, eq(orgs.id, infoItems.orgId))
    .leftJoin(users, eq(users.id, infoItems.submittedBy))
    .where(itemWhere(f))
    .orderBy(...ITEM_ORDER[f.sort ?? 'newest'])
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** The list's count, as `pageItems` runs it. */
export function infoItemsCountQuery(db: DbOrTx, f: ItemListFilter) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(infoItems)
    .where(itemWhere(f));
}

export type ItemWithOrg = InfoItemRow & { orgName: string; submitterName: string | null };

export const informationRepository = {
  async config(db: DbOrTx, year: number): Promise<InfoScoringConfigRow | undefined> {
    const [row] = await db.select().from(infoScoringConfigs).where(eq(infoScoringConfigs.year, year));
    return row;
  },
  async upsertConfig(db: DbOrTx, values: typeof infoScoringConfigs.$inferInsert): Promise<InfoScoringConfigRow> {
    const { year: _y, orgId: _o, ...set } = values;
    const [row] = await db
      .insert(infoScoringConfigs)
      .values(values)
      .onConflictDoUpdate({ target: infoScoringConfigs.year, set: { ...set, updatedAt: new Date() } })
      .returning();
    return row!;
  },

  async insertItem(db: DbOrTx, values: typeof infoItems.$inferInsert): Promise<InfoItemRow> {
    const [row] = await db.insert(infoItems).values(values).returning();
    return row!;
  },
  async itemById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<InfoItemRow | undefined> {
    const q = db.select().from(infoItems).where(eq(infoItems.id, id));
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },
  async itemsByIds(db: DbOrTx, ids: string[]): Promise<InfoItemRow[]> {
    if (!ids.length) return [];
    return db.select().from(infoItems).where(inArray(infoItems.id, ids)).for('update');
  },
  async updateItem(db: DbOrTx, id: string, values: Partial<typeof infoItems.$inferInsert>): Promise<InfoItemRow> {
    const [row] = await db.update(infoItems).set(values).where(eq(infoItems.id, id)).returning();
    return row!;
  },
  async pageItems(db: DbOrTx, f: ItemListFilter): Promise<{ rows: ItemWithOrg[]; total: number }> {
    const [rows, [count]] = await Promise.all([infoItemsPageQuery(db, f), infoItemsCountQuery(db, f)]);
    return { rows: rows.map((r) => ({ ...r.item, orgName: r.orgName, submitterName: r.submitterName })), total: count?.n ?? 0 };
  },

  async adoptionsFor(db: DbOrTx, itemIds: string[]): Promise<InfoAdoptionRow[]> {
    if (!itemIds.length) return [];
    return db.select().from(infoAdoptions).where(inArray(infoAdoptions.itemId, itemIds)).orderBy(asc(infoAdoptions.adoptedAt));
  },
  async insertAdoptions(db: DbOrTx, values: (typeof infoAdoptions.$inferInsert)[]): Promise<InfoAdoptionRow[]> {
    return db.insert(infoAdoptions).values(values).returning();
  },

  /** Adoption points per org over a period (the adoption's own date decides the month). */
  async adoptionPointsByOrg(db: DbOrTx, year: number, month?: number): Promise<{ orgId: string; points: number; adoptions: number }[]> {
    const r = await db.execute<{ org_id: string; points: number; adoptions: number }>(sql`
      SELECT org_id, sum(points)::int AS points, count(*)::int AS adoptions FROM info_adoptions
      WHERE adopted_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, ${TZ}) AND adopted_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, ${TZ})
        ${month ? sql`AND extract(month from (adopted_at AT TIME ZONE ${TZ})) = ${month}` : sql``}
      GROUP BY org_id`);
    return r.rows.map((x) => ({ orgId: x.org_id, points: Number(x.points), adoptions: Number(x.adoptions) }));
  },

  /**
   * Items per org and month of a year (withdrawn ones do not count), long pieces among them, and
   * items adopted. The year is a range on submitted_at (an index range, not a computed year per row);
   * a piece's length without whitespace is kept with it (content_chars, migration 1295), so no item's
   * text is read here.
   */
  async activityByOrgMonth(
    db: DbOrTx,
    year: number,
    longMinChars: number,
  ): Promise<{ orgId: string; month: number; items: number; long: number; adopted: number }[]> {
    const r = await db.execute<{ org_id: string; month: number; items: number; long: number; adopted: number }>(sql`
      SELECT org_id, extract(month from (submitted_at AT TIME ZONE ${TZ}))::int AS month, count(*)::int AS items,
             count(*) FILTER (WHERE content_chars >= ${longMinChars})::int AS long,
             count(*) FILTER (WHERE status = 'adopted')::int AS adopted
      FROM info_items
      WHERE status <> 'withdrawn'
        AND submitted_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, ${TZ}) AND submitted_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, ${TZ})
      GROUP BY 1, 2`);
    return r.rows.map((x) => ({
      orgId: x.org_id,
      month: Number(x.month),
      items: Number(x.items),
      long: Number(x.long),
      adopted: Number(x.adopted),
    }));
  },

  async townships(db: DbOrTx): Promise<{ id: string; name: string; sortOrder: number }[]> {
    return db
      .select({ id: orgs.id, name: orgs.name, sortOrder: orgs.sortOrder })
      .from(orgs)
      .where(and(eq(orgs.kind, 'township'), sql`${orgs.disabledAt} IS NULL`))
      .orderBy(asc(orgs.sortOrder));
  },

  // ---- bulletins ----
  async nextBulletinNumber(db: DbOrTx, orgId: string, year: number): Promise<number> {
    const r = await db.execute<{ last_number: number }>(sql`
      INSERT INTO info_bulletin_counters (org_id, year, last_number) VALUES (${orgId}, ${year}, 1)
      ON CONFLICT (org_id, year) DO UPDATE SET last_number = info_bulletin_counters.last_number + 1
      RETURNING last_number`);
    return Number(r.rows[0]!.last_number);
  },
  async insertBulletin(
    db: DbOrTx,
    values: typeof infoBulletins.$inferInsert,
    itemIds: string[],
    itemOrgIds: Map<string, string>,
  ): Promise<InfoBulletinRow> {
    const [row] = await db.insert(infoBulletins).values(values).returning();
    await db
      .insert(infoBulletinItems)
      .values(itemIds.map((itemId, i) => ({ orgId: itemOrgIds.get(itemId)!, bulletinId: row!.id, itemId, position: i + 1 })));
    return row!;
  },
  async bulletinById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<InfoBulletinRow | undefined> {
    const q = db.select().from(infoBulletins).where(eq(infoBulletins.id, id));
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },
  async updateBulletin(db: DbOrTx, id: string, values: Partial<typeof infoBulletins.$inferInsert>): Promise<InfoBulletinRow> {
    const [row] = await db.update(infoBulletins).set(values).where(eq(infoBulletins.id, id)).returning();
    return row!;
  },
  listBulletins(db: DbOrTx, year?: number): Promise<(InfoBulletinRow & { itemCount: number })[]> {
    return db
      .select({
        id: infoBulletins.id,
        orgId: infoBulletins.orgId,
        year: infoBulletins.year,
        number: infoBulletins.number,
        title: infoBulletins.title,
        compiledBy: infoBulletins.compiledBy,
        compiledAt: infoBulletins.compiledAt,
        documentId: infoBulletins.documentId,
        dispatchedAt: infoBulletins.dispatchedAt,
        itemCount: sql<number>`(SELECT count(*)::int FROM info_bulletin_items b WHERE b.bulletin_id = ${infoBulletins.id})`,
      })
      .from(infoBulletins)
      .where(year ? eq(infoBulletins.year, year) : undefined)
      .orderBy(desc(infoBulletins.year), desc(infoBulletins.number));
  },
  async bulletinItems(db: DbOrTx, bulletinId: string): Promise<(InfoItemRow & { orgName: string; position: number })[]> {
    const rows = await db
      .select({ item: infoItems, orgName: orgs.name, position: infoBulletinItems.position })
      .from(infoBulletinItems)
      .innerJoin(infoItems, eq(infoItems.id, infoBulletinItems.itemId))
      .innerJoin(orgs, eq(orgs.id, infoItems.orgId))
      .where(eq(infoBulletinItems.bulletinId, bulletinId))
      .orderBy(asc(infoBulletinItems.position));
    return rows.map((r) => ({ ...r.item, orgName: r.orgName, position: r.position }));
  },
  async bulletinsHoldingItems(db: DbOrTx, itemIds: string[]): Promise<{ itemId: string; year: number; number: number }[]> {
    if (!itemIds.length) return [];
    return db
      .select({ itemId: infoBulletinItems.itemId, year: infoBulletins.year, number: infoBulletins.number })
      .from(infoBulletinItems)
      .innerJoin(infoBulletins, eq(infoBulletins.id, infoBulletinItems.bulletinId))
      .where(inArray(infoBulletinItems.itemId, itemIds));
  },
};
