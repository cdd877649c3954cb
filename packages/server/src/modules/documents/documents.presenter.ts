/** Allow-listed fields of the documents module's records; no row reaches the wire as it is. */
import { formatChineseDate, secrecyMark, secrecyOf, type CountersignStatus, type DocumentWarning } from '@township-office/domain/documents';
import type { Actor } from '../../platform/context.ts';
import { allowedActionsActing } from '../../platform/policy.ts';
import { DELEGABLE_DOCUMENT_ACTIONS, DELEGABLE_INCOMING_ACTIONS, documentPolicy, incomingPolicy } from './documents.policy.ts';
import type { AttachmentRow, CountersignRow, DocumentRow, IncomingRow } from './documents.tables.ts';
import type { FlowStepRow } from './flow.tables.ts';
import type { FlowRecordItem } from './flow.service.ts';
import type { incomingDetail } from './incoming.service.ts';
import type { receiptTable } from './deliveries.service.ts';
import type { documentsRepository } from './documents.repository.ts';
import { chinaToday } from '@township-office/domain/dates';
import { printedRecipientsOf } from './documents.recipients.ts';

const isoOrNull = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const iso = (d: Date | string) => new Date(d).toISOString();

/** 保密期限, 密级和保密期限 as printed (秘密★1年) and the paper channel of a document or an incoming entry. */
export function classifiedRecord(row: Pick<DocumentRow, 'classification' | 'secrecyUnit' | 'secrecyAmount' | 'paperChannel'>) {
  const secrecyPeriod = secrecyOf(row);
  return { secrecyPeriod, secrecyMark: secrecyMark(row.classification, secrecyPeriod), paperChannel: row.paperChannel };
}

/** The groups as frozen on the document and 主送 / 抄送 as printed (GB/T 9704-2012 7.3.2, 7.4.2). */
function presentRecipients(doc: DocumentRow, names: Map<string, string>) {
  const printed = printedRecipientsOf(doc, names);
  return {
    mainRecipientGroups: doc.mainRecipientGroups,
    copyRecipientGroups: doc.copyRecipientGroups,
    mainRecipientsText: printed.main.join('、'),
    copyRecipientsText: printed.copy.join('、'),
  };
}

export function presentAttachment(a: AttachmentRow) {
  return { id: a.id, fileName: a.fileName, mime: a.mime, size: Number(a.size), createdAt: iso(a.createdAt) };
}

