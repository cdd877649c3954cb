/** Response shapes of the documents module's API (the web builds on these). */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { recipientGroupSnapshotSchema } from './orgs.ts';
import {
  CHANNELS,
  CLASSIFICATIONS,
  COUNTERSIGN_STATUSES,
  DELIVERY_SENDER_ACTIONS,
  DELIVERY_STATUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_WARNINGS,
  FLOW_STEP_KINDS,
  FLOW_RECORD_ACTIONS,
  FLOW_RECORD_STEPS,
  INCOMING_STATUSES,
  PAPER_CHANNELS,
  SECRECY_UNITS,
  SIGNATURE_VERDICTS,
  URGENCIES,
} from './documents.ts';
import { fileResponse } from './print.ts';
import { LIVE_EVENT_TYPES } from './live-events.ts';

const iso = safeString();
const id = z.uuid();

/** 保密期限 (unit and number; 长期 has none), and the classified paper record's fields as the slips and registers show them. */
export const secrecyPeriodOut = z.object({ unit: z.enum(SECRECY_UNITS), amount: z.number().int().nullable().optional() });
const classifiedRecordOut = {
  secrecyPeriod: secrecyPeriodOut.nullable(),
  /** 密级和保密期限 as printed: 秘密★1年; '' when not classified. */
  secrecyMark: safeString(),
  /** 机要交通, 机要通信, 专人送达 (a paper original's way). */
  paperChannel: z.enum(PAPER_CHANNELS).nullable(),
};

export const attachmentOut = z.object({ id, fileName: safeString(), mime: safeString(), size: z.number().int(), createdAt: iso });

export const documentOut = z.object({
  id,
  orgId: id,
  orgName: safeString(),
  docType: safeString(),
  title: safeString(),
  body: safeString().nullable(),
  attachmentNote: safeString().nullable(),
  remark: safeString().nullable(),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  status: z.enum(DOCUMENT_STATUSES),
  /** Every recipient org (the groups' members included). */
  mainRecipientOrgIds: z.array(id),
  copyRecipientOrgIds: z.array(id),
  /** The recipient groups addressed, as frozen on the document; 主送 / 抄送 as printed (group names, then single orgs). */
  mainRecipientGroups: z.array(recipientGroupSnapshotSchema),
  copyRecipientGroups: z.array(recipientGroupSnapshotSchema),
  mainRecipientsText: safeString(),
  copyRecipientsText: safeString(),
  drafterId: id,
  drafterName: safeString().nullable(),
  draftedAt: iso,
  reviewerName: safeString().nullable(),
  reviewedAt: iso.nullable(),
  reviewComment: safeString().nullable(),
  signerName: safeString().nullable(),
  /** 委托: the leader on whose behalf signerName signed off; null when signed in their own right. */
  signerForName: safeString().nullable(),
  signOffOpinion: safeString().nullable(),
  signedAt: iso.nullable(),
  /** 成文日期 (YYYY-MM-DD) and as written on the document (2026年1月5日). */
  writtenDate: safeString().nullable(),
  writtenDateText: safeString().nullable(),
  docNumber: safeString().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  dispatchedAt: iso.nullable(),
  copies: z.number().int().nullable(),
  copyNumbers: safeString().nullable(),
  ...classifiedRecordOut,
  voidedAt: iso.nullable(),
  voidReason: safeString().nullable(),
  attachments: z.array(attachmentOut),
  /** 上行文 (some main recipient above the sender) and 重要公文: both signed by the principal leader. */
  upward: z.boolean(),
  important: z.boolean(),
  countersignOrgIds: z.array(id),
  /** 会签 of each co-issuing org in the current round. */
  countersigns: z.array(
    z.object({
      orgId: id,
      orgName: safeString(),
      status: z.enum(COUNTERSIGN_STATUSES),
      opinion: safeString().nullable(),
      userName: safeString().nullable(),
      /** 委托: the leader a delegate countersigned for (userName took it). */
      forUserName: safeString().nullable(),
      decidedAt: iso.nullable(),
    }),
  ),
  warnings: z.array(z.enum(DOCUMENT_WARNINGS)),
  /** 复核 before numbering. */
  recheckedAt: iso.nullable(),
  recheckedByName: safeString().nullable(),
  /** 复审: the original signer who signs again after a substantive change. */
  resignBy: safeString().nullable(),
  /** 复文: the incoming entry this document answers (shown to the replying org). */
  replyTo: z.object({ incomingId: id, title: safeString(), docNumber: safeString().nullable(), senderName: safeString() }).nullable(),
  /** 加签: the reviewer added while in review, pending their decision; who added them and the note. */
  addedReviewer: z.object({ id, name: safeString(), note: safeString().nullable(), addedByName: safeString() }).nullable(),
  /** 退回, 取回 and 加签, oldest first, with the reason and what was cleared. */
  flowSteps: z.array(
    z.object({
      kind: z.enum(FLOW_STEP_KINDS),
      fromStatus: z.enum(DOCUMENT_STATUSES),
      toStatus: z.enum(DOCUMENT_STATUSES),
      reason: safeString().nullable(),
      userName: safeString(),
      targetName: safeString().nullable(),
      at: iso,
    }),
  ),
  /** 流转记录: every step from the audit trail, oldest first (empty for another org's reader). */
  flowRecord: z.array(
    z.object({
      at: iso,
      userName: safeString(),
      /** 委托: the leader the step was taken for. */
      onBehalfOfName: safeString().nullable(),
      /** The actor's org when it is not the drafting org (a co-issuer's 会签). */
      orgName: safeString().nullable(),
      step: z.enum(FLOW_RECORD_STEPS),
      action: z.enum(FLOW_RECORD_ACTIONS),
      opinion: safeString().nullable(),
    }),
  ),
  allowedActions: z.array(safeString()),
});

