/**
 * 发文: drafting slip operations, from 拟稿 to 分发. Each operation checks access first, then the
 * rule, then writes in one transaction with its one audit row.
 */
import {
  RESIGN_STATUSES,
  dispatchCopyNumbers,
  documentWarnings,
  formatCopyNumbers,
  formatDocNumber,
  isClassified,
  parseCopyNumbers,
  secrecyColumns,
  secrecyOf,
  type PaperChannel,
  isUpward,
  requestRuleViolation,
  type DocumentDraft,
  type DocumentListQuery,
  type DocumentUpdate,
  type OrgKind,
} from '@township-office/domain/documents';
import { labelRef } from '@township-office/domain/labels';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { chinaToday } from '@township-office/domain/dates';
import { printedSignerName } from '@township-office/domain/delegations';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertMay, assertMayOrActsFor, canReadOrg, orgScope } from '../../platform/access.ts';
import { onBehalfOfAudit, writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorize, authorizeActing } from '../../platform/policy.ts';
import { documentPolicy, type DocumentAction } from './documents.policy.ts';
import { notify } from './documents.events.ts';
import { presentDocument } from './documents.presenter.ts';
import { documentsRepository as repo } from './documents.repository.ts';
import type { DocumentRow } from './documents.tables.ts';
import { liftSummaryLists } from './documents.formats.ts';
import { printedRecipientsOf, recipientsChanged, resolveRecipients } from './documents.recipients.ts';
import { formatOf } from './documents.layout.ts';
import { clearRevisionBodies, markSignedRevisionSeen, recordRevision } from './revisions.write.ts';
import { renderOfficialDocument } from './documents.pdf.ts';
import { signDispatched } from './signatures.write.ts';
import { documentFacts, flowRecordOf, flowStepsOf } from './flow.service.ts';
import { sealForDocuments } from '../signing/signing.service.ts';

/** 加签 pends only in review: a step that moves the document out of it ends the pending one. */
const NO_ADDED_REVIEWER = { addedReviewerId: null, addedReviewerNote: null, addedBy: null } as const;

function refuseClassifiedContent(
  classification: DocumentRow['classification'],
  body: string | null | undefined,
  attachmentNote: string | null | undefined,
) {
  if (isClassified(classification) && ((body ?? '') !== '' || (attachmentNote ?? '') !== ''))
    throw new AppError(DocumentErrors.CLASSIFIED_NO_CONTENT, { level: labelRef('CLASSIFICATION', classification) });
}

async function checkRecipients(db: Db, actor: Actor, main: string[], copy: string[]) {
  const all = [...main, ...copy];
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) throw new AppError(DocumentErrors.RECIPIENT_DUPLICATE, { id });
    seen.add(id);
  }
  if (seen.has(actor.orgId)) throw new AppError(DocumentErrors.RECIPIENT_SELF);
  const active = await repo.activeOrgIds(db, all);
  for (const id of all) if (!active.has(id)) throw new AppError(DocumentErrors.RECIPIENT_NOT_FOUND, { id });
}

async function checkCountersignOrgs(db: Db, actor: Actor, ids: string[], recipients: string[]) {
  const seen = new Set<string>();
  const active = await repo.activeOrgIds(db, ids);
  for (const id of ids) {
    if (seen.has(id) || id === actor.orgId || !active.has(id)) throw new AppError(DocumentErrors.COUNTERSIGN_ORG_INVALID, { id });
    seen.add(id);
  }
  // A co-issuer is one of the senders, not a recipient of the same document.
  for (const id of recipients) if (seen.has(id)) throw new AppError(DocumentErrors.COUNTERSIGN_ORG_INVALID, { id });
}

/**
 * The direction of the document from its recipients, and the hard rules of a 请示 (条例 第十五条:
 * one main recipient, no copy to a subordinate org). Returns whether it is upward (上行文).
 */
