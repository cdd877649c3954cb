/**
 * The visitor register (来客接待登记簿) brought in from Excel (issue 12): every row checked first, then
 * all rows inserted through the register's own insert in one transaction and audited as one
 * operation, or none with each bad row and column named.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '@township-office/domain/dates';
import { VISIT_IMPORT_COLUMNS } from '@township-office/domain/imports';
import { totalCost, type CostCategory } from '@township-office/domain/reception';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ImportRefused, RowReader, readSheet, templateWorkbook } from '../../platform/sheet-import.ts';
import { receptionRepository } from './reception.repository.ts';
import type { visits } from './reception.tables.ts';

const NAMES = /[、，,；;\s]+/;
const COSTS = ['meals', 'accommodation', 'transport', 'other'] as const satisfies readonly CostCategory[];

export const visitTemplate = () => templateWorkbook('来客接待登记簿', VISIT_IMPORT_COLUMNS);

export async function importVisitRegister(db: Db, ctx: RequestContext, file: { fileName: string; bytes: Buffer }) {
  assertMay(ctx.actor, 'reception.keep');
  const rows = await readSheet(file.bytes, VISIT_IMPORT_COLUMNS);
  const read = new RowReader(VISIT_IMPORT_COLUMNS, chinaToday());
  const values: (typeof visits.$inferInsert)[] = [];
  for (const r of rows) {
    const before = read.issues.length;
    const visitDate = read.day(r, 'visitDate', true, { notFuture: true });
    const visitingUnit = read.text(r, 'visitingUnit', 100, true);
    const names = (read.text(r, 'visitorNames', 2000, true) ?? '').split(NAMES).filter(Boolean);
    if (names.some((n) => Array.from(n).length > 40)) read.fail(r.row, 'visitorNames', 'TOO_LONG', { max: 40 });
    const visitorCount = read.int(r, 'visitorCount', undefined, 1000);
    if (visitorCount !== undefined && visitorCount < names.length) read.fail(r.row, 'visitorCount', 'COUNT_BELOW_NAMES');
    const purpose = read.text(r, 'purpose', 500, true);
    const letterRef = read.text(r, 'letterRef', 100);
    const hostName = read.text(r, 'hostName', 40, true);
    const arrangements = read.text(r, 'arrangements', 2000);
    const costItems = COSTS.flatMap((c) => {
      const amount = read.amount(r, c);
      return amount ? [{ category: c, description: '', amount }] : [];
    });
    if (read.issues.length > before) continue;
    values.push({
      orgId: ctx.actor.orgId,
      visitDate: visitDate!,
      visitingUnit: visitingUnit!,
      visitorNames: names,
      visitorCount: visitorCount!,
      purpose: purpose!,
      letterRef: letterRef ?? null,
      hostName: hostName!,
      arrangements: arrangements ?? '',
      costItems,
      totalCost: totalCost(costItems),
      createdBy: ctx.actor.userId,
    });
  }
  if (read.issues.length > 0) throw new ImportRefused(read.issues);
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    for (const v of values) await receptionRepository.insertVisit(tx, { ...v, importBatchId: batchId });
    await writeAudit(tx, ctx, {
      action: 'visit.import',
      entity: 'import_batch',
      entityId: batchId,
      orgId: ctx.actor.orgId,
      after: { register: 'visits', fileName: file.fileName, imported: values.length },
    });
    return { imported: values.length, batchId };
  });
}