export function presentDocument(
  actor: Actor,
  doc: DocumentRow,
  extra: {
    orgName: string;
    names: Map<string, string>;
    attachments: AttachmentRow[];
    countersigns: CountersignRow[];
    orgNames: Map<string, string>;
    warnings: DocumentWarning[];
    replyTo: { incomingId: string; title: string; docNumber: string | null; senderName: string } | null;
    flowSteps: FlowStepRow[];
    flowRecord: FlowRecordItem[];
  },
) {
  return {
    id: doc.id,
    orgId: doc.orgId,
    orgName: extra.orgName,
    docType: doc.docType,
    title: doc.title,
    body: doc.body,
    attachmentNote: doc.attachmentNote,
    remark: doc.remark,
    urgency: doc.urgency,
    classification: doc.classification,
    status: doc.status,
    mainRecipientOrgIds: doc.mainRecipientOrgIds,
    copyRecipientOrgIds: doc.copyRecipientOrgIds,
    ...presentRecipients(doc, extra.orgNames),
    drafterId: doc.drafterId,
    drafterName: extra.names.get(doc.drafterId) ?? null,
    draftedAt: iso(doc.draftedAt),
    reviewerName: doc.reviewerId ? (extra.names.get(doc.reviewerId) ?? null) : null,
    reviewedAt: isoOrNull(doc.reviewedAt),
    reviewComment: doc.reviewComment,
    signerName: doc.signerName,
    /** 委托: the leader on whose behalf signerName signed; null when signed in their own right. */
    signerForName: doc.signerForName,
    signOffOpinion: doc.signOffOpinion,
    signedAt: isoOrNull(doc.signedAt),
    writtenDate: doc.writtenDate,
    writtenDateText: doc.writtenDate ? formatChineseDate(doc.writtenDate) : null,
    docNumber: doc.docNumber,
    channel: doc.channel,
    dispatchedAt: isoOrNull(doc.dispatchedAt),
    copies: doc.copies,
    copyNumbers: doc.copyNumbers,
    ...classifiedRecord(doc),
    voidedAt: isoOrNull(doc.voidedAt),
    voidReason: doc.voidReason,
    attachments: extra.attachments.map(presentAttachment),
    upward: doc.upward,
    important: doc.important,
    countersignOrgIds: doc.countersignOrgIds,
    countersigns: presentCountersigns(doc, extra.countersigns, extra.orgNames),
    warnings: extra.warnings,
    recheckedAt: isoOrNull(doc.recheckedAt),
    recheckedByName: doc.recheckedBy ? (extra.names.get(doc.recheckedBy) ?? null) : null,
    resignBy: doc.originalSignerName,
    replyTo: extra.replyTo,
    addedReviewer: doc.addedReviewerId
      ? {
          id: doc.addedReviewerId,
          name: extra.names.get(doc.addedReviewerId) ?? '',
          note: doc.addedReviewerNote,
          addedByName: doc.addedBy ? (extra.names.get(doc.addedBy) ?? '') : '',
        }
      : null,
    flowSteps: extra.flowSteps.map((f) => ({
      kind: f.kind,
      fromStatus: f.fromStatus,
      toStatus: f.toStatus,
      reason: f.reason,
      userName: f.userName,
      targetName: f.targetName,
      at: iso(f.createdAt),
    })),
    flowRecord: extra.flowRecord.map((f) => ({ ...f, at: iso(f.at) })),
    allowedActions: allowedActionsActing(documentPolicy, DELEGABLE_DOCUMENT_ACTIONS, actor, doc, { names: extra.names }),
  };
}

/** Each co-issuing org's 会签 in the current round (since the last submission): its latest decision, or pending. */
export function presentCountersigns(doc: DocumentRow, rows: CountersignRow[], orgNames: Map<string, string>) {
  const since = doc.submittedAt ? new Date(doc.submittedAt).getTime() : 0;
  return doc.countersignOrgIds.map((orgId) => {
    const last = rows.filter((r) => r.orgId === orgId && new Date(r.decidedAt).getTime() >= since).at(-1);
    const status: CountersignStatus = doc.countersignedOrgIds.includes(orgId)
      ? 'approved'
      : last?.decision === 'return'
        ? 'returned'
        : 'pending';
    const shown = status === 'pending' ? undefined : last;
    return {
      orgId,
      orgName: orgNames.get(orgId) ?? '',
      status,
      opinion: shown?.opinion ?? null,
      userName: shown?.userName ?? null,
      forUserName: shown?.forUserName ?? null,
      decidedAt: shown ? iso(shown.decidedAt) : null,
    };
  });
}

type ListRow = Awaited<ReturnType<typeof documentsRepository.listForOrg>>['rows'][number];
export function presentDocumentListItem(r: ListRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    docType: r.doc_type,
    title: r.title,
    status: r.status as DocumentRow['status'],
    docNumber: r.doc_number,
    urgency: r.urgency as DocumentRow['urgency'],
    classification: r.classification as DocumentRow['classification'],
    draftedAt: iso(r.drafted_at),
    writtenDate: r.written_date,
  };
}

type Receipt = Awaited<ReturnType<typeof receiptTable>>;
export function presentReceiptTable(t: Receipt) {
  return {
    items: t.items.map((r) => ({
      id: r.id,
      recipientOrgId: r.org_id,
      recipientOrgName: r.org_name,
      recipientKind: r.recipient_kind as 'main' | 'copy',
      status: r.status as 'pending',
      sentAt: iso(r.sent_at),
      acknowledgedAt: isoOrNull(r.acknowledged_at),
      acknowledgedBy: r.acknowledged_by_name,
      returnedAt: isoOrNull(r.returned_at),
      returnReason: r.return_reason,
      withdrawnAt: isoOrNull(r.withdrawn_at),
      remindedAt: isoOrNull(r.reminded_at),
      reminderCount: Number(r.reminder_count),
      overdue: r.overdue,
      returns: r.returns.map((x) => ({
        returnedAt: iso(x.returned_at),
        returnedBy: x.returned_by_name,
        reason: x.reason,
        resentAt: isoOrNull(x.resent_at),
        resentBy: x.resent_by_name,
        note: x.resend_note,
      })),
      allowedActions: r.allowedActions,
    })),
    summary: t.summary,
  };
}

