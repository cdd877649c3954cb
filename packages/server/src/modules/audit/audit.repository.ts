/**
 * The audit browser's page. audit_log is the biggest table: each order is an index walk (the
 * primary key county-wide, audit_log_org_id_idx per office, migration 1310), and the total is
 * counted exactly up to EXACT_COUNT_LIMIT rows only, beyond that it is the planner's estimate
 * (`totalExact: false`), as the 收文 lists count (incoming.pages.ts).
 */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditSort } from '@township-office/domain/audit.api';
import type { DbOrTx } from '../../db/client.ts';
import { plannerRows } from '../../db/sql.ts';
import { auditLog, type AuditRow } from './audit.tables.ts';

/** Exact totals up to this many rows; beyond, the planner's estimate (the 收文 lists' threshold). */
export const EXACT_COUNT_LIMIT = 1000;

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  orgId?: string;
  from?: Date;
  to?: Date;
  sort?: AuditSort;
  page: number;
  pageSize: number;
}

const ORDER: Record<AuditSort, SQL> = {
  newest: desc(auditLog.id),
  oldest: asc(auditLog.id),
};

function auditWhere(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.actor) conds.push(eq(auditLog.actorUsername, f.actor));
  if (f.action) conds.push(sql`${auditLog.action} LIKE ${f.action.replace(/[%_]/g, '') + '%'}`);
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.orgId) conds.push(eq(auditLog.orgId, f.orgId));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to));
  return conds.length ? and(...conds) : undefined;
}

/** The page query, exactly as `auditRepository.page` runs it (exported for the EXPLAIN test). */
export function auditPageQuery(db: DbOrTx, f: AuditFilter) {
  return db
    .select()
    .from(auditLog)
    .where(auditWhere(f))
    .orderBy(ORDER[f.sort ?? 'newest'])
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** At most EXACT_COUNT_LIMIT + 1 matching rows counted, in the page's order so it reads the page's index. */
export function auditCappedCountQuery(db: DbOrTx, f: AuditFilter) {
  const capped = db
    .select({ one: sql`1` })
    .from(auditLog)
    .where(auditWhere(f))
    .orderBy(ORDER[f.sort ?? 'newest'])
    .limit(EXACT_COUNT_LIMIT + 1)
    .as('capped');
  return db.select({ n: sql<number>`count(*)::int` }).from(capped);
}

export const auditRepository = {
  async page(db: DbOrTx, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number; totalExact: boolean }> {
    const [rows, [count]] = await Promise.all([auditPageQuery(db, f), auditCappedCountQuery(db, f)]);
    const n = Number(count?.n ?? 0);
    if (n <= EXACT_COUNT_LIMIT) return { rows, total: n, totalExact: true };
    const estimate = await plannerRows(db, db.select({ id: auditLog.id }).from(auditLog).where(auditWhere(f)).getSQL());
    // Never fewer than the rows the pager has already passed.
    return { rows, total: Math.max(EXACT_COUNT_LIMIT + 1, f.page * f.pageSize - f.pageSize + rows.length, estimate), totalExact: false };
  },
};
