/**
 * 收文 processing on the 文件处理笺: 初审 → 传阅 (阅知) or 拟办 → 批示 → 承办 → 催办 → 办结 → 答复.
 * Paper documents are registered by hand; classified ones as metadata only.
 */
import { randomUUID } from 'node:crypto';
import {
  CLASSIFICATION_LABELS,
  formatCopyNumbers,
  isClassified,
  parseCopyNumbers,
  replyDraftOf,
  secrecyColumns,
  secrecyMark,
  type IncomingListQuery,
  type IncomingPaper,
} from '@township-office/domain/documents';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { CommonErrors } from '@township-office/domain/errors';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertMay, assertMayOrActsFor, canReadOrg, orgScope } from '../../platform/access.ts';
import { inTurn } from '../../platform/in-turn.ts';
import { appendAuditSql, auditToken, checkpointIfDue, ensureChainHead, onBehalfOfAudit, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize, authorizeActing } from '../../platform/policy.ts';
import { incomingPolicy, type IncomingAction, type IncomingFacts } from './documents.policy.ts';
import { notify } from './documents.events.ts';
import { presentIncoming } from './documents.presenter.ts';
import { directionAndRules } from './documents.service.ts';
import { documentsRepository } from './documents.repository.ts';
import type { IncomingRow } from './documents.tables.ts';
import { incomingRepository as repo } from './incoming.repository.ts';

export async function readableIncoming(db: Db, ctx: RequestContext, id: string): Promise<IncomingRow> {
  assertMay(ctx.actor, 'business.read');
  const row = await repo.byId(db, id);
  if (!row || !canReadOrg(ctx.actor, row.orgId)) throw notFound();
  return row;
}

export async function listIncoming(db: Db, ctx: RequestContext, q: IncomingListQuery) {
  assertMay(ctx.actor, 'business.read');
  const scope = orgScope(ctx.actor);
  const { page, pageSize, ...filter } = q;
  return repo.page(db, { ...filter, orgIds: scope.kind === 'all' ? null : scope.orgIds }, pageSize, (page - 1) * pageSize);
}

export async function incomingDetail(db: Db, ctx: RequestContext, id: string) {
  const row = await readableIncoming(db, ctx, id);
  const [circulation, reminders, names] = await Promise.all([
    repo.circulation(db, id),
    repo.reminders(db, id),
    documentsRepository.userNames(db, [
      row.receivedBy,
      row.proposedBy,
      row.instructedBy,
      row.instructedFor,
      row.closedBy,
      row.screenedBy,
      ...row.handlerIds,
    ]),
  ]);
  const replyDoc = row.replyDocumentId ? await documentsRepository.byId(db, row.replyDocumentId) : undefined;
  return {
    row,
    circulation,
    reminders,
    names,
    replyDoc: replyDoc ? { id: replyDoc.id, docNumber: replyDoc.docNumber, title: replyDoc.title } : null,
  };
}

/** The processing slip as the API sends it; an online entry reads the frozen document it was delivered with. */
export async function incomingView(db: Db, ctx: RequestContext, id: string) {
  const d = await incomingDetail(db, ctx, id);
  const body = d.row.body ?? (d.row.documentId ? ((await documentsRepository.byId(db, d.row.documentId))?.body ?? null) : null);
  return presentIncoming(ctx.actor, d, body);
}

/** What the policy needs beyond the row: whether the actor still has a read receipt to sign. */
export async function incomingFacts(db: DbOrTx, actor: RequestContext['actor'], id: string): Promise<IncomingFacts> {
  const mine = (await repo.circulation(db, id)).find((c) => c.userId === actor.userId);
  return { circulatedToMeUnread: !!mine && !mine.readAt };
}

/** The entry locked for a change, once the policy allows `action` on it. */
async function lockedFor(tx: Tx, ctx: RequestContext, id: string, action: IncomingAction): Promise<IncomingRow> {
  const row = await repo.byId(tx, id, { lock: true });
  if (!row || !canReadOrg(ctx.actor, row.orgId)) throw notFound();
  authorize(incomingPolicy, ctx.actor, action, row, action === 'read' ? await incomingFacts(tx, ctx.actor, id) : undefined);
  return row;
}

