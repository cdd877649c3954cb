/** The documents API's response shapes, from the domain's zod schemas (types only: nothing of zod ships). */
import type { z } from 'zod';
import type {
  deliveryOut,
  documentListItem,
  documentOut,
  inboxItemOut,
  incomingListItem,
  incomingOut,
  receiptTableOut,
} from '@township-office/domain/documents.api';

export type DocumentRecord = z.infer<typeof documentOut>;
export type DocumentListItem = z.infer<typeof documentListItem>;
export type Delivery = z.infer<typeof deliveryOut>;
export type ReceiptTable = z.infer<typeof receiptTableOut>;
export type InboxItem = z.infer<typeof inboxItemOut>;
export type IncomingRecord = z.infer<typeof incomingOut>;
export type IncomingListItem = z.infer<typeof incomingListItem>;

/** The one paged-list shape (lib/query.ts), re-exported for the documents feature's callers. */
export type { Page } from '../../../lib/query.ts';
import type { Page } from '../../../lib/query.ts';

export interface InboxPage extends Page<InboxItem> {
  pending: number;
}

export interface Person {
  id: string;
  displayName: string;
  role: string;
}

export interface OutgoingRegisterRow {
  id: string;
  orgId: string;
  docNumber: string;
  title: string;
  docType: string;
  classification: string;
  urgency: string;
  drafter: string | null;
  signer: string | null;
  writtenDate: string | null;
  mainRecipients: string | null;
  copyRecipients: string | null;
  copies: number | null;
  channel: 'online' | 'paper' | null;
  void: boolean;
  remark: string | null;
}

export interface IncomingRegisterRow {
  id: string;
  orgId: string;
  serial: string;
  receivedDate: string;
  senderName: string;
  docNumber: string | null;
  title: string;
  classification: string;
  copies: number;
  urgency: string;
  proposal: string | null;
  instruction: string | null;
  handlers: string | null;
  deadline: string | null;
  closedAt: string | null;
  archived: boolean;
  channel: 'online' | 'paper';
  status: string;
}