export async function directionAndRules(
  db: DbOrTx,
  senderOrgId: string,
  doc: { docType: string; mainRecipientOrgIds: string[]; copyRecipientOrgIds: string[] },
): Promise<boolean> {
  const kinds = await repo.orgKinds(db, [senderOrgId, ...doc.mainRecipientOrgIds, ...doc.copyRecipientOrgIds]);
  const kindOf = (id: string) => kinds.get(id) ?? 'township';
  const sender: OrgKind = kindOf(senderOrgId);
  const main = doc.mainRecipientOrgIds.map(kindOf);
  const violation = requestRuleViolation(doc.docType, sender, main, doc.copyRecipientOrgIds.map(kindOf));
  if (violation) throw new AppError(DocumentErrors[violation]);
  return isUpward(sender, main);
}

/** A document the actor may see: its own org's (or, for the county office, any org's), or one delivered to the actor's org. */
export async function readableDocument(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  assertMay(actor, 'business.read');
  const doc = await repo.byId(db, id);
  if (!doc) throw notFound();
  if (canReadOrg(actor, doc.orgId)) return doc;
  if (doc.status === 'draft') throw notFound();
  // A co-issuing org sees the draft it countersigns.
  if (doc.countersignOrgIds.includes(actor.orgId) || (await repo.deliveredTo(db, doc.id, actor.orgId))) return doc;
  throw notFound();
}

/** A readable document the actor may render as the GB/T 9704 PDF (not a classified one, not a bare draft). */
export async function documentForPdf(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const doc = await readableDocument(db, actor, id);
  authorize(documentPolicy, actor, 'pdf', doc);
  return doc;
}

/** A readable document the actor may render as OFD (GB/T 33190): the PDF's rule, with the classified refusal of the metadata. */
export async function documentForOfd(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const doc = await readableDocument(db, actor, id);
  authorize(documentPolicy, actor, 'ofd', doc);
  return doc;
}

/** The document locked for a state change inside `tx`, once the policy allows `action` on it. */
async function lockedFor(tx: Tx, actor: Actor, id: string, action: DocumentAction): Promise<DocumentRow> {
  const doc = await repo.byId(tx, id, { lock: true });
  if (!doc || !canReadOrg(actor, doc.orgId)) throw notFound();
  authorize(documentPolicy, actor, action, doc, await documentFacts(tx, doc));
  return doc;
}

/** The outgoing documents of the caller's scope; `orgId` narrows it to one office (another org's, for a township: nothing). */
export async function listDocuments(
  db: Db,
  ctx: RequestContext,
  { orgId, page, pageSize, ...q }: Omit<DocumentListQuery, 'sort'> & Partial<Pick<DocumentListQuery, 'sort'>>,
) {
  assertMay(ctx.actor, 'business.read');
  const scope = orgScope(ctx.actor);
  const orgIds = scope.kind === 'all' ? (orgId ? [orgId] : null) : orgId ? scope.orgIds.filter((x) => x === orgId) : scope.orgIds;
  return repo.listForOrg(db, { ...q, orgIds }, pageSize, (page - 1) * pageSize);
}

/** What other modules' seams pass (a meeting's 纪要, a duty report): the joint-document fields are optional for them. */
type DraftInput = Omit<DocumentDraft, 'important' | 'countersignOrgIds' | 'mainRecipientGroupIds' | 'copyRecipientGroupIds'> &
  Partial<Pick<DocumentDraft, 'important' | 'countersignOrgIds' | 'mainRecipientGroupIds' | 'copyRecipientGroupIds'>>;

export async function draftDocument(db: Db, ctx: RequestContext, draft: DraftInput): Promise<DocumentRow> {
  const input = { ...draft, important: draft.important ?? false, countersignOrgIds: draft.countersignOrgIds ?? [] };
  assertMay(ctx.actor, 'documents.draft');
  refuseClassifiedContent(input.classification, input.body, input.attachmentNote);
  await checkRecipients(db, ctx.actor, input.mainRecipientOrgIds, input.copyRecipientOrgIds);
  const to = await resolveRecipients(db, ctx.actor, input);
  await checkCountersignOrgs(db, ctx.actor, input.countersignOrgIds, [...to.mainRecipientOrgIds, ...to.copyRecipientOrgIds]);
  const upward = await directionAndRules(db, ctx.actor.orgId, { docType: input.docType, ...to });
  return db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      orgId: ctx.actor.orgId,
      docType: input.docType,
      title: input.title,
      body: isClassified(input.classification) ? null : (input.body ?? null),
      attachmentNote: input.attachmentNote || null,
      remark: input.remark || null,
      urgency: input.urgency,
      classification: input.classification,
      mainRecipientOrgIds: to.mainRecipientOrgIds,
      copyRecipientOrgIds: to.copyRecipientOrgIds,
      mainRecipientGroups: to.mainRecipientGroups,
      copyRecipientGroups: to.copyRecipientGroups,
      drafterId: ctx.actor.userId,
      upward,
      important: input.important,
      countersignOrgIds: input.countersignOrgIds,
      ...secrecyColumns(isClassified(input.classification) ? input.secrecyPeriod : null),
    });
    await writeAudit(tx, ctx, {
      action: 'document.draft',
      entity: 'document',
      entityId: row.id,
      after: { ...row, body: row.body ? `[${row.body.length} chars]` : null },
    });
    return row;
  });
}

