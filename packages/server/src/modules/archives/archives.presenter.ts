import { z } from 'zod';
import { CLASS_KINDS, RETENTIONS } from '@township-office/domain/archives';
import type { ArchiveAnnotationRow, ArchiveItemRow, ArchiveLoanRow, ArchiveTransferRow } from './archives.tables.ts';

export const itemOut = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  archivalCode: z.string(),
  fondsCode: z.string(),
  year: z.number().int(),
  retention: z.enum(RETENTIONS),
  classKind: z.enum(CLASS_KINDS),
  classCode: z.string(),
  itemNo: z.number().int(),
  sourceKind: z.enum(['outgoing', 'incoming', 'manual']),
  sourceId: z.string().uuid().nullable(),
  docNumber: z.string().nullable(),
  responsible: z.string(),
  title: z.string(),
  docDate: z.string(),
  classification: z.string(),
  pages: z.number().int(),
  remark: z.string().nullable(),
  components: z.array(z.object({ role: z.string(), label: z.string(), title: z.string(), pages: z.number() })),
  archivedAt: z.string(),
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

export const annotationOut = z.object({ id: z.string().uuid(), field: z.string().nullable(), note: z.string(), createdAt: z.string() });
export const presentAnnotation = (a: ArchiveAnnotationRow) => ({ id: a.id, field: a.field, note: a.note, createdAt: a.createdAt.toISOString() });

export const loanOut = z.object({
  id: z.string().uuid(),
  itemId: z.string().uuid(),
  archivalCode: z.string(),
  title: z.string(),
  borrower: z.string(),
  borrowerOrg: z.string().nullable(),
  purpose: z.string(),
  lentAt: z.string(),
  dueOn: z.string(),
  returnedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export function presentLoan(l: ArchiveLoanRow, item: { archivalCode: string; title: string }, today: string): z.infer<typeof loanOut> {
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
  };
}

export const transferOut = z.object({ id: z.string().uuid(), year: z.number(), receiver: z.string(), itemCount: z.number(), createdAt: z.string() });
export const presentTransfer = (t: ArchiveTransferRow) => ({ id: t.id, year: t.year, receiver: t.receiver, itemCount: t.itemCount, createdAt: t.createdAt.toISOString() });
