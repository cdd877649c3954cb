/** 签收 / 退回 / 撤回 / 催收: the life of one delivery, and the inbox and receipt table around it. */
import { DELIVERY_OVERDUE_HOURS, formatIncomingSerial, type DeliveryStatus } from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import type { Db } from '../../db/client.ts';
import { assertMay, assertOwnOrg, canReadOrg } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { notify } from './documents.events.ts';
import { documentsRepository as repo } from './documents.repository.ts';
import { chinaToday } from '@township-office/domain/dates';
import { readableDocument } from './documents.service.ts';
import { authorize } from '../../platform/policy.ts';
import { documentPolicy } from './documents.policy.ts';
import type { DeliveryRow, IncomingRow } from './documents.tables.ts';
import { incomingRepository } from './incoming.repository.ts';

const STATUS_ZH: Record<DeliveryStatus, string> = { pending: '待签收', acknowledged: '已签收', returned: '已退回', withdrawn: '已撤回' };
const wrong = (d: DeliveryRow, action: string) =>
  new AppError(DocumentErrors.DELIVERY_WRONG_STATE, { status: STATUS_ZH[d.status], action });

export async function inbox(db: Db, ctx: RequestContext, q: { status?: DeliveryStatus; page: number; pageSize: number }) {
  assertMay(ctx.actor, 'business.read');
  return repo.inbox(db, ctx.actor.orgId, q.status, q.pageSize, (q.page - 1) * q.pageSize);
}

/** The sender's receipt table: every recipient, with pending over 24 hours flagged. */
export async function receiptTable(db: Db, ctx: RequestContext, documentId: string, now = new Date()) {
  const doc = await readableDocument(db, ctx.actor, documentId);
  authorize(documentPolicy, ctx.actor, 'viewDeliveries', doc);
  const rows = await repo.receiptTable(db, documentId);
  const limit = DELIVERY_OVERDUE_HOURS * 3600_000;
  const items = rows.map((r) => ({ ...r, overdue: r.status === 'pending' && now.getTime() - new Date(r.created_at).getTime() > limit }));
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    doc,
    items,
    summary: {
      total: rows.length,
      acknowledged: count('acknowledged'),
      pending: count('pending'),
      returned: count('returned'),
      withdrawn: count('withdrawn'),
      overdue: items.filter((i) => i.overdue).length,
    },
  };
}

/** A delivery addressed to the actor's org (the recipient side); another org's answers 404. */
async function recipientLocked(tx: Parameters<Parameters<Db['transaction']>[0]>[0], ctx: RequestContext, id: string): Promise<DeliveryRow> {
  const d = await repo.deliveryById(tx, id, { lock: true });
  if (!d) throw notFound();
  assertOwnOrg(ctx.actor, d.orgId);
  return d;
}

async function senderLocked(tx: Parameters<Parameters<Db['transaction']>[0]>[0], ctx: RequestContext, id: string): Promise<DeliveryRow> {
  const d = await repo.deliveryById(tx, id, { lock: true });
  if (!d || (!canReadOrg(ctx.actor, d.senderOrgId) && d.orgId !== ctx.actor.orgId)) throw notFound();
  assertOwnOrg(ctx.actor, d.senderOrgId);
  return d;
}