/** Edits a draft. After sign-off a substantive change sends it back to the signer (条例 第二十五条). */
export async function updateDocument(db: Db, ctx: RequestContext, id: string, input: DocumentUpdate): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.draft');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'edit');
    const { secrecyPeriod, mainRecipientOrgIds, copyRecipientOrgIds, mainRecipientGroupIds, copyRecipientGroupIds, ...fields } = input;
    const addressing = { mainRecipientOrgIds, copyRecipientOrgIds, mainRecipientGroupIds, copyRecipientGroupIds };
    const readdressed = Object.values(addressing).some((v) => v !== undefined);
    const to = readdressed ? await resolveRecipients(tx, ctx.actor, addressing, doc) : null;
    const next = {
      ...doc,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(to
        ? {
            mainRecipientOrgIds: to.mainRecipientOrgIds,
            copyRecipientOrgIds: to.copyRecipientOrgIds,
            mainRecipientGroups: to.mainRecipientGroups,
            copyRecipientGroups: to.copyRecipientGroups,
          }
        : {}),
    } as DocumentRow;
    // 保密期限 belongs to the 密级: given with 非密 it is refused; a draft made 非密 drops the period it had.
    if (secrecyPeriod && !isClassified(next.classification)) throw new AppError(DocumentErrors.SECRECY_PERIOD_UNCLASSIFIED);
    const secrecy = !isClassified(next.classification)
      ? secrecyColumns(null)
      : secrecyPeriod !== undefined
        ? secrecyColumns(secrecyPeriod)
        : { secrecyUnit: doc.secrecyUnit, secrecyAmount: doc.secrecyAmount };
    refuseClassifiedContent(next.classification, next.body, next.attachmentNote);
    if (isClassified(next.classification) && (await repo.attachmentsOf(tx, id)).length > 0)
      throw new AppError(DocumentErrors.CLASSIFIED_NO_CONTENT, { level: labelRef('CLASSIFICATION', next.classification) });
    if (to) await checkRecipients(db, ctx.actor, to.mainSingles, to.copySingles);
    if (input.countersignOrgIds || to)
      await checkCountersignOrgs(db, ctx.actor, next.countersignOrgIds, [...next.mainRecipientOrgIds, ...next.copyRecipientOrgIds]);
    const upward = await directionAndRules(db, doc.orgId, next);
    const changed: string[] = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (k) => fields[k] !== undefined && JSON.stringify(fields[k]) !== JSON.stringify(doc[k]),
    );
    if (JSON.stringify(secrecyOf(secrecy)) !== JSON.stringify(secrecyOf(doc))) changed.push('secrecyPeriod');
    if (to && recipientsChanged(doc, to)) changed.push('recipients');
    const backToSigner = RESIGN_STATUSES.includes(doc.status) && changed.length > 0;
    // 痕迹保留: a classified record keeps no content, in its versions either (before the cascade checks them).
    if (isClassified(next.classification) && !isClassified(doc.classification)) await clearRevisionBodies(tx, id);
    const row = await repo.update(tx, id, {
      docType: next.docType,
      title: next.title,
      body: next.body,
      attachmentNote: next.attachmentNote,
      remark: next.remark,
      urgency: next.urgency,
      classification: next.classification,
      mainRecipientOrgIds: next.mainRecipientOrgIds,
      copyRecipientOrgIds: next.copyRecipientOrgIds,
      mainRecipientGroups: next.mainRecipientGroups,
      copyRecipientGroups: next.copyRecipientGroups,
      upward,
      important: next.important,
      countersignOrgIds: next.countersignOrgIds,
      countersignedOrgIds: next.countersignedOrgIds.filter((o) => next.countersignOrgIds.includes(o)),
      ...secrecy,
      ...(backToSigner
        ? {
            status: 'reviewed' as const,
            signerId: null,
            signerName: null,
            signerForId: null,
            signerForName: null,
            signOffOpinion: null,
            signedAt: null,
            writtenDate: null,
            recheckedBy: null,
            recheckedAt: null,
            // 复审 by the one who signed it
            // (委托: the leader a delegate signed for, whom the delegate may again act for)
            originalSignerId: doc.signerForId ?? doc.signerId,
            originalSignerName: doc.signerForName ?? doc.signerName,
          }
        : {}),
    });
    // 痕迹保留: after submission, a save that changes the title or body is a new version (a draft is the drafter's scratch).
    const revision = doc.status !== 'draft' ? await recordRevision(tx, ctx, row, doc.status) : null;
    await writeAudit(tx, ctx, {
      action: backToSigner ? 'document.update.resign' : 'document.update',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status, changed },
      after: { status: row.status, ...(revision ? { revision } : {}) },
    });
    return row;
  });
}

