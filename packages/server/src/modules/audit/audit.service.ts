/**
 * The audit administrator's operations. Reading the trail is itself audited: every page or filter
 * of the log and every chain check leaves a row (the auditor's own conduct is reviewable too;
 * issue 9 cites 等保 2.0 审计管理 for this).
 */
import type { Db } from '../../db/client.ts';
import { verifyAudit, writeAudit, type VerifyResult } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { auditRepository, type AuditFilter } from './audit.repository.ts';

export async function browseAudit(db: Db, ctx: RequestContext, filter: AuditFilter) {
  const { rows, total, totalExact } = await auditRepository.page(db, filter);
  const shown = { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() };
  await db.transaction((tx) =>
    writeAudit(tx, ctx, { action: 'audit.browse', entity: 'audit_log', after: { filter: shown, rowsShown: rows.length, total } }),
  );
  return { rows, total, totalExact };
}

export async function verifyAuditTrail(db: Db, ctx: RequestContext): Promise<VerifyResult> {
  const result = await verifyAudit(db);
  await db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'audit.verify',
      entity: 'audit_log',
      after: {
        ok: result.ok,
        rowsChecked: result.rowsChecked,
        checkpointsChecked: result.checkpointsChecked,
        firstBroken: result.firstBroken ?? null,
      },
    }),
  );
  return result;
}