/** 签收: records who and when and opens the incoming register entry with the next 收文编号. */
export async function acknowledgeDelivery(
  db: Db,
  ctx: RequestContext,
  id: string,
): Promise<{ delivery: DeliveryRow; incoming: IncomingRow }> {
  assertMay(ctx.actor, 'documents.receive');
  return db.transaction(async (tx) => {
    const d = await recipientLocked(tx, ctx, id);
    if (d.status !== 'pending') throw wrong(d, '签收');
    const doc = (await repo.byId(tx, d.documentId))!;
    const sender = await repo.orgById(tx, d.senderOrgId);
    const now = new Date();
    const today = chinaToday(now);
    const year = Number(today.slice(0, 4));
    const seq = await incomingRepository.nextSerial(tx, ctx.actor.orgId, year);
    const delivery = await repo.updateDelivery(tx, id, { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: ctx.actor.userId });
    const inc = await incomingRepository.insert(tx, {
      orgId: ctx.actor.orgId,
      serialYear: year,
      serialSeq: seq,
      serial: formatIncomingSerial(year, seq),
      channel: 'online',
      deliveryId: id,
      documentId: doc.id,
      senderOrgId: d.senderOrgId,
      senderName: sender?.name ?? '',
      docNumber: doc.docNumber,
      title: doc.title,
      docType: doc.docType,
      urgency: doc.urgency,
      classification: 'none',
      copies: 1,
      receivedDate: today,
      receivedBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'delivery.acknowledge',
      entity: 'delivery',
      entityId: id,
      before: { status: d.status },
      after: { status: 'acknowledged', incomingId: inc.id, serial: inc.serial },
    });
    await notify(tx, { type: 'delivery.updated', orgIds: [d.senderOrgId], deliveryId: id, documentId: d.documentId });
    return { delivery, incoming: inc };
  });
}

/** 退回 by the recipient, with the reason the sender will read. */
export async function returnDelivery(db: Db, ctx: RequestContext, id: string, reason: string): Promise<DeliveryRow> {
  assertMay(ctx.actor, 'documents.receive');
  return db.transaction(async (tx) => {
    const d = await recipientLocked(tx, ctx, id);
    if (d.status !== 'pending') throw wrong(d, '退回');
    const row = await repo.updateDelivery(tx, id, { status: 'returned', returnedAt: new Date(), returnReason: reason });
    await writeAudit(tx, ctx, {
      action: 'delivery.return',
      entity: 'delivery',
      entityId: id,
      before: { status: d.status },
      after: { status: 'returned', reason },
    });
    await notify(tx, { type: 'delivery.updated', orgIds: [d.senderOrgId], deliveryId: id, documentId: d.documentId });
    return row;
  });
}

/** 撤回 by the sender, only before the recipient acknowledged. */
export async function withdrawDelivery(db: Db, ctx: RequestContext, id: string): Promise<DeliveryRow> {
  assertMay(ctx.actor, 'documents.dispatch');
  return db.transaction(async (tx) => {
    const d = await senderLocked(tx, ctx, id);
    if (d.status !== 'pending') throw wrong(d, '撤回');
    const row = await repo.updateDelivery(tx, id, { status: 'withdrawn', withdrawnAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'delivery.withdraw',
      entity: 'delivery',
      entityId: id,
      before: { status: d.status },
      after: { status: 'withdrawn' },
    });
    await notify(tx, { type: 'delivery.updated', orgIds: [d.orgId], deliveryId: id, documentId: d.documentId });
    return row;
  });
}

/** 催收: the sender reminds a recipient who has not acknowledged; at most once an hour. */
export async function remindDelivery(db: Db, ctx: RequestContext, id: string, note: string, now = new Date()): Promise<DeliveryRow> {
  assertMay(ctx.actor, 'documents.dispatch');
  return db.transaction(async (tx) => {
    const d = await senderLocked(tx, ctx, id);
    if (d.status !== 'pending') throw wrong(d, '催收');
    if (d.remindedAt && now.getTime() - d.remindedAt.getTime() < 3600_000) throw new AppError(DocumentErrors.REMIND_TOO_SOON);
    const row = await repo.updateDelivery(tx, id, { remindedAt: now, reminderCount: d.reminderCount + 1 });
    await incomingRepository.addReminder(tx, {
      orgId: d.senderOrgId,
      deliveryId: id,
      kind: 'receipt',
      note: note || null,
      sentBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'delivery.remind',
      entity: 'delivery',
      entityId: id,
      after: { reminderCount: row.reminderCount, note },
    });
    await notify(tx, { type: 'delivery.reminder', orgIds: [d.orgId], deliveryId: id, documentId: d.documentId });
    return row;
  });
}