export async function submitDocument(db: Db, ctx: RequestContext, id: string): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.draft');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'submit');
    // Drafts from before the rules were checked on saving are held to them here (第十五条).
    await directionAndRules(tx, doc.orgId, doc);
    // A (re)submission opens a new round of 会签.
    const row = await repo.update(tx, id, { status: 'in_review', submittedAt: new Date(), countersignedOrgIds: [] });
    // 痕迹保留: version 1 is the document as submitted (a resubmission adds none unless it differs from the latest).
    const revision = await recordRevision(tx, ctx, row, doc.status);
    await writeAudit(tx, ctx, {
      action: 'document.submit',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: { status: row.status, ...(revision ? { revision } : {}) },
    });
    return row;
  });
}

export async function reviewDocument(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: 'approve' | 'return'; comment: string },
): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.review');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'review');
    if (input.decision === 'return' && !input.comment) throw new AppError(DocumentErrors.REVIEW_COMMENT_REQUIRED);
    const row = await repo.update(tx, id, {
      status: input.decision === 'approve' ? 'reviewed' : 'returned',
      reviewerId: ctx.actor.userId,
      reviewedAt: new Date(),
      reviewComment: input.comment || null,
      // 加签: the added reviewer's decision is the review's; it moves on (or back) with it.
      ...NO_ADDED_REVIEWER,
    });
    await writeAudit(tx, ctx, {
      action: `document.review.${input.decision}`,
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status, ...(doc.addedReviewerId ? { addedReviewerId: doc.addedReviewerId, addedBy: doc.addedBy } : {}) },
      after: { status: row.status, comment: input.comment },
    });
    return row;
  });
}

/** 签发 by a leader, or by a delegate on a leader's behalf (委托: checked as that leader; both are recorded). */
export async function signOffDocument(db: Db, ctx: RequestContext, id: string, input: { opinion: string }): Promise<DocumentRow> {
  assertMayOrActsFor(ctx.actor, 'documents.signOff');
  return db.transaction(async (tx) => {
    const doc = await repo.byId(tx, id, { lock: true });
    if (!doc || !canReadOrg(ctx.actor, doc.orgId)) throw notFound();
    const { onBehalfOf } = authorizeActing(documentPolicy, ctx.actor, 'signOff', doc);
    const now = new Date();
    const row = await repo.update(tx, id, {
      status: 'signed_off',
      signerId: ctx.actor.userId,
      signerName: ctx.actor.displayName,
      signerForId: onBehalfOf?.userId ?? null,
      signerForName: onBehalfOf?.displayName ?? null,
      signOffOpinion: input.opinion,
      signedAt: now,
      writtenDate: chinaToday(now),
      originalSignerId: null,
      originalSignerName: null,
    });
    // The signer has seen the version they signed: a later change shows them what changed since.
    const seenRevision = await markSignedRevisionSeen(tx, ctx.actor, id);
    await writeAudit(tx, ctx, {
      action: 'document.signOff',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: {
        status: row.status,
        opinion: input.opinion,
        writtenDate: row.writtenDate,
        ...onBehalfOfAudit(onBehalfOf),
        ...(seenRevision ? { seenRevision } : {}),
      },
    });
    return row;
  });
}

