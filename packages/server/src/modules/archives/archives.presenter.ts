import type { ArchiveConfig, ArchiveItem, ArchiveItemDetail, ArchiveLoan } from '@township-office/domain/archives.api';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy.ts';
import { archiveItemPolicy, archiveLoanPolicy, type ItemForPolicy } from './archives.policy.ts';
import type { ArchiveAnnotationRow, ArchiveItemRow, ArchiveLoanRow, ArchiveTransferRow } from './archives.tables.ts';

export function presentItem(r: ArchiveItemRow): ArchiveItem {
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

/** The item page: the item, its annotations, the open loan, and what the caller may do with it. */
export function presentItemDetail(
  actor: Actor,
  item: ArchiveItemRow & ItemForPolicy & { annotations: ArchiveAnnotationRow[]; onLoan: ArchiveLoanRow | null },
): ArchiveItemDetail {
  return {
    ...presentItem(item),
    annotations: item.annotations.map(presentAnnotation),
    onLoan: item.onLoan ? { borrower: item.onLoan.borrower, dueOn: item.onLoan.dueOn } : null,
    allowedActions: allowedActions(archiveItemPolicy, actor, item),
  };
}

export const presentAnnotation = (a: ArchiveAnnotationRow) => ({
  id: a.id,
  field: a.field,
  note: a.note,
  createdAt: a.createdAt.toISOString(),
});

export function presentLoan(actor: Actor, l: ArchiveLoanRow, item: { archivalCode: string; title: string }, today: string): ArchiveLoan {
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

export const presentTransfer = (t: ArchiveTransferRow) => ({
  id: t.id,
  year: t.year,
  receiver: t.receiver,
  itemCount: t.itemCount,
  createdAt: t.createdAt.toISOString(),
});

/** The set-up as the API publishes it: the 全宗号 and scheme, and the classes (no row ids, no editor). */
export function presentConfig(c: {
  config: { fondsCode: string; scheme: ArchiveConfig['classes'][number]['kind'] } | null;
  classes: { kind: ArchiveConfig['classes'][number]['kind']; code: string; name: string }[];
}): ArchiveConfig {
  return {
    config: c.config ? { fondsCode: c.config.fondsCode, scheme: c.config.scheme } : null,
    classes: c.classes.map((k) => ({ kind: k.kind, code: k.code, name: k.name })),
  };
}
