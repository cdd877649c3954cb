/**
 * 退回, 取回 and 加签 of the drafting slip (issue 13). Each operation locks the document, checks
 * documentPolicy (the slip's allowedActions read the same rule), changes the row, keeps the step in
 * document_flow_steps with what it cleared, audits, and tells the person the document went to.
 */
import { roleMay } from '@township-office/domain/permissions';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import {
  flowStepOfStatus,
  type DocumentStatus,
  type FlowRecordAction,
  type FlowRecordStep,
  type ReturnTarget,
} from '@township-office/domain/documents';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { auditTrailOf, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReadOrg } from '../../platform/access.ts';
import { authorize } from '../../platform/policy.ts';
import { announce } from '../notifications/notifications.service.ts';
import { documentPolicy, type DocumentAction, type DocumentFacts } from './documents.policy.ts';
import { documentsRepository as repo } from './documents.repository.ts';
import type { DocumentRow } from './documents.tables.ts';
import { flowRepository as flowRepo } from './flow.repository.ts';

/** The names documentPolicy's refusals quote (who reviewed, who added a reviewer, who is added). */
export async function documentFacts(db: DbOrTx, doc: DocumentRow): Promise<DocumentFacts> {
  return { names: await repo.userNames(db, [doc.reviewerId, doc.addedBy, doc.addedReviewerId]) };
}

async function lockedFor(tx: Tx, ctx: RequestContext, id: string, action: DocumentAction): Promise<DocumentRow> {
  const doc = await repo.byId(tx, id, { lock: true });
  if (!doc || !canReadOrg(ctx.actor, doc.orgId)) throw notFound();
  authorize(documentPolicy, ctx.actor, action, doc, await documentFacts(tx, doc));
  return doc;
}

const REVIEW = ['reviewerId', 'reviewedAt', 'reviewComment'] as const;
const SIGN_OFF = ['signerId', 'signerName', 'signerForId', 'signerForName', 'signOffOpinion', 'signedAt', 'writtenDate'] as const;
const RECHECK = ['recheckedBy', 'recheckedAt'] as const;
const ADDED = ['addedReviewerId', 'addedReviewerNote', 'addedBy'] as const;
type Cleared = (typeof REVIEW | typeof SIGN_OFF | typeof RECHECK | typeof ADDED)[number];

/** The fields set to null, and what they held (for the history: a step taken back is kept, not lost). */
function clear(doc: DocumentRow, fields: readonly Cleared[]) {
  const values = Object.fromEntries(fields.map((f) => [f, null])) as Partial<Record<Cleared, null>>;
  const was = Object.fromEntries(fields.filter((f) => doc[f] !== null).map((f) => [f, doc[f]]));
  return { values, was };
}

/**
 * 退回 to an earlier step it passed, with a reason: to the drafter (returned; the review, sign-off and
 * 复核 are cleared, as a resubmission goes through them again) or to the review (in_review; the
 * sign-off and 复核 are cleared, the review too, which is to be done again).
 */
export async function returnDocument(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { to: ReturnTarget; reason: string },
): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx, id, input.to === 'drafter' ? 'returnToDrafter' : 'returnToReview');
    const { values, was } = clear(doc, [...REVIEW, ...SIGN_OFF, ...RECHECK, ...ADDED]);
    const toDrafter = input.to === 'drafter';
    const row = await repo.update(tx, id, {
      ...values,
      status: toDrafter ? 'returned' : 'in_review',
      // As the review's own return has it: the drafter reads the reason on the slip; a reviewer's return is their review.
      ...(toDrafter && doc.status === 'in_review'
        ? { reviewerId: ctx.actor.userId, reviewedAt: new Date(), reviewComment: input.reason }
        : {}),
    });
    // It goes to the drafter, or to the reviewer who approved it (the office's reviewers when none is recorded).
    const targetId = toDrafter ? doc.drafterId : doc.reviewerId;
    const names = await repo.userNames(tx, [targetId]);
    const step = await flowRepo.insert(tx, {
      orgId: doc.orgId,
      documentId: id,
      kind: 'return',
      fromStatus: doc.status,
      toStatus: row.status,
      reason: input.reason,
      userId: ctx.actor.userId,
      userName: ctx.actor.displayName,
      targetId: targetId && names.has(targetId) ? targetId : null,
      targetName: targetId ? (names.get(targetId) ?? null) : null,
      cleared: was,
    });
    await announce(tx, {
      orgId: doc.orgId,
      audience: targetId ? { userIds: [targetId] } : 'documents.review',
      stage: 'returned',
      todoKind: toDrafter ? 'document.returned' : 'document.review',
      recordId: id,
      title: doc.title,
      subject: `${ctx.actor.displayName}：${input.reason}`,
      href: `/documents/outgoing/${id}`,
      dueAt: null,
      occurrence: step.id,
    });
    await writeAudit(tx, ctx, {
      action: 'document.return',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status, ...was },
      after: { status: row.status, to: input.to, reason: input.reason },
    });
    return row;
  });
}

/**
 * 取回: the drafter takes a submitted document back to the draft, or the reviewer takes an approved one
 * back into review, while the next person has not acted (the policy names them once they have).
 */
export async function recallDocument(db: Db, ctx: RequestContext, id: string): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx, id, 'recall');
    const byDrafter = doc.status === 'in_review';
    const { values, was } = clear(doc, byDrafter ? [] : REVIEW);
    // Back to the draft, a later submission opens a new round of 会签 (as every submission does).
    const row = await repo.update(tx, id, byDrafter ? { status: 'draft', countersignedOrgIds: [] } : { ...values, status: 'in_review' });
    await flowRepo.insert(tx, {
      orgId: doc.orgId,
      documentId: id,
      kind: 'recall',
      fromStatus: doc.status,
      toStatus: row.status,
      reason: null,
      userId: ctx.actor.userId,
      userName: ctx.actor.displayName,
      cleared: was,
    });
    await writeAudit(tx, ctx, {
      action: 'document.recall',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status, ...was },
      after: { status: row.status },
    });
    return row;
  });
}