/**
 * 会签 (条例 第二十二条 "联合发文由所有联署机关的负责人会签"): a leader of a co-issuing org approves
 * with an opinion, or returns the draft to the drafter (the round starts again on resubmission).
 */
export async function countersignDocument(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: 'approve' | 'return'; opinion: string },
): Promise<DocumentRow> {
  assertMayOrActsFor(ctx.actor, 'documents.countersign');
  return db.transaction(async (tx) => {
    const found = await repo.byId(tx, id, { lock: true });
    if (!found || !(canReadOrg(ctx.actor, found.orgId) || (found.status !== 'draft' && found.countersignOrgIds.includes(ctx.actor.orgId))))
      throw notFound();
    // 委托: a delegate countersigns for the co-issuing org's leader who is away (checked as that leader; both recorded).
    const { onBehalfOf } = authorizeActing(documentPolicy, ctx.actor, 'countersign', found);
    await repo.insertCountersign(tx, {
      documentId: id,
      orgId: ctx.actor.orgId,
      decision: input.decision,
      opinion: input.opinion,
      userId: ctx.actor.userId,
      userName: ctx.actor.displayName,
      forUserId: onBehalfOf?.userId ?? null,
      forUserName: onBehalfOf?.displayName ?? null,
    });
    const row = await repo.update(
      tx,
      id,
      input.decision === 'approve'
        ? { countersignedOrgIds: [...found.countersignedOrgIds, ctx.actor.orgId] }
        : { status: 'returned', countersignedOrgIds: [], reviewComment: input.opinion, ...NO_ADDED_REVIEWER },
    );
    await writeAudit(tx, ctx, {
      action: `document.countersign.${input.decision}`,
      entity: 'document',
      entityId: id,
      orgId: found.orgId,
      before: { status: found.status, countersigned: found.countersignedOrgIds.length },
      after: { status: row.status, countersigned: row.countersignedOrgIds.length, opinion: input.opinion, ...onBehalfOfAudit(onBehalfOf) },
    });
    return row;
  });
}

/** 复核: the office checks the approval chain, content, type and format of the signed document before numbering it. */
export async function recheckDocument(db: Db, ctx: RequestContext, id: string): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.number');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'recheck');
    const row = await repo.update(tx, id, { recheckedBy: ctx.actor.userId, recheckedAt: new Date() });
    await writeAudit(tx, ctx, {
      action: 'document.recheck',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
    });
    return row;
  });
}

/** 编号: the next number of the org's prefix for the year of the 成文日期, gap-free under concurrency. */
export async function numberDocument(db: Db, ctx: RequestContext, id: string): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.number');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'number');
    const org = await repo.orgById(tx, doc.orgId);
    const prefix = org?.numberPrefix;
    if (!prefix) throw new AppError(DocumentErrors.NO_NUMBER_PREFIX);
    const year = Number(doc.writtenDate!.slice(0, 4));
    const seq = await repo.nextSeq(tx, prefix, year, doc.orgId);
    const docNumber = formatDocNumber({ prefix, year, seq });
    const row = await repo.update(tx, id, {
      status: 'numbered',
      numberPrefix: prefix,
      numberYear: year,
      numberSeq: seq,
      docNumber,
      numberedBy: ctx.actor.userId,
      numberedAt: new Date(),
    });
    await writeAudit(tx, ctx, {
      action: 'document.number',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: { status: row.status, docNumber },
    });
    return row;
  });
}

export interface DispatchInput {
  channel: 'online' | 'paper';
  copies?: number;
  copyNumbers?: string;
  paperChannel?: PaperChannel;
  sentDate?: string;
}

/**
 * The 份号 a paper dispatch records. A classified document's copies are numbered by the system, per
 * document from 000001 (GB/T 9704—2012 7.2.1: six digits); numbers the clerk gives must be those.
 */
