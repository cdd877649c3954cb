/** 签收 / 退回 / 撤回 / 催收 / 补发: the life of one delivery, and the inbox and receipt table around it. */
import { DELIVERY_OVERDUE_HOURS, formatIncomingSerial, type InboxQuery } from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { labelRef } from '@township-office/domain/labels';
import type { Db, Tx } from '../../db/client.ts';
import { assertMay, assertOwnOrg, canReadOrg } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { announce } from '../notifications/notifications.service.ts';
import { notify } from './documents.events.ts';
import { documentsRepository as repo } from './documents.repository.ts';
import { chinaToday } from '@township-office/domain/dates';
import { readableDocument } from './documents.service.ts';
import { allowedActions, authorize } from '../../platform/policy.ts';
import { deliveryPolicy, documentPolicy, type DeliveryAction } from './documents.policy.ts';
import type { DeliveryRow, IncomingRow } from './documents.tables.ts';
import { incomingRepository } from './incoming.repository.ts';

const wrong = (d: DeliveryRow, action: 'acknowledge' | 'return') =>
  new AppError(DocumentErrors.DELIVERY_WRONG_STATE, {
    status: labelRef('DELIVERY_STATUS', d.status),
    action: labelRef('DELIVERY_ACTION', action),
  });

export async function inbox(
  db: Db,
  ctx: RequestContext,
  { page, pageSize, ...q }: Omit<InboxQuery, 'sort'> & Partial<Pick<InboxQuery, 'sort'>>,
) {
  assertMay(ctx.actor, 'business.read');
  return repo.inbox(db, { ...q, orgId: ctx.actor.orgId }, pageSize, (page - 1) * pageSize);
}

/** The sender's receipt table: every recipient, with pending over 24 hours flagged. */
export async function receiptTable(db: Db, ctx: RequestContext, documentId: string, now = new Date()) {
  const doc = await readableDocument(db, ctx.actor, documentId);
  authorize(documentPolicy, ctx.actor, 'viewDeliveries', doc);
  const rows = await repo.receiptTable(db, documentId);
  const returns = await repo.returnsOf(db, documentId);
  const limit = DELIVERY_OVERDUE_HOURS * 3600_000;
  const facts = { documentStatus: doc.status, now };
  const items = rows.map((r) => ({
    ...r,
    overdue: r.status === 'pending' && now.getTime() - new Date(r.sent_at).getTime() > limit,
    returns: returns.filter((x) => x.delivery_id === r.id),
    allowedActions: allowedActions(
      deliveryPolicy,
      ctx.actor,
      {
        orgId: r.org_id,
        senderOrgId: r.sender_org_id,
        status: r.status as DeliveryRow['status'],
        remindedAt: r.reminded_at ? new Date(r.reminded_at) : null,
      },
      facts,
    ),
  }));
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
async function recipientLocked(tx: Tx, ctx: RequestContext, id: string): Promise<DeliveryRow> {
  const d = await repo.deliveryById(tx, id, { lock: true });
  if (!d) throw notFound();
  assertOwnOrg(ctx.actor, d.orgId);
  return d;
}

/**
 * A delivery the actor's org sent, locked, with the sender's rule for `action` checked: the
 * recipient hears that only the sender may act (403), any other org that it does not exist (404).
 */
async function senderLocked(tx: Tx, ctx: RequestContext, id: string, action: DeliveryAction, now = new Date()): Promise<DeliveryRow> {
  const d = await repo.deliveryById(tx, id, { lock: true });
  if (!d || (!canReadOrg(ctx.actor, d.senderOrgId) && d.orgId !== ctx.actor.orgId)) throw notFound();
  const doc = (await repo.byId(tx, d.documentId))!;
  authorize(deliveryPolicy, ctx.actor, action, d, { documentStatus: doc.status, now });
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
    if (d.status !== 'pending') throw wrong(d, 'acknowledge');
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
    if (d.status !== 'pending') throw wrong(d, 'return');
    const now = new Date();
    const row = await repo.updateDelivery(tx, id, { status: 'returned', returnedAt: now, returnReason: reason });
    await repo.insertReturn(tx, { deliveryId: id, returnedAt: now, returnedBy: ctx.actor.userId, reason });
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
    const d = await senderLocked(tx, ctx, id, 'withdraw');
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
    const d = await senderLocked(tx, ctx, id, 'remind', now);
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
    // The recipient's office hears of it in its bell, not only the sender's table (已催 N 次 on both sides).
    const doc = (await repo.byId(tx, d.documentId))!;
    const sender = await repo.orgById(tx, d.senderOrgId);
    await announce(tx, {
      orgId: d.orgId,
      audience: 'documents.receive',
      stage: 'reminded',
      todoKind: 'delivery.acknowledge',
      recordId: id,
      title: doc.title,
      subject: [sender?.name, note].filter(Boolean).join('：') || null,
      href: '/documents/inbox',
      dueAt: null,
      occurrence: row.reminderCount,
    });
    await notify(tx, { type: 'delivery.reminder', orgIds: [d.orgId], deliveryId: id, documentId: d.documentId });
    await notify(tx, { type: 'delivery.updated', orgIds: [d.senderOrgId], deliveryId: id, documentId: d.documentId });
    return row;
  });
}

/**
 * 补发: the sender sends a returned delivery again to the same recipient. The delivery is reopened
 * (pending, its 24-hour clock from now); the return and its reason stay in delivery_returns, closed
 * with who sent it again, when, and the note. The recipient's office is notified and its inbox
 * updates live; the sender's receipt table too.
 */
export async function resendDelivery(db: Db, ctx: RequestContext, id: string, note: string): Promise<DeliveryRow> {
  assertMay(ctx.actor, 'documents.dispatch');
  return db.transaction(async (tx) => {
    const d = await senderLocked(tx, ctx, id, 'resend');
    const now = new Date();
    const closed = await repo.closeReturn(tx, id, { resentAt: now, resentBy: ctx.actor.userId, resendNote: note || null });
    // A return recorded before the history table has its row from the migration; none at all would be a bug.
    if (!closed) throw new Error(`delivery ${id} is returned but has no open return`);
    const row = await repo.updateDelivery(tx, id, { status: 'pending', sentAt: now, returnedAt: null, returnReason: null });
    await writeAudit(tx, ctx, {
      action: 'delivery.resend',
      entity: 'delivery',
      entityId: id,
      before: { status: d.status, returnReason: d.returnReason },
      after: { status: 'pending', note },
    });
    const doc = (await repo.byId(tx, d.documentId))!;
    const sender = await repo.orgById(tx, d.senderOrgId);
    const rounds = await repo.returnCount(tx, id);
    await announce(tx, {
      orgId: d.orgId,
      audience: 'documents.receive',
      stage: 'resent',
      todoKind: 'delivery.acknowledge',
      recordId: id,
      title: doc.title,
      subject: [sender?.name, note].filter(Boolean).join('：') || null,
      href: '/documents/inbox',
      dueAt: new Date(now.getTime() + DELIVERY_OVERDUE_HOURS * 3600_000),
      occurrence: rounds,
    });
    await notify(tx, { type: 'delivery.created', orgIds: [d.orgId], deliveryId: id, documentId: d.documentId });
    await notify(tx, { type: 'delivery.updated', orgIds: [d.senderOrgId], deliveryId: id, documentId: d.documentId });
    return row;
  });
}
