import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ArchiveItemSort } from '@township-office/domain/archives';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import {
  archiveAnnotations,
  archiveClasses,
  archiveConfigs,
  archiveItems,
  archiveLoans,
  archiveTransferItems,
  archiveTransfers,
  type ArchiveAnnotationRow,
  type ArchiveClassRow,
  type ArchiveConfigRow,
  type ArchiveItemRow,
  type ArchiveLoanRow,
  type ArchiveTransferRow,
} from './archives.tables.ts';

const scoped = (
  scope: OrgScope,
  col: typeof archiveItems.orgId | typeof archiveLoans.orgId | typeof archiveTransfers.orgId,
): SQL | undefined => (scope.kind === 'all' ? undefined : scope.orgIds.length ? inArray(col, scope.orgIds) : sql`false`);

export interface ArchiveItemFilter {
  year?: number;
  retention?: string;
  classCode?: string;
  orgId?: string;
  sort?: ArchiveItemSort;
  page: number;
  pageSize: number;
}

/** Each order has an index county-wide and per office (migration 1310). */
const ITEM_ORDER: Record<ArchiveItemSort, SQL[]> = {
  // archive_items_catalogue_idx / archive_items_org_catalogue_idx (org_id: a tie only between offices)
  catalogue: [
    desc(archiveItems.year),
    asc(archiveItems.retention),
    asc(archiveItems.classCode),
    asc(archiveItems.itemNo),
    asc(archiveItems.orgId),
  ],
  // the UNIQUE (archival_code) index / archive_items_org_code_idx
  code: [asc(archiveItems.archivalCode)],
};

function itemWhere(scope: OrgScope, f: ArchiveItemFilter): SQL | undefined {
  const conds = [scoped(scope, archiveItems.orgId)];
  if (f.year) conds.push(eq(archiveItems.year, f.year));
  if (f.retention) conds.push(eq(archiveItems.retention, f.retention as 'Y'));
  if (f.classCode) conds.push(eq(archiveItems.classCode, f.classCode));
  if (f.orgId) conds.push(eq(archiveItems.orgId, f.orgId));
  return and(...conds.filter(Boolean));
}

/** The list's page query, exactly as `pageItems` runs it (exported for the EXPLAIN test). */
export function archiveItemsPageQuery(db: DbOrTx, scope: OrgScope, f: ArchiveItemFilter) {
  return db
    .select()
    .from(archiveItems)
    .where(itemWhere(scope, f))
    .orderBy(...ITEM_ORDER[f.sort ?? 'catalogue'])
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** The list's count, as `pageItems` runs it. */
export function archiveItemsCountQuery(db: DbOrTx, scope: OrgScope, f: ArchiveItemFilter) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(archiveItems)
    .where(itemWhere(scope, f));
}