export const documentListItem = z.object({
  id,
  orgId: id,
  docType: safeString(),
  title: safeString(),
  status: z.enum(DOCUMENT_STATUSES),
  docNumber: safeString().nullable(),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  draftedAt: iso,
  writtenDate: safeString().nullable(),
});

/** GET /api/documents. `total` is exact when `totalExact`; beyond a thousand rows it is the planner's estimate. */
export const documentListOut = pageOf(documentListItem).extend({ totalExact: z.boolean() });

/** 痕迹保留 (issue 13): the versions of the title and body kept since submission. */
export const revisionItemOut = z.object({
  seq: z.number().int(),
  title: safeString(),
  savedBy: z.object({ id, displayName: safeString() }),
  savedAt: iso,
  /** The document's status when the change was saved (拟稿 for the version submitted). */
  step: z.enum(DOCUMENT_STATUSES),
});
export const revisionsOut = z.object({
  items: z.array(revisionItemOut),
  /** The latest version the caller had seen before this request; null when never. */
  lastSeenSeq: z.number().int().nullable(),
});
const revisionSeq = z.coerce
  .number({ message: '版本号应为从 1 开始的整数 / The version must be a whole number from 1' })
  .int({ message: '版本号应为从 1 开始的整数 / The version must be a whole number from 1' })
  .min(1, { message: '版本号应为从 1 开始的整数 / The version must be a whole number from 1' })
  .max(1_000_000, { message: '版本号过大 / The version number is too large' });
export const revisionDiffQuery = z.object({ from: revisionSeq, to: revisionSeq }).strict();
export const DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export const diffSegmentOut = z.object({ op: z.enum(DIFF_OPS), text: safeString() });
export type DiffSegment = z.infer<typeof diffSegmentOut>;
export const revisionDiffOut = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(diffSegmentOut),
  /** Empty for a classified paper record, which has no body. */
  body: z.array(diffSegmentOut),
});

export const deliveryOut = z.object({
  id,
  recipientOrgId: id,
  recipientOrgName: safeString(),
  recipientKind: z.enum(['main', 'copy']),
  status: z.enum(DELIVERY_STATUSES),
  sentAt: iso,
  acknowledgedAt: iso.nullable(),
  acknowledgedBy: safeString().nullable(),
  returnedAt: iso.nullable(),
  returnReason: safeString().nullable(),
  withdrawnAt: iso.nullable(),
  remindedAt: iso.nullable(),
  reminderCount: z.number().int(),
  overdue: z.boolean(),
  /** Every 退回 of this delivery, oldest first, with the 补发 that answered it. */
  returns: z.array(
    z.object({
      returnedAt: iso,
      returnedBy: safeString().nullable(),
      reason: safeString(),
      resentAt: iso.nullable(),
      resentBy: safeString().nullable(),
      note: safeString().nullable(),
    }),
  ),
  allowedActions: z.array(z.enum(DELIVERY_SENDER_ACTIONS)),
});
export const receiptTableOut = z.object({
  items: z.array(deliveryOut),
  summary: z.object({
    total: z.number(),
    acknowledged: z.number(),
    pending: z.number(),
    returned: z.number(),
    withdrawn: z.number(),
    overdue: z.number(),
  }),
});

