import { CommonErrors } from '@township-office/domain/errors';
import { DutyErrors } from '@township-office/domain/duty.errors';
import { logEntryReportable, type DutyLogCreate, type HandoverCreate } from '@township-office/domain/duty';
import { chinaToday } from '@township-office/domain/dates';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { dutyLogPolicy, handoverPolicy, handoverSide } from './duty.policy.ts';
import { draftDocument } from '../documents/documents.service.ts';
import { dutyRepository, type LogFilter } from './duty.repository.ts';
import type { DutyLogRow, HandoverRow } from './duty.tables.ts';

/** A log entry the caller may read (another org's answers 404). */
async function loadEntry(db: DbOrTx, ctx: RequestContext, id: string): Promise<DutyLogRow> {
  const e = await dutyRepository.logById(db, id);
  if (!e) throw notFound();
  assertReadableOrg(ctx.actor, e.orgId);
  return e;
}

async function loadHandover(db: DbOrTx, ctx: RequestContext, id: string): Promise<HandoverRow> {
  const h = await dutyRepository.handoverById(db, id);
  if (!h) throw notFound();
  assertReadableOrg(ctx.actor, h.orgId);
  return h;
}

export function listLog(db: Db, ctx: RequestContext, f: LogFilter, page: { page: number; pageSize: number }) {
  return dutyRepository.log(db, orgScope(ctx.actor), f, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
}

/**
 * Reports an incident upward: a notification row for the county office, addressed to whoever is
 * on its roster that day (its leader on duty and staff), so the county's duty page shows it.
 */
async function reportUpward(tx: Tx, entry: DutyLogRow) {
  const county = await dutyRepository.countyOffice(tx);
  if (!county) throw new AppError(CommonErrors.NOT_FOUND);
  const onDuty = await dutyRepository.rosterDay(tx, county.id, entry.day);
  const notifiedNames = onDuty ? [onDuty.leaderName, ...onDuty.staffNames] : [];
  return dutyRepository.insertIncident(tx, { orgId: entry.orgId, entryId: entry.id, countyOrgId: county.id, notifiedNames });
}

export async function addLogEntry(db: Db, ctx: RequestContext, input: DutyLogCreate) {
  assertMay(ctx.actor, 'duty.keep');
  if (input.reportUpward && !logEntryReportable(input)) throw new AppError(DutyErrors.LOG_NOT_INCIDENT);
  const orgId = ctx.actor.orgId;
  const at = new Date(input.at);
  return db.transaction(async (tx) => {
    const row = await dutyRepository.insertLog(tx, {
      orgId,
      day: chinaToday(at),
      at,
      kind: input.kind,
      callerUnit: input.callerUnit ?? null,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      content: input.content,
      handling: input.handling ?? null,
      result: input.result ?? null,
      reportUpward: input.reportUpward,
      recordedBy: ctx.actor.userId,
      recordedByName: ctx.actor.displayName,
    });
    const report = input.reportUpward ? await reportUpward(tx, row) : null;
    await writeAudit(tx, ctx, {
      action: 'duty.log.add',
      entity: 'duty_log_entry',
      entityId: row.id,
      orgId,
      after: { ...row, incidentReportId: report?.id ?? null },
    });
    return row;
  });
}

export async function reportLogEntryUpward(db: Db, ctx: RequestContext, id: string) {
  assertMay(ctx.actor, 'duty.keep');
  return db.transaction(async (tx) => {
    const entry = await loadEntry(tx, ctx, id);
    authorize(dutyLogPolicy, ctx.actor, 'report', entry);
    await dutyRepository.markReported(tx, id);
    const report = await reportUpward(tx, entry);
    await writeAudit(tx, ctx, {
      action: 'duty.incident.report',
      entity: 'duty_log_entry',
      entityId: id,
      orgId: entry.orgId,
      before: { reportUpward: false },
      after: { reportUpward: true, incidentReportId: report.id, notified: report.notifiedNames },
    });
    return { ...entry, reportUpward: true };
  });
}

export function listIncidentReports(db: Db, ctx: RequestContext) {
  return dutyRepository.incidentReports(db, orgScope(ctx.actor));
}

export function listHandovers(db: Db, ctx: RequestContext, orgId?: string) {
  return dutyRepository.handovers(db, orgScope(ctx.actor), orgId);
}

export async function createHandover(db: Db, ctx: RequestContext, input: HandoverCreate) {
  assertMay(ctx.actor, 'duty.keep');
  if (input.outgoingUserId === input.incomingUserId) throw new AppError(DutyErrors.HANDOVER_SAME_PERSON);
  const orgId = ctx.actor.orgId;
  const found = await dutyRepository.orgUsers(db, orgId, [input.outgoingUserId, input.incomingUserId]);
  const out = found.find((u) => u.id === input.outgoingUserId);
  const inc = found.find((u) => u.id === input.incomingUserId);
  if (!out || !inc) throw new AppError(DutyErrors.HANDOVER_PERSON_NOT_IN_ORG);
  return db.transaction(async (tx) => {
    const row = await dutyRepository.insertHandover(tx, {
      orgId,
      day: input.day,
      outgoingUserId: out.id,
      outgoingName: out.displayName,
      incomingUserId: inc.id,
      incomingName: inc.displayName,
      outstanding: input.outstanding,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, { action: 'duty.handover.create', entity: 'duty_handover', entityId: row.id, orgId, after: row });
    return row;
  });
}

/** Each party confirms once, in person; the same person confirming again is refused. */
export async function confirmHandover(db: Db, ctx: RequestContext, id: string) {
  assertMay(ctx.actor, 'duty.keep');
  return db.transaction(async (tx) => {
    const h = await loadHandover(tx, ctx, id);
    authorize(handoverPolicy, ctx.actor, 'confirm', h);
    const side = handoverSide(ctx.actor, h)!;
    const row = await dutyRepository.updateHandover(
      tx,
      id,
      side === 'outgoing' ? { outgoingConfirmedAt: new Date() } : { incomingConfirmedAt: new Date() },
    );
    await writeAudit(tx, ctx, {
      action: 'duty.handover.confirm',
      entity: 'duty_handover',
      entityId: id,
      orgId: h.orgId,
      after: { side, complete: !!(row.outgoingConfirmedAt && row.incomingConfirmedAt) },
    });
    return row;
  });
}

/** An upward report (报告) to the county office drafted from an incident, through the documents module. */
export async function draftIncidentReport(db: Db, ctx: RequestContext, id: string) {
  assertMay(ctx.actor, 'duty.keep');
  const entry = await loadEntry(db, ctx, id);
  authorize(dutyLogPolicy, ctx.actor, 'draftReport', entry);
  const county = await dutyRepository.countyOffice(db);
  if (!county) throw new AppError(CommonErrors.NOT_FOUND);
  const body = [
    `${entry.day}，${entry.content}。`,
    entry.handling ? `处置情况：${entry.handling}。` : '',
    entry.result ? `目前：${entry.result}。` : '',
    '特此报告。',
  ]
    .filter(Boolean)
    .join('\n');
  return draftDocument(db, ctx, {
    docType: '报告',
    title: `关于${entry.day}突发事件情况的报告`,
    body,
    mainRecipientOrgIds: [county.id],
    copyRecipientOrgIds: [],
    urgency: 'urgent',
    classification: 'none',
    remark: `据值班日志 ${entry.id} 起草`,
  });
}