export const archivesRepository = {
  async config(db: DbOrTx, orgId: string): Promise<ArchiveConfigRow | undefined> {
    const [row] = await db.select().from(archiveConfigs).where(eq(archiveConfigs.orgId, orgId));
    return row;
  },
  classes(db: DbOrTx, orgId: string): Promise<ArchiveClassRow[]> {
    return db
      .select()
      .from(archiveClasses)
      .where(eq(archiveClasses.orgId, orgId))
      .orderBy(asc(archiveClasses.kind), asc(archiveClasses.code));
  },
  async saveConfig(db: DbOrTx, values: typeof archiveConfigs.$inferInsert, classes: (typeof archiveClasses.$inferInsert)[]): Promise<void> {
    await db
      .insert(archiveConfigs)
      .values(values)
      .onConflictDoUpdate({
        target: archiveConfigs.orgId,
        set: { fondsCode: values.fondsCode, scheme: values.scheme, updatedBy: values.updatedBy, updatedAt: new Date() },
      });
    // Classes are only ever added or renamed: filed items refer to their codes.
    for (const c of classes)
      await db
        .insert(archiveClasses)
        .values(c)
        .onConflictDoUpdate({ target: [archiveClasses.orgId, archiveClasses.kind, archiveClasses.code], set: { name: c.name } });
  },

  /** Fixes the year's scheme on first use and returns the scheme the year holds. */
  async yearScheme(db: DbOrTx, orgId: string, year: number, kind: string): Promise<string> {
    await db.execute(
      sql`INSERT INTO archive_year_schemes (org_id, year, class_kind) VALUES (${orgId}, ${year}, ${kind}) ON CONFLICT DO NOTHING`,
    );
    const r = await db.execute<{ class_kind: string }>(
      sql`SELECT class_kind FROM archive_year_schemes WHERE org_id = ${orgId} AND year = ${year}`,
    );
    return r.rows[0]!.class_kind;
  },
  /** The next 件号 of a group; the counter row stays locked until the transaction ends. */
  async nextItemNo(db: DbOrTx, orgId: string, year: number, retention: string, classCode: string): Promise<number> {
    const r = await db.execute<{ last_no: number }>(sql`
      INSERT INTO archive_counters (org_id, year, retention, class_code, last_no) VALUES (${orgId}, ${year}, ${retention}, ${classCode}, 1)
      ON CONFLICT (org_id, year, retention, class_code) DO UPDATE SET last_no = archive_counters.last_no + 1
      RETURNING last_no`);
    return Number(r.rows[0]!.last_no);
  },
  async insertItem(db: DbOrTx, values: typeof archiveItems.$inferInsert): Promise<ArchiveItemRow> {
    const [row] = await db.insert(archiveItems).values(values).returning();
    return row!;
  },
  async itemById(db: DbOrTx, id: string): Promise<ArchiveItemRow | undefined> {
    const [row] = await db.select().from(archiveItems).where(eq(archiveItems.id, id));
    return row;
  },
  async itemBySource(db: DbOrTx, kind: string, sourceId: string): Promise<ArchiveItemRow | undefined> {
    const [row] = await db
      .select()
      .from(archiveItems)
      .where(and(eq(archiveItems.sourceKind, kind as 'outgoing'), eq(archiveItems.sourceId, sourceId)));
    return row;
  },
  async archivedSourceIds(db: DbOrTx, orgId: string): Promise<Set<string>> {
    const rows = await db
      .select({ id: archiveItems.sourceId })
      .from(archiveItems)
      .where(and(eq(archiveItems.orgId, orgId), sql`${archiveItems.sourceId} IS NOT NULL`));
    return new Set(rows.map((r) => r.id!));
  },
  async pageItems(db: DbOrTx, scope: OrgScope, f: ArchiveItemFilter) {
    const [rows, [count]] = await Promise.all([archiveItemsPageQuery(db, scope, f), archiveItemsCountQuery(db, scope, f)]);
    return { rows, total: count?.n ?? 0 };
  },
  /** One catalogue group, in 件号 order. */
  group(db: DbOrTx, orgId: string, year: number, retention: string, classCode: string): Promise<ArchiveItemRow[]> {
    return db
      .select()
      .from(archiveItems)
      .where(
        and(
          eq(archiveItems.orgId, orgId),
          eq(archiveItems.year, year),
          eq(archiveItems.retention, retention as 'Y'),
          eq(archiveItems.classCode, classCode),
        ),
      )
      .orderBy(asc(archiveItems.itemNo));
  },
  async annotations(db: DbOrTx, itemIds: string[]): Promise<ArchiveAnnotationRow[]> {
    if (!itemIds.length) return [];
    return db
      .select()
      .from(archiveAnnotations)
      .where(inArray(archiveAnnotations.itemId, itemIds))
      .orderBy(asc(archiveAnnotations.createdAt));
  },
  async insertAnnotation(db: DbOrTx, values: typeof archiveAnnotations.$inferInsert): Promise<ArchiveAnnotationRow> {
    const [row] = await db.insert(archiveAnnotations).values(values).returning();
    return row!;
  },

  async insertLoan(db: DbOrTx, values: typeof archiveLoans.$inferInsert): Promise<ArchiveLoanRow> {
    const [row] = await db.insert(archiveLoans).values(values).returning();
    return row!;
  },
  async openLoan(db: DbOrTx, itemId: string): Promise<ArchiveLoanRow | undefined> {
    const [row] = await db
      .select()
      .from(archiveLoans)
      .where(and(eq(archiveLoans.itemId, itemId), isNull(archiveLoans.returnedAt)));
    return row;
  },
  async loanById(db: DbOrTx, id: string): Promise<ArchiveLoanRow | undefined> {
    const [row] = await db.select().from(archiveLoans).where(eq(archiveLoans.id, id)).for('update');
    return row;
  },
  async returnLoan(db: DbOrTx, id: string, by: string): Promise<ArchiveLoanRow> {
    const [row] = await db.update(archiveLoans).set({ returnedAt: new Date(), returnedBy: by }).where(eq(archiveLoans.id, id)).returning();
    return row!;
  },
  async loans(db: DbOrTx, scope: OrgScope, open?: boolean) {
    const conds = [scoped(scope, archiveLoans.orgId)];
    if (open) conds.push(isNull(archiveLoans.returnedAt));
    return db
      .select({ loan: archiveLoans, archivalCode: archiveItems.archivalCode, title: archiveItems.title })
      .from(archiveLoans)
      .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
      .where(and(...conds.filter(Boolean)))
      .orderBy(desc(archiveLoans.lentAt))
      .limit(500);
  },

  expiring(db: DbOrTx, scope: OrgScope, asOfYear: number): Promise<ArchiveItemRow[]> {
    return db
      .select()
      .from(archiveItems)
      .where(
        and(
          scoped(scope, archiveItems.orgId),
          sql`${archiveItems.retention} <> 'Y'`,
          sql`${archiveItems.year} + (CASE ${archiveItems.retention} WHEN 'D30' THEN 30 ELSE 10 END) < ${asOfYear}`,
        ),
      )
      .orderBy(asc(archiveItems.year), asc(archiveItems.archivalCode))
      .limit(2000);
  },
  /** Permanent and 30-year items of a year not yet transferred (10-year items stay with the org). */
  transferable(db: DbOrTx, orgId: string, year: number): Promise<ArchiveItemRow[]> {
    return db
      .select()
      .from(archiveItems)
      .where(
        and(
          eq(archiveItems.orgId, orgId),
          eq(archiveItems.year, year),
          sql`${archiveItems.retention} IN ('Y', 'D30')`,
          sql`NOT EXISTS (SELECT 1 FROM archive_transfer_items t WHERE t.item_id = ${archiveItems.id})`,
        ),
      )
      .orderBy(asc(archiveItems.retention), asc(archiveItems.classCode), asc(archiveItems.itemNo));
  },
  async insertTransfer(db: DbOrTx, values: typeof archiveTransfers.$inferInsert, itemIds: string[]): Promise<ArchiveTransferRow> {
    const [row] = await db.insert(archiveTransfers).values(values).returning();
    await db.insert(archiveTransferItems).values(itemIds.map((itemId) => ({ orgId: values.orgId, transferId: row!.id, itemId })));
    return row!;
  },
  transfers(db: DbOrTx, scope: OrgScope): Promise<ArchiveTransferRow[]> {
    return db.select().from(archiveTransfers).where(scoped(scope, archiveTransfers.orgId)).orderBy(desc(archiveTransfers.createdAt));
  },

  /** Items filed from documents of the year by the deadline, 30 June of the next year. */
  async archivedCountByOrg(db: DbOrTx, year: number): Promise<Map<string, number>> {
    const r = await db.execute<{ org_id: string; n: number }>(sql`SELECT org_id, count(*)::int AS n FROM archive_items
      WHERE year = ${year} AND source_kind <> 'manual' AND archived_at < (make_date(${year} + 1, 7, 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      GROUP BY org_id`);
    return new Map(r.rows.map((x) => [x.org_id, Number(x.n)]));
  },
};
