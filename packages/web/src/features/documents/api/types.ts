/** The documents API's response shapes, from the domain's zod schemas (types only: nothing of zod ships). */
import type { z } from 'zod';
import type {
  deliveryOut,
  documentListItem,
  documentOut,
  inboxItemOut,
  inboxOut,
  incomingListItem,
  incomingOut,
  incomingRegisterItem,
  liveEventOut,
  outgoingRegisterItem,
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

export type InboxPage = z.infer<typeof inboxOut>;
export type OutgoingRegisterRow = z.infer<typeof outgoingRegisterItem>;
export type IncomingRegisterRow = z.infer<typeof incomingRegisterItem>;
export type LiveEvent = z.infer<typeof liveEventOut>;
