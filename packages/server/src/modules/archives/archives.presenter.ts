import { z } from 'zod';
import { safeString } from '@township-office/domain/common';
import { CLASS_KINDS, RETENTIONS } from '@township-office/domain/archives';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { archiveItemPolicy, archiveLoanPolicy, type ItemForPolicy } from './archives.policy.ts';
import type { ArchiveAnnotationRow, ArchiveItemRow, ArchiveLoanRow, ArchiveTransferRow } from './archives.tables.ts';

export const itemOut = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  archivalCode: safeString(),
  fondsCode: safeString(),
  year: z.number().int(),
  retention: z.enum(RETENTIONS),
  classKind: z.enum(CLASS_KINDS),
  classCode: safeString(),
  itemNo: z.number().int(),
  sourceKind: z.enum(['outgoing', 'incoming', 'manual']),
  sourceId: z.uuid().nullable(),
  docNumber: safeString().nullable(),
  responsible: safeString(),
  title: safeString(),
  docDate: safeString(),
  classification: safeString(),
  pages: z.number().int(),
  remark: safeString().nullable(),
  components: z.array(z.object({ role: safeString(), label: safeString(), title: safeString(), pages: z.number() })),
  archivedAt: safeString(),
});

export function presentItem(r: ArchiveItemRow): z.infer<typeof itemOut> {
  return {
    id: r.id,
    orgId: r.orgId,
    archivalCode: r.archivalCode,
    fondsCode: r.fondsCode,
    year: r.year,
    retention: r.retention,
    classKind: r.classKind,
    classCode: r.classCode,
    itemNo: r.itemNo,
    sourceKind: r.sourceKind,
    sourceId: r.sourceId,
    docNumber: r.docNumber,
    responsible: r.responsible,
    title: r.title,
    docDate: r.docDate,
    classification: r.classification,
    pages: r.pages,
    remark: r.remark,
    components: r.components.map((c) => ({ role: c.role, label: c.label, title: c.title, pages: c.pages })),
    archivedAt: r.archivedAt.toISOString(),
  };
}

export const itemDetailOut = itemOut.extend({
  annotations: z.array(z.lazy(() => annotationOut)),
  onLoan: z.object({ borrower: safeString(), dueOn: safeString() }).nullable(),
  allowedActions: z.array(z.enum(archiveItemPolicy.actions)),
});

/** The item page: the item, its annotations, the open loan, and what the caller may do with it. */
export function presentItemDetail(
  actor: Actor,
  item: ArchiveItemRow & ItemForPolicy & { annotations: ArchiveAnnotationRow[]; onLoan: ArchiveLoanRow | null },
): z.infer<typeof itemDetailOut> {
  return {
    ...presentItem(item),
    annotations: item.annotations.map(presentAnnotation),
    onLoan: item.onLoan ? { borrower: item.onLoan.borrower, dueOn: item.onLoan.dueOn } : null,
    allowedActions: allowedActions(archiveItemPolicy, actor, item),
  };
}

export const annotationOut = z.object({ id: z.uuid(), field: safeString().nullable(), note: safeString(), createdAt: safeString() });
export const presentAnnotation = (a: ArchiveAnnotationRow) => ({
  id: a.id,
  field: a.field,
  note: a.note,
  createdAt: a.createdAt.toISOString(),
});

export const loanOut = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  archivalCode: safeString(),
  title: safeString(),
  borrower: safeString(),
  borrowerOrg: safeString().nullable(),
  purpose: safeString(),
  lentAt: safeString(),
  dueOn: safeString(),
  returnedAt: safeString().nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(z.enum(archiveLoanPolicy.actions)),
});
export function presentLoan(
  actor: Actor,
  l: ArchiveLoanRow,
  item: { archivalCode: string; title: string },
  today: string,
): z.infer<typeof loanOut> {
  return {
    id: l.id,
    itemId: l.itemId,
    archivalCode: item.archivalCode,
    title: item.title,
    borrower: l.borrower,
    borrowerOrg: l.borrowerOrg,
    purpose: l.purpose,
    lentAt: l.lentAt.toISOString(),
    dueOn: l.dueOn,
    returnedAt: l.returnedAt?.toISOString() ?? null,
    overdue: !l.returnedAt && l.dueOn < today,
    allowedActions: allowedActions(archiveLoanPolicy, actor, l),
  };
}

export const transferOut = z.object({
  id: z.uuid(),
  year: z.number(),
  receiver: safeString(),
  itemCount: z.number(),
  createdAt: safeString(),
});
export const presentTransfer = (t: ArchiveTransferRow) => ({
  id: t.id,
  year: t.year,
  receiver: t.receiver,
  itemCount: t.itemCount,
  createdAt: t.createdAt.toISOString(),
});