export const inboxItemOut = z.object({
  id,
  documentId: id,
  title: safeString(),
  docNumber: safeString().nullable(),
  docType: safeString(),
  status: z.enum(DELIVERY_STATUSES),
  urgency: z.enum(URGENCIES),
  senderOrgId: id,
  senderName: safeString(),
  recipientKind: z.enum(['main', 'copy']),
  sentAt: iso,
  acknowledgedAt: iso.nullable(),
  /** 催收 by the sender so far (已催 N 次), and the latest. */
  reminderCount: z.number().int(),
  remindedAt: iso.nullable(),
  /** When it was last sent again after a 退回 (补发), or null. */
  resentAt: iso.nullable(),
});
export const inboxOut = z.object({
  items: z.array(inboxItemOut),
  total: z.number().int(),
  /** Whether `total` is exact; beyond a thousand deliveries it is the planner's estimate. `pending` is always exact. */
  totalExact: z.boolean(),
  pending: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const incomingOut = z.object({
  id,
  orgId: id,
  serial: safeString(),
  channel: z.enum(CHANNELS),
  deliveryId: id.nullable(),
  documentId: id.nullable(),
  senderOrgId: id.nullable(),
  senderName: safeString(),
  docNumber: safeString().nullable(),
  title: safeString(),
  docType: safeString().nullable(),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  copies: z.number().int(),
  copyNumbers: safeString().nullable(),
  ...classifiedRecordOut,
  body: safeString().nullable(),
  receivedDate: safeString(),
  receivedByName: safeString().nullable(),
  status: z.enum(INCOMING_STATUSES),
  mode: z.enum(['read', 'act']).nullable(),
  returnReason: safeString().nullable(),
  proposal: safeString().nullable(),
  proposedByName: safeString().nullable(),
  instruction: safeString().nullable(),
  instructedByName: safeString().nullable(),
  /** 委托: the leader on whose behalf instructedByName instructed; null when in their own right. */
  instructedForName: safeString().nullable(),
  handlers: z.array(z.object({ id, name: safeString() })),
  deadline: safeString().nullable(),
  overdue: z.boolean(),
  result: safeString().nullable(),
  closedAt: iso.nullable(),
  closedByName: safeString().nullable(),
  reply: safeString().nullable(),
  repliedAt: iso.nullable(),
  replyDocument: z.object({ id, docNumber: safeString().nullable(), title: safeString() }).nullable(),
  circulation: z.array(z.object({ userId: id, name: safeString(), sentAt: iso, readAt: iso.nullable(), note: safeString().nullable() })),
  reminders: z.array(z.object({ kind: safeString(), note: safeString().nullable(), sentAt: iso })),
  allowedActions: z.array(safeString()),
});
export const incomingListItem = z.object({
  id,
  orgId: id,
  serial: safeString(),
  channel: z.enum(CHANNELS),
  senderName: safeString(),
  docNumber: safeString().nullable(),
  title: safeString(),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  receivedDate: safeString(),
  status: z.enum(INCOMING_STATUSES),
  mode: z.enum(['read', 'act']).nullable(),
  deadline: safeString().nullable(),
});

/**
 * The core metadata of an electronic official document (GB/T 33480-2016 defines them on the
 * elements of GB/T 9704-2012): what `GET /api/documents/{id}/metadata` sends (and, with
 * `?format=xml`, the same as XML).
 */
export const documentMetadataOut = z.object({
  /** 公文标识: this system's identifier of the document. */
  identifier: id,
  docNumber: safeString().nullable(),
  docType: safeString(),
  /** 份号 (GB/T 9704—2012 7.2.1) of the paper copies where the document has them; null for an electronic copy. */
  copyNo: safeString().nullable(),
  /** 密级和保密期限 (7.2.2) where the document has them: empty here in practice, as a classified document has no electronic form. */
  classification: safeString(),
  secrecyPeriod: safeString().nullable(),
  urgency: safeString(),
  /** 发文机关标志 as printed, and 发文机关 (the lead org first for a joint document). */
  masthead: safeString(),
  issuer: safeString(),
  coIssuers: z.array(safeString()),
  signer: safeString().nullable(),
  title: safeString(),
  mainRecipients: z.array(safeString()),
  attachmentNote: z.array(safeString()),
  signatures: z.array(safeString()),
  writtenDate: safeString().nullable(),
  note: safeString().nullable(),
  copyRecipients: z.array(safeString()),
  printedBy: safeString(),
  printedDate: safeString().nullable(),
});
export type DocumentMetadata = z.infer<typeof documentMetadataOut>;

/** A row of the 发文登记本 (GET /api/registers/outgoing): labels resolved, 作废 folded into 备注. */
export const outgoingRegisterItem = z.object({
  id,
  orgId: id,
  docNumber: safeString(),
  title: safeString(),
  docType: safeString(),
  classification: safeString(),
  urgency: safeString(),
  drafter: safeString().nullable(),
  signer: safeString().nullable(),
  writtenDate: safeString().nullable(),
  mainRecipients: safeString().nullable(),
  copyRecipients: safeString().nullable(),
  copies: z.number().nullable(),
  /** 份号 of the copies dispatched on paper (000001–000005). */
  copyNumbers: safeString().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  /** 密级和保密期限 (秘密★1年) and the paper channel. */
  secrecyMark: safeString(),
  paperChannel: z.enum(PAPER_CHANNELS).nullable(),
  void: z.boolean(),
  remark: safeString().nullable(),
});
/** `total` is exact when `totalExact`; beyond a thousand rows it is the planner's estimate. */
export const outgoingRegisterOut = pageOf(outgoingRegisterItem).extend({ totalExact: z.boolean() });

/** A row of the 收文登记本 (GET /api/registers/incoming). */
export const incomingRegisterItem = z.object({
  id,
  orgId: id,
  serial: safeString(),
  receivedDate: safeString(),
  senderName: safeString(),
  docNumber: safeString().nullable(),
  title: safeString(),
  classification: safeString(),
  copies: z.number(),
  copyNumbers: safeString().nullable(),
  secrecyMark: safeString(),
  paperChannel: z.enum(PAPER_CHANNELS).nullable(),
  urgency: safeString(),
  proposal: safeString().nullable(),
  instruction: safeString().nullable(),
  handlers: safeString().nullable(),
  deadline: safeString().nullable(),
  closedAt: iso.nullable(),
  archived: z.boolean(),
  channel: z.enum(CHANNELS),
  status: safeString(),
});
/** The 收文登记本's total is exact up to a threshold and the planner's estimate beyond it (`totalExact: false`). */
export const incomingRegisterOut = pageOf(incomingRegisterItem).extend({ totalExact: z.boolean() });

export { LIVE_EVENT_TYPES };
/** One message of the live stream (GET /api/events, server-sent), as NOTIFY carries it between processes. */
export const liveEventOut = z.object({
  type: z.enum(LIVE_EVENT_TYPES),
  /** Target orgs; when absent, the recipients of `documentId`'s live deliveries. */
  orgIds: z.array(id).optional(),
  documentId: id.optional(),
  deliveryId: id.optional(),
  incomingId: id.optional(),
  /** Users of the target org the event is meant for (handlers, readers); others may ignore it. */
  userIds: z.array(id).optional(),
});

/** The official document as OFD (GB/T 33190-2016): a zip package, so the body is a file, not JSON. */
export const OFD_MIME = 'application/ofd';
export const documentOfdOut = fileResponse(OFD_MIME);

/** Signed documents: the signature kept for a document dispatched online, checked again on each read. */
export const signatureStateOut = z.object({
  signed: z.boolean(),
  verifies: z.boolean(),
  reason: z.enum(SIGNATURE_VERDICTS),
  message: safeString(),
  orgName: safeString().nullable(),
  fingerprint: safeString().nullable(),
  sm3: safeString().nullable(),
  signedAt: safeString().nullable(),
  signedBy: safeString().nullable(),
});
export type SignatureState = z.infer<typeof signatureStateOut>;

/** The check of an uploaded PDF against the document's signature. */
export const signatureCheckOut = z.object({
  verifies: z.boolean(),
  reason: z.enum(SIGNATURE_VERDICTS),
  message: safeString(),
  /** SM3 of the uploaded bytes, hex. */
  sm3: safeString(),
  /** SM3 of the signed bytes, hex (null when the document has no signature). */
  signedSm3: safeString().nullable(),
  size: z.number().int(),
});
export type SignatureCheck = z.infer<typeof signatureCheckOut>;
