/** Response shapes of the documents module's API (the web builds on these). */
import { z } from 'zod';
import { CHANNELS, CLASSIFICATIONS, DELIVERY_STATUSES, DOCUMENT_STATUSES, INCOMING_STATUSES, URGENCIES } from './documents.ts';

const iso = z.string();
const id = z.string().uuid();

export const attachmentOut = z.object({ id, fileName: z.string(), mime: z.string(), size: z.number().int(), createdAt: iso });

export const documentOut = z.object({
  id,
  orgId: id,
  orgName: z.string(),
  docType: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  attachmentNote: z.string().nullable(),
  remark: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  status: z.enum(DOCUMENT_STATUSES),
  mainRecipientOrgIds: z.array(id),
  copyRecipientOrgIds: z.array(id),
  drafterId: id,
  drafterName: z.string().nullable(),
  draftedAt: iso,
  reviewerName: z.string().nullable(),
  reviewedAt: iso.nullable(),
  reviewComment: z.string().nullable(),
  signerName: z.string().nullable(),
  signOffOpinion: z.string().nullable(),
  signedAt: iso.nullable(),
  /** 成文日期 (YYYY-MM-DD) and as written on the document (2026年1月5日). */
  writtenDate: z.string().nullable(),
  writtenDateText: z.string().nullable(),
  docNumber: z.string().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  dispatchedAt: iso.nullable(),
  copies: z.number().int().nullable(),
  copyNumbers: z.string().nullable(),
  voidedAt: iso.nullable(),
  voidReason: z.string().nullable(),
  attachments: z.array(attachmentOut),
  allowedActions: z.array(z.string()),
});

export const documentListItem = z.object({
  id, orgId: id, docType: z.string(), title: z.string(), status: z.enum(DOCUMENT_STATUSES), docNumber: z.string().nullable(),
  urgency: z.enum(URGENCIES), classification: z.enum(CLASSIFICATIONS), draftedAt: iso, writtenDate: z.string().nullable(),
});

export const deliveryOut = z.object({
  id, recipientOrgId: id, recipientOrgName: z.string(), recipientKind: z.enum(['main', 'copy']), status: z.enum(DELIVERY_STATUSES),
  sentAt: iso, acknowledgedAt: iso.nullable(), acknowledgedBy: z.string().nullable(), returnedAt: iso.nullable(), returnReason: z.string().nullable(),
  withdrawnAt: iso.nullable(), remindedAt: iso.nullable(), reminderCount: z.number().int(), overdue: z.boolean(),
});
export const receiptTableOut = z.object({
  items: z.array(deliveryOut),
  summary: z.object({ total: z.number(), acknowledged: z.number(), pending: z.number(), returned: z.number(), withdrawn: z.number(), overdue: z.number() }),
});

export const inboxItemOut = z.object({
  id, documentId: id, title: z.string(), docNumber: z.string().nullable(), docType: z.string(), status: z.enum(DELIVERY_STATUSES),
  urgency: z.enum(URGENCIES), senderOrgId: id, senderName: z.string(), recipientKind: z.enum(['main', 'copy']), sentAt: iso, acknowledgedAt: iso.nullable(),
});
export const inboxOut = z.object({ items: z.array(inboxItemOut), total: z.number().int(), pending: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const incomingOut = z.object({
  id, orgId: id, serial: z.string(), channel: z.enum(CHANNELS), deliveryId: id.nullable(), documentId: id.nullable(), senderOrgId: id.nullable(),
  senderName: z.string(), docNumber: z.string().nullable(), title: z.string(), docType: z.string().nullable(), urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS), copies: z.number().int(), copyNumbers: z.string().nullable(), body: z.string().nullable(),
  receivedDate: z.string(), receivedByName: z.string().nullable(), status: z.enum(INCOMING_STATUSES), mode: z.enum(['read', 'act']).nullable(),
  returnReason: z.string().nullable(), proposal: z.string().nullable(), proposedByName: z.string().nullable(), instruction: z.string().nullable(),
  instructedByName: z.string().nullable(), handlers: z.array(z.object({ id, name: z.string() })), deadline: z.string().nullable(), overdue: z.boolean(),
  result: z.string().nullable(), closedAt: iso.nullable(), closedByName: z.string().nullable(), reply: z.string().nullable(), repliedAt: iso.nullable(),
  circulation: z.array(z.object({ userId: id, name: z.string(), sentAt: iso, readAt: iso.nullable(), note: z.string().nullable() })),
  reminders: z.array(z.object({ kind: z.string(), note: z.string().nullable(), sentAt: iso })),
  allowedActions: z.array(z.string()),
});
export const incomingListItem = z.object({
  id, orgId: id, serial: z.string(), channel: z.enum(CHANNELS), senderName: z.string(), docNumber: z.string().nullable(), title: z.string(),
  urgency: z.enum(URGENCIES), classification: z.enum(CLASSIFICATIONS), receivedDate: z.string(), status: z.enum(INCOMING_STATUSES),
  mode: z.enum(['read', 'act']).nullable(), deadline: z.string().nullable(),
});