type InboxRow = Awaited<ReturnType<typeof documentsRepository.inbox>>['rows'][number];
export function presentInboxItem(r: InboxRow) {
  return {
    id: r.id,
    documentId: r.document_id,
    title: r.title,
    docNumber: r.doc_number,
    docType: r.doc_type,
    status: r.status as 'pending',
    urgency: r.urgency as 'none',
    senderOrgId: r.sender_org_id,
    senderName: r.sender_name,
    recipientKind: r.recipient_kind as 'main',
    sentAt: iso(r.sent_at),
    acknowledgedAt: isoOrNull(r.acknowledged_at),
    reminderCount: Number(r.reminder_count),
    remindedAt: isoOrNull(r.reminded_at),
    resentAt: isoOrNull(r.resent_at),
  };
}

type Detail = Awaited<ReturnType<typeof incomingDetail>>;
export function presentIncoming(actor: Actor, d: Detail, body: string | null) {
  const { row, names } = d;
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const mine = d.circulation.find((c) => c.userId === actor.userId);
  return {
    id: row.id,
    orgId: row.orgId,
    serial: row.serial,
    channel: row.channel,
    deliveryId: row.deliveryId,
    documentId: row.documentId,
    senderOrgId: row.senderOrgId,
    senderName: row.senderName,
    docNumber: row.docNumber,
    title: row.title,
    docType: row.docType,
    urgency: row.urgency,
    classification: row.classification,
    copies: row.copies,
    copyNumbers: row.copyNumbers,
    ...classifiedRecord(row),
    body,
    receivedDate: row.receivedDate,
    receivedByName: name(row.receivedBy),
    status: row.status,
    mode: row.mode,
    returnReason: row.returnReason,
    proposal: row.proposal,
    proposedByName: name(row.proposedBy),
    instruction: row.instruction,
    instructedByName: name(row.instructedBy),
    /** 委托: the leader on whose behalf instructedByName instructed; null when in their own right. */
    instructedForName: name(row.instructedFor),
    handlers: row.handlerIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    deadline: row.deadline,
    overdue: isOverdue(row),
    result: row.result,
    closedAt: isoOrNull(row.closedAt),
    closedByName: name(row.closedBy),
    reply: row.reply,
    repliedAt: isoOrNull(row.repliedAt),
    /** The reply (复文) drafted from this entry, with its number once numbered. */
    replyDocument: d.replyDoc,
    circulation: d.circulation.map((c) => ({
      userId: c.userId,
      name: c.name,
      sentAt: iso(c.sentAt),
      readAt: isoOrNull(c.readAt),
      note: c.note,
    })),
    reminders: d.reminders.map((r) => ({ kind: r.kind, note: r.note, sentAt: iso(r.sentAt) })),
    allowedActions: allowedActionsActing(incomingPolicy, DELEGABLE_INCOMING_ACTIONS, actor, row, {
      circulatedToMeUnread: !!mine && !mine.readAt,
    }),
  };
}

export function isOverdue(row: Pick<IncomingRow, 'status' | 'deadline'>, today = chinaToday()): boolean {
  return row.status === 'in_progress' && !!row.deadline && row.deadline < today;
}

export function presentIncomingListItem(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    serial: r.serial as string,
    channel: r.channel as 'online',
    senderName: r.sender_name as string,
    docNumber: (r.doc_number as string | null) ?? null,
    title: r.title as string,
    urgency: r.urgency as 'none',
    classification: r.classification as 'none',
    receivedDate: r.received_date as string,
    status: r.status as 'received',
    mode: (r.mode as 'read' | null) ?? null,
    deadline: (r.deadline as string | null) ?? null,
  };
}