function paperCopyNumbers(doc: DocumentRow, input: DispatchInput): string | null {
  const given = input.copyNumbers ? parseCopyNumbers(input.copyNumbers) : null;
  if (!isClassified(doc.classification) || !input.copies) return given ? formatCopyNumbers(given) : null;
  const numbered = dispatchCopyNumbers(input.copies);
  if (given && formatCopyNumbers(given) !== numbered)
    throw new AppError(DocumentErrors.COPY_NUMBERS_NOT_SEQUENCE, { copies: input.copies, numbers: numbered });
  return numbered;
}

/** 分发: online, every main and copy recipient in one statement of one transaction; or recorded as sent on paper. */
export async function dispatchDocument(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: DispatchInput,
): Promise<{ doc: DocumentRow; deliveries: number }> {
  assertMay(ctx.actor, 'documents.dispatch');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, input.channel === 'online' ? 'dispatchOnline' : 'dispatchPaper');
    if (input.channel === 'paper' && !input.copies) throw new AppError(DocumentErrors.PAPER_NEEDS_COPIES);
    const paper = input.channel === 'paper';
    const copyNumbers = paper ? paperCopyNumbers(doc, input) : null;
    const dispatchedAt = paper && input.sentDate ? new Date(`${input.sentDate}T12:00:00+08:00`) : new Date();
    const row = await repo.update(tx, id, {
      status: 'dispatched',
      channel: input.channel,
      dispatchedBy: ctx.actor.userId,
      dispatchedAt,
      copies: input.copies ?? null,
      copyNumbers,
      paperChannel: paper ? (input.paperChannel ?? null) : null,
    });
    const count = input.channel === 'online' ? await repo.insertDeliveries(tx, row) : 0;
    // Online, the PDF is fixed now (its 印发日期 is today) and signed with the issuing org's key.
    const signature =
      input.channel === 'online'
        ? await signDispatched(tx, ctx, row, async () => renderOfficialDocument(await officialDocumentInput(tx, row)))
        : null;
    await writeAudit(tx, ctx, {
      action: 'document.dispatch',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: {
        status: row.status,
        channel: input.channel,
        deliveries: count,
        copies: input.copies ?? null,
        ...(copyNumbers ? { copyNumbers } : {}),
        ...(paper && input.paperChannel ? { paperChannel: input.paperChannel } : {}),
        ...(signature ? { signature: { sm3: signature.sm3, key: signature.fingerprint } } : {}),
      },
    });
    if (count > 0) await notify(tx, { type: 'delivery.created', documentId: id });
    return { doc: row, deliveries: count };
  });
}

/** 作废: the document keeps its number (shown void in the register); deliveries not yet acknowledged are withdrawn. */
export async function voidDocument(db: Db, ctx: RequestContext, id: string, input: { reason: string }): Promise<DocumentRow> {
  assertMay(ctx.actor, 'documents.dispatch');
  return db.transaction(async (tx) => {
    const doc = await lockedFor(tx, ctx.actor, id, 'void');
    // 作废 ends a pending 加签 with the rest of the flow.
    const row = await repo.update(tx, id, { status: 'void', voidedAt: new Date(), voidReason: input.reason, ...NO_ADDED_REVIEWER });
    const withdrawn = await repo.withdrawPendingOf(tx, id);
    await writeAudit(tx, ctx, {
      action: 'document.void',
      entity: 'document',
      entityId: id,
      orgId: doc.orgId,
      before: { status: doc.status },
      after: { status: 'void', reason: input.reason, withdrawn },
    });
    if (withdrawn > 0) await notify(tx, { type: 'delivery.updated', documentId: id });
    return row;
  });
}

