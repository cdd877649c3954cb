import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, type AuditRow } from './audit.tables.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  orgId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export const auditRepository = {
  async page(db: DbOrTx, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const conds: SQL[] = [];
    if (f.actor) conds.push(eq(auditLog.actorUsername, f.actor));
    if (f.action) conds.push(sql`${auditLog.action} LIKE ${f.action.replace(/[%_]/g, '') + '%'}`);
    if (f.entity) conds.push(eq(auditLog.entity, f.entity));
    if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
    if (f.orgId) conds.push(eq(auditLog.orgId, f.orgId));
    if (f.from) conds.push(gte(auditLog.at, f.from));
    if (f.to) conds.push(lte(auditLog.at, f.to));
    const where = conds.length ? and(...conds) : undefined;
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },
};