async function change(
  db: Db,
  ctx: RequestContext,
  id: string,
  action: IncomingAction,
  fn: (tx: Tx, row: IncomingRow) => Promise<Partial<IncomingRow>>,
  after?: (tx: Tx, row: IncomingRow) => Promise<void>,
  auditAction: string = action,
) {
  return db.transaction(async (tx) => {
    const before = await lockedFor(tx, ctx, id, action);
    const values = await fn(tx, before);
    const row = await repo.update(tx, id, values);
    await writeAudit(tx, ctx, {
      action: `incoming.${auditAction}`,
      entity: 'incoming',
      entityId: id,
      orgId: row.orgId,
      before: { status: before.status },
      after: values,
    });
    await after?.(tx, row);
    return row;
  });
}

/**
 * 纸质来文登记: by hand; a classified one carries no body. One statement, its own transaction,
 * assigns the 收文编号, appends the audit row and inserts the entry (plus one lookup before it when a
 * sender org is named): the serial counter and the audit chain head are locked while PostgreSQL runs
 * that statement and commits it, never while node works, so creates in one office queue for one
 * write and one WAL flush, not for a round trip to a busy event loop.
 */
export async function registerPaper(db: Db, ctx: RequestContext, input: IncomingPaper): Promise<IncomingRow> {
  assertMay(ctx.actor, 'documents.receive');
  if (isClassified(input.classification) && (input.body ?? '') !== '')
    throw new AppError(DocumentErrors.CLASSIFIED_NO_CONTENT, { level: CLASSIFICATION_LABELS[input.classification] });
  if (input.senderOrgId && (await documentsRepository.activeOrgIds(db, [input.senderOrgId])).size === 0)
    throw new AppError(CommonErrors.ORG_NOT_FOUND, { id: input.senderOrgId });
  const id = randomUUID();
  const orgId = ctx.actor.orgId;
  // 份号 kept in one form (000011–000012、000015) whatever separators the clerk typed; the schema refused anything else.
  const numbers = input.copyNumbers ? parseCopyNumbers(input.copyNumbers) : null;
  const copyNumbers = numbers ? formatCopyNumbers(numbers) : null;
  const secrecy = secrecyColumns(isClassified(input.classification) ? input.secrecyPeriod : null);
  const entry = {
    action: 'incoming.registerPaper',
    entity: 'incoming',
    entityId: id,
    orgId,
    after: {
      serial: auditToken('serial'),
      title: input.title,
      classification: input.classification,
      ...(isClassified(input.classification) ? { secrecy: secrecyMark(input.classification, input.secrecyPeriod), copyNumbers } : {}),
      ...(input.paperChannel ? { paperChannel: input.paperChannel } : {}),
    },
  };
  let chain = '';
  // One statement on the pool, no BEGIN/COMMIT: it is its own transaction (repo.createPaper).
  const create = async () => {
    const made = await repo.createPaper(
      db,
      {
        id,
        orgId,
        serialYear: Number(input.receivedDate.slice(0, 4)),
        senderOrgId: input.senderOrgId ?? null,
        senderName: input.senderName,
        docNumber: input.docNumber ?? null,
        title: input.title,
        docType: input.docType ?? null,
        urgency: input.urgency,
        classification: input.classification,
        copies: input.copies,
        copyNumbers,
        ...secrecy,
        paperChannel: input.paperChannel ?? null,
        body: isClassified(input.classification) ? null : (input.body ?? null),
        receivedDate: input.receivedDate,
        receivedBy: ctx.actor.userId,
      },
      (s) => {
        const a = appendAuditSql(ctx, entry, { serial: s.serial }, s.from);
        chain = a.chain;
        return a;
      },
    );
    // No head row for the chain yet: the statement wrote nothing (no serial taken).
    if (!made) throw new NoChainHead(chain);
    return { ...made, chain };
  };
  const made = await inTurn(`incoming.serial:${orgId}`, () =>
    create().catch(async (e: unknown) => {
      if (!(e instanceof NoChainHead)) throw e;
      await ensureChainHead(db, e.chain);
      return create();
    }),
  );
  await checkpointIfDue(db, made.chain, made.auditSeq, made.checkpointSeq, made.auditHash);
  return made.row;
}

class NoChainHead extends Error {
  constructor(readonly chain: string) {
    super(`audit chain ${chain} has no head row`);
  }
}

