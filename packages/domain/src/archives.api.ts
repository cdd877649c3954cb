/** Response shapes of the archives module's API (the server declares them, the web infers its types from them). */
import { z } from 'zod';
import { pageOf, safeString } from './common.ts';
import { CLASS_KINDS, RETENTIONS } from './archives.ts';

const id = z.uuid();
const iso = safeString();

/** The actions an archive item or a loan may offer; archives.policy.ts defines who may take them, and its type check keeps the two lists equal. */
export const ARCHIVE_ITEM_ACTIONS = ['annotate', 'lend', 'edit'] as const;
export const ARCHIVE_LOAN_ACTIONS = ['return'] as const;

export const archiveItemOut = z.object({
  id,
  orgId: id,
  archivalCode: safeString(),
  fondsCode: safeString(),
  year: z.number().int(),
  retention: z.enum(RETENTIONS),
  classKind: z.enum(CLASS_KINDS),
  classCode: safeString(),
  itemNo: z.number().int(),
  sourceKind: z.enum(['outgoing', 'incoming', 'manual']),
  sourceId: id.nullable(),
  docNumber: safeString().nullable(),
  responsible: safeString(),
  title: safeString(),
  docDate: safeString(),
  classification: safeString(),
  pages: z.number().int(),
  remark: safeString().nullable(),
  components: z.array(z.object({ role: safeString(), label: safeString(), title: safeString(), pages: z.number() })),
  archivedAt: iso,
});
export type ArchiveItem = z.infer<typeof archiveItemOut>;

export const archiveItemPageOut = pageOf(archiveItemOut);
export const archiveItemsOut = z.object({ items: z.array(archiveItemOut) });

export const archiveAnnotationOut = z.object({ id, field: safeString().nullable(), note: safeString(), createdAt: iso });

export const archiveItemDetailOut = archiveItemOut.extend({
  annotations: z.array(archiveAnnotationOut),
  onLoan: z.object({ borrower: safeString(), dueOn: safeString() }).nullable(),
  allowedActions: z.array(z.enum(ARCHIVE_ITEM_ACTIONS)),
});
export type ArchiveItemDetail = z.infer<typeof archiveItemDetailOut>;

export const archiveLoanOut = z.object({
  id,
  itemId: id,
  archivalCode: safeString(),
  title: safeString(),
  borrower: safeString(),
  borrowerOrg: safeString().nullable(),
  purpose: safeString(),
  lentAt: iso,
  dueOn: safeString(),
  returnedAt: iso.nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(z.enum(ARCHIVE_LOAN_ACTIONS)),
});
export type ArchiveLoan = z.infer<typeof archiveLoanOut>;
export const archiveLoansOut = z.object({ items: z.array(archiveLoanOut) });

export const archiveTransferOut = z.object({ id, year: z.number(), receiver: safeString(), itemCount: z.number(), createdAt: iso });
export const archiveTransfersOut = z.object({ items: z.array(archiveTransferOut) });

/** An office's archiving set-up: its 全宗号 and scheme (null until configured) and its classes. */
export const archiveConfigOut = z.object({
  config: z.object({ fondsCode: safeString(), scheme: z.enum(CLASS_KINDS) }).nullable(),
  classes: z.array(z.object({ kind: z.enum(CLASS_KINDS), code: safeString(), name: safeString() })),
});
export type ArchiveConfig = z.infer<typeof archiveConfigOut>;

/** A closed document of the year not yet archived. */
export const archiveCandidateOut = z.object({
  kind: z.enum(['outgoing', 'incoming']),
  id,
  docNumber: safeString().nullable(),
  title: safeString(),
  date: safeString(),
});
export type ArchiveCandidate = z.infer<typeof archiveCandidateOut>;
export const archiveCandidatesOut = z.object({ items: z.array(archiveCandidateOut) });

/** One row of the 归档文件目录 (DA/T 22 catalogue), as the JSON view of the printed register. */
export const catalogueRowOut = z.object({
  seq: z.number().int(),
  id,
  archivalCode: safeString(),
  docNumber: safeString(),
  responsible: safeString(),
  title: safeString(),
  date: safeString(),
  classification: safeString(),
  pages: z.number().int(),
  remark: safeString(),
});
export type CatalogueRow = z.infer<typeof catalogueRowOut>;
export const catalogueOut = z.object({
  items: z.array(catalogueRowOut),
  title: safeString(),
  filterSummary: safeString(),
  footer: safeString(),
});