/**
 * 加签: the reviewer adds one more reviewer of the same org (who may review, is not the drafter nor
 * the reviewer), who must approve before the document moves on; their review action decides it.
 * One added reviewer at a time.
 */
export async function addReviewer(db: Db, ctx: RequestContext, id: string, input: { userId: string; note: string }): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx, id, 'addReviewer');
    if (input.userId === ctx.actor.userId) throw new AppError(DocumentErrors.ADDED_REVIEWER_SELF);
    const user = await flowRepo.activeUserOf(tx, doc.orgId, input.userId);
    if (!user || !roleMay(user.role, 'documents.review') || user.id === doc.drafterId)
      throw new AppError(DocumentErrors.ADDED_REVIEWER_INVALID, { id: input.userId });
    const row = await repo.update(tx, id, { addedReviewerId: user.id, addedReviewerNote: input.note || null, addedBy: ctx.actor.userId });
    const step = await flowRepo.insert(tx, {
      orgId: doc.orgId,
      documentId: id,
      kind: 'addReviewer',
      fromStatus: doc.status,
      toStatus: row.status,
      reason: input.note || null,
      userId: ctx.actor.userId,
      userName: ctx.actor.displayName,
      targetId: user.id,
      targetName: user.displayName,
    });
    // The added reviewer hears of it in the same transaction: the review is theirs now (the workbench
    // lists it from added_reviewer_id), and the engine announces no news for document.review.
    await announce(tx, {
      orgId: doc.orgId,
      audience: { userIds: [user.id] },
      stage: 'new',
      todoKind: 'document.review',
      recordId: id,
      title: doc.title,
      subject: input.note ? `${ctx.actor.displayName}：${input.note}` : ctx.actor.displayName,
      href: `/documents/outgoing/${id}`,
      dueAt: null,
      occurrence: step.id,
    });
    await writeAudit(tx, ctx, {
      action: 'document.addReviewer',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: { addedReviewerId: user.id, note: input.note },
    });
    return row;
  });
}

/** The slip's history of 退回, 取回 and 加签, oldest first. */
export async function flowStepsOf(db: DbOrTx, documentId: string) {
  return flowRepo.list(db, documentId);
}

/** The audit actions of a document that are steps of its 流转记录, and the slip's box each belongs to (null: the status it happened at). */
const RECORDED: Record<string, { action: FlowRecordAction; step: FlowRecordStep | null }> = {
  'document.draft': { action: 'create', step: 'draft' },
  'document.submit': { action: 'submit', step: 'draft' },
  'document.update': { action: 'edit', step: null },
  'document.update.resign': { action: 'editResign', step: null },
  'document.review.approve': { action: 'approve', step: 'review' },
  'document.review.return': { action: 'reviewReturn', step: 'review' },
  'document.addReviewer': { action: 'addReviewer', step: 'review' },
  'document.countersign.approve': { action: 'agree', step: 'countersign' },
  'document.countersign.return': { action: 'countersignReturn', step: 'countersign' },
  'document.signOff': { action: 'signOff', step: 'signOff' },
  'document.recheck': { action: 'recheck', step: 'recheck' },
  'document.number': { action: 'number', step: 'number' },
  'document.dispatch': { action: 'dispatch', step: 'dispatch' },
  'document.void': { action: 'void', step: null },
  'document.return': { action: 'return', step: null },
  'document.recall': { action: 'recall', step: null },
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export interface FlowRecordItem {
  at: Date;
  userName: string;
  onBehalfOfName: string | null;
  orgName: string | null;
  step: FlowRecordStep;
  action: FlowRecordAction;
  opinion: string | null;
}

/**
 * 流转记录: every step of the document from its audit trail (every write is audited in its own
 * transaction, so the trail is complete and in order): who, for whom (委托), at which step, what, the
 * opinion or reason, when. An edit of the draft before submission is the drafter's scratch and not a
 * step (as the revisions have it); an edit after submission carries its revision number.
 */
export async function flowRecordOf(db: DbOrTx, doc: DocumentRow): Promise<FlowRecordItem[]> {
  const rows = await auditTrailOf(db, 'document', doc.id, Object.keys(RECORDED));
  const items: FlowRecordItem[] = [];
  for (const r of rows) {
    const kind = RECORDED[r.action];
    if (!kind) continue;
    const before = r.before ?? {};
    const after = r.after ?? {};
    if (kind.action === 'edit' && after.revision === undefined) continue;
    const behalf = after.onBehalfOf as { displayName?: unknown } | undefined;
    const opinion =
      kind.action === 'number'
        ? text(after.docNumber)
        : kind.action === 'edit' || kind.action === 'editResign'
          ? after.revision !== undefined
            ? `第 ${String(after.revision)} 版`
            : null
          : (text(after.comment) ?? text(after.opinion) ?? text(after.reason) ?? text(after.note));
    items.push({
      at: r.at,
      userName: r.actorName,
      onBehalfOfName: text(behalf?.displayName),
      orgName: r.actorOrgId && r.actorOrgId !== doc.orgId ? r.actorOrgName : null,
      step: kind.step ?? flowStepOfStatus(before.status as DocumentStatus | undefined),
      action: kind.action,
      opinion,
    });
  }
  return items;
}