/** The processing slip of an entry just registered: nothing to read back (no circulation, no reminders, the actor received it). */
export function presentRegistered(ctx: RequestContext, row: IncomingRow) {
  return presentIncoming(
    ctx.actor,
    { row, circulation: [], reminders: [], names: new Map([[ctx.actor.userId, ctx.actor.displayName]]), replyDoc: null },
    row.body,
  );
}

/** 初审: to read (传阅), to act on (批办), or back to the sender with the reasons. */
export function screen(db: Db, ctx: RequestContext, id: string, input: { decision: 'read' | 'act' | 'return'; reason?: string }) {
  assertMay(ctx.actor, 'documents.receive');
  if (input.decision === 'return' && !input.reason) throw new AppError(DocumentErrors.RETURN_REASON_REQUIRED);
  return change(
    db,
    ctx,
    id,
    'screen',
    async () => {
      const base = { screenedBy: ctx.actor.userId, screenedAt: new Date() };
      if (input.decision === 'return') return { ...base, status: 'returned' as const, returnReason: input.reason! };
      return { ...base, mode: input.decision, status: input.decision === 'read' ? ('circulating' as const) : ('accepted' as const) };
    },
    async (tx, row) => {
      if (row.status === 'returned' && row.senderOrgId)
        await notify(tx, {
          type: 'incoming.updated',
          orgIds: [row.senderOrgId],
          incomingId: row.id,
          documentId: row.documentId ?? undefined,
        });
    },
    `screen.${input.decision}`,
  );
}

async function requireOrgUsers(db: Db, orgId: string, ids: string[]) {
  const found = await repo.usersInOrg(db, orgId, ids);
  for (const id of ids) if (!found.has(id)) throw new AppError(DocumentErrors.USER_NOT_IN_ORG, { id });
}

/** 传阅: adds readers; each gets a read receipt to sign. */
export async function circulate(db: Db, ctx: RequestContext, id: string, userIds: string[]) {
  assertMay(ctx.actor, 'documents.receive');
  await requireOrgUsers(db, ctx.actor.orgId, userIds);
  return change(
    db,
    ctx,
    id,
    'circulate',
    async (tx, row) => {
      await repo.addCirculation(tx, row.orgId, row.id, userIds);
      return { status: 'circulating' as const };
    },
    (tx, row) => notify(tx, { type: 'incoming.updated', orgIds: [row.orgId], incomingId: row.id, userIds }),
  );
}

/** 阅知: the reader signs the read receipt; when everyone has read, the circulation is closed. */
export async function markRead(db: Db, ctx: RequestContext, id: string, note: string) {
  assertMay(ctx.actor, 'business.read');
  return db.transaction(async (tx) => {
    const row = await lockedFor(tx, ctx, id, 'read');
    const r = await repo.markRead(tx, id, ctx.actor.userId, note);
    const updated =
      r.unread === 0
        ? await repo.update(tx, id, { status: 'closed', closedAt: new Date(), closedBy: ctx.actor.userId, result: '传阅完毕' })
        : row;
    await writeAudit(tx, ctx, { action: 'incoming.read', entity: 'incoming', entityId: id, after: { note, unread: r.unread } });
    return updated;
  });
}

export function propose(db: Db, ctx: RequestContext, id: string, proposal: string) {
  assertMay(ctx.actor, 'documents.receive');
  return change(db, ctx, id, 'propose', async () => {
    return { status: 'proposed' as const, proposal, proposedBy: ctx.actor.userId, proposedAt: new Date() };
  });
}

function checkDeadline(row: IncomingRow, deadline: string | null | undefined) {
  if (row.urgency !== 'none' && !deadline) throw new AppError(DocumentErrors.DEADLINE_REQUIRED);
}

/**
 * 批示 by a leader of the org, or by a delegate on a leader's behalf (委托: checked as that leader;
 * the slip and the audit row name both). Naming handlers here assigns them and notifies them at once.
 */