/** The drafting slip as the API sends it (names, attachments, allowedActions). */
export async function documentView(db: Db, actor: Actor, doc: DocumentRow) {
  const [org, names, attachments, countersigns, orgNames, flowSteps, flowRecord] = await Promise.all([
    repo.orgById(db, doc.orgId),
    repo.userNames(db, [doc.drafterId, doc.reviewerId, doc.recheckedBy, doc.addedReviewerId, doc.addedBy]),
    repo.attachmentsOf(db, doc.id),
    repo.countersignsOf(db, doc.id),
    repo.orgNames(db, [...doc.countersignOrgIds, ...doc.mainRecipientOrgIds, ...doc.copyRecipientOrgIds]),
    // Another org (a recipient, a co-issuer) does not see how the sender's office handled its draft.
    canReadOrg(actor, doc.orgId) ? flowStepsOf(db, doc.id) : Promise.resolve([]),
    canReadOrg(actor, doc.orgId) ? flowRecordOf(db, doc) : Promise.resolve([]),
  ]);
  return presentDocument(actor, doc, {
    flowSteps,
    flowRecord,
    orgName: org?.name ?? '',
    names,
    attachments,
    countersigns,
    orgNames,
    warnings: documentWarnings(doc.docType, doc.body),
    replyTo: await replyToOf(db, actor, doc),
  });
}

/** The incoming entry a reply answers, for the replying org only (another org does not see its processing slip). */
async function replyToOf(db: Db, actor: Actor, doc: DocumentRow) {
  if (!doc.replyToIncomingId || !canReadOrg(actor, doc.orgId)) return null;
  const r = await repo.incomingSummary(db, doc.replyToIncomingId);
  return r ? { incomingId: r.id, title: r.title, docNumber: r.docNumber, senderName: r.senderName } : null;
}

/** Maps the record onto the GB/T 9704 renderer's input. */
export async function officialDocumentInput(db: DbOrTx, doc: DocumentRow) {
  const org = await repo.orgById(db, doc.orgId);
  const names = await repo.orgNames(db, [...doc.mainRecipientOrgIds, ...doc.copyRecipientOrgIds, ...doc.countersignOrgIds]);
  const attachments = await repo.attachmentsOf(db, doc.id);
  const printed = printedRecipientsOf(doc, names);
  const issuer = org?.name ?? '';
  const coIssuers = doc.countersignOrgIds.map((i) => names.get(i) ?? '').filter(Boolean);
  const today = chinaToday();
  // GB/T 9704 7.3.5.1 with the org's seal picture (set by the security administrator), 7.3.5.2 without.
  const seal = await sealForDocuments(db, doc.orgId);
  const coSeals: (Buffer | null)[] = [];
  for (const orgId of doc.countersignOrgIds) coSeals.push(await sealForDocuments(db, orgId));
  return {
    issuerName: `${issuer}文件`,
    // 联合行文 (GB/T 9704 7.2.4): the lead org first, "文件" to the right of the names.
    ...(coIssuers.length > 0 ? { issuers: [issuer, ...coIssuers], issuerSuffix: '文件' } : {}),
    ...(coIssuers.length > 0 ? { signatureNames: [issuer, ...coIssuers] } : {}),
    docNumber: doc.docNumber,
    // GB/T 9704 7.2.6: 签发人 on every upward document, whatever its type; 10.2: a 令 prints its 签发人 under the text.
    // Signed on a leader's behalf (委托): the signer's own name with 代 (domain/delegations printedSignerName).
    signer: doc.upward || formatOf(doc.docType) === 'order' ? printedSignerName(doc.signerName, doc.signerForName) : null,
    // GB/T 9704 chapter 10: 函, 命令(令) and 纪要 print in their special formats.
    docType: doc.docType,
    urgency: doc.urgency,
    title: doc.title,
    // GB/T 9704-2012 7.3.2 主送机关 / 7.4.2 抄送机关: a recipient group prints as its name (各乡镇（区）党委、政府).
    mainRecipients: printed.main.join('、'),
    body: doc.body ?? '',
    // 10.3: a 纪要's closing 出席/请假/列席 paragraphs print as its lists.
    ...(formatOf(doc.docType) === 'summary' ? liftSummaryLists(doc.body ?? '') : {}),
    attachments: attachments.map((a) => ({ name: a.fileName.replace(/\.[^.]+$/, '') })),
    signatureName: issuer,
    seal,
    ...(coIssuers.length > 0 ? { issuerSeals: [seal, ...coSeals] } : {}),
    writtenDate: doc.writtenDate ?? today,
    note: doc.remark,
    copyTo: printed.copy,
    printedBy: issuer,
    printedDate: doc.dispatchedAt ? chinaToday(doc.dispatchedAt) : (doc.writtenDate ?? today),
  };
}