export async function instruct(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { instruction: string; handlerIds?: string[]; deadline?: string | null },
) {
  assertMayOrActsFor(ctx.actor, 'documents.instruct');
  if (input.handlerIds) await requireOrgUsers(db, ctx.actor.orgId, input.handlerIds);
  return db.transaction(async (tx) => {
    const before = await repo.byId(tx, id, { lock: true });
    if (!before || !canReadOrg(ctx.actor, before.orgId)) throw notFound();
    const { onBehalfOf } = authorizeActing(incomingPolicy, ctx.actor, 'instruct', before, undefined);
    const base = {
      instruction: input.instruction,
      instructedBy: ctx.actor.userId,
      instructedFor: onBehalfOf?.userId ?? null,
      instructedAt: new Date(),
    };
    if (input.handlerIds) checkDeadline(before, input.deadline);
    const values = input.handlerIds
      ? { ...base, status: 'in_progress' as const, handlerIds: input.handlerIds, deadline: input.deadline ?? null }
      : { ...base, status: 'instructed' as const };
    const row = await repo.update(tx, id, values);
    await writeAudit(tx, ctx, {
      action: 'incoming.instruct',
      entity: 'incoming',
      entityId: id,
      orgId: row.orgId,
      before: { status: before.status },
      after: { ...values, ...onBehalfOfAudit(onBehalfOf) },
    });
    await notify(tx, { type: 'incoming.updated', orgIds: [row.orgId], incomingId: row.id, userIds: row.handlerIds });
    return row;
  });
}

/** 承办: the office names the handlers and the deadline (urgent documents must have one). */
export async function assign(db: Db, ctx: RequestContext, id: string, input: { handlerIds: string[]; deadline?: string | null }) {
  assertMay(ctx.actor, 'documents.receive');
  await requireOrgUsers(db, ctx.actor.orgId, input.handlerIds);
  return change(
    db,
    ctx,
    id,
    'assign',
    async (_tx, row) => {
      checkDeadline(row, input.deadline);
      return { status: 'in_progress' as const, handlerIds: input.handlerIds, deadline: input.deadline ?? null };
    },
    (tx, row) => notify(tx, { type: 'incoming.updated', orgIds: [row.orgId], incomingId: row.id, userIds: row.handlerIds }),
  );
}

/** 催办 by hand. */
export async function remind(db: Db, ctx: RequestContext, id: string, note: string) {
  assertMay(ctx.actor, 'documents.receive');
  return db.transaction(async (tx) => {
    const row = await lockedFor(tx, ctx, id, 'remind');
    await repo.addReminder(tx, { orgId: row.orgId, incomingId: id, kind: 'manual', note: note || null, sentBy: ctx.actor.userId });
    await writeAudit(tx, ctx, { action: 'incoming.remind', entity: 'incoming', entityId: id, after: { note } });
    await notify(tx, { type: 'incoming.reminder', orgIds: [row.orgId], incomingId: id, userIds: row.handlerIds });
    return row;
  });
}

/** 办结 by a handler or the office. */
export function closeIncoming(db: Db, ctx: RequestContext, id: string, result: string) {
  assertMay(ctx.actor, 'business.read');
  return change(db, ctx, id, 'close', async () => {
    return { status: 'closed' as const, result, closedBy: ctx.actor.userId, closedAt: new Date() };
  });
}

/**
 * 答复: the reply (复文) as a new outgoing draft to the sender, quoting the original's title and
 * number, linked both ways (document.replyToIncomingId, incoming.replyDocumentId); drafted, checked
 * and signed like any other document.
 */
export async function replyIncoming(db: Db, ctx: RequestContext, id: string, input: { title?: string }): Promise<{ documentId: string }> {
  assertMay(ctx.actor, 'documents.receive');
  return db.transaction(async (tx) => {
    const row = await lockedFor(tx, ctx, id, 'reply');
    const draft = replyDraftOf(row);
    const upward = await directionAndRules(tx, row.orgId, {
      docType: draft.docType,
      mainRecipientOrgIds: [row.senderOrgId!],
      copyRecipientOrgIds: [],
    });
    const doc = await documentsRepository.insert(tx, {
      orgId: row.orgId,
      docType: draft.docType,
      title: input.title ?? draft.title,
      body: draft.body,
      mainRecipientOrgIds: [row.senderOrgId!],
      copyRecipientOrgIds: [],
      drafterId: ctx.actor.userId,
      replyToIncomingId: row.id,
      upward,
    });
    await repo.update(tx, id, { replyDocumentId: doc.id, repliedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'incoming.reply',
      entity: 'incoming',
      entityId: id,
      after: { documentId: doc.id, title: doc.title },
    });
    return { documentId: doc.id };
  });
}
