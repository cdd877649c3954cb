/**
 * The archive's registers: the catalogue (归档文件目录) of one group, lending (借阅) with due dates and
 * returns, the retention expiry list for appraisal (鉴定), and transfer (移交) to the county archives.
 */
import { CLASS_KIND_LABELS, RETENTION_LABELS, type CatalogueQuery, type LoanCreate } from '@township-office/domain/archives';
import { ArchiveErrors } from '@township-office/domain/archives.errors';
import type { RegisterSpec } from '@township-office/domain/print';
import type { Db } from '../../db/client.ts';
import { assertMay, assertOwnOrg, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { archiveItemPolicy, archiveLoanPolicy } from './archives.policy.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { archivesRepository as repo } from './archives.repository.ts';

const CLASSIFICATION_TEXT = { none: '', confidential: '秘密', secret: '机密', top_secret: '绝密' } as const;

export const CATALOGUE_COLUMNS: RegisterSpec['columns'] = [
  { key: 'seq', header: '序号', width: 4, align: 'center' },
  { key: 'archivalCode', header: '档号', width: 16 },
  { key: 'docNumber', header: '文号', width: 12 },
  { key: 'responsible', header: '责任者', width: 10 },
  { key: 'title', header: '题名', width: 26 },
  { key: 'date', header: '日期', width: 8, align: 'center' },
  { key: 'classification', header: '密级', width: 4, align: 'center' },
  { key: 'pages', header: '页数', width: 4, align: 'center' },
  { key: 'remark', header: '备注', width: 12 },
];

/** One group's catalogue rows; a group is 机构 or 问题, and must be what the year was filed by. */
export async function catalogue(db: Db, ctx: RequestContext, q: CatalogueQuery) {
  const orgId = q.orgId ?? ctx.actor.orgId;
  assertReadableOrg(ctx.actor, orgId);
  const kind = q.unitCode ? 'unit' : 'subject';
  const classCode = (q.unitCode ?? q.subjectCode)!;
  const items = await repo.group(db, orgId, q.year, q.retention, classCode);
  const mixed = items.find((i) => i.classKind !== kind);
  if (mixed) throw new AppError(ArchiveErrors.ARCHIVE_SCHEME_MISMATCH, { year: q.year, existing: CLASS_KIND_LABELS[mixed.classKind] });
  const notes = await repo.annotations(
    db,
    items.map((i) => i.id),
  );
  const org = await orgById(db, orgId);
  const classes = await repo.classes(db, orgId);
  const className = classes.find((c) => c.kind === kind && c.code === classCode)?.name ?? classCode;
  const rows = items.map((i, n) => ({
    seq: n + 1,
    id: i.id,
    archivalCode: i.archivalCode,
    docNumber: i.docNumber ?? '',
    responsible: i.responsible,
    title: i.title,
    date: i.docDate.replaceAll('-', ''),
    classification: CLASSIFICATION_TEXT[i.classification],
    pages: i.pages,
    remark: [i.remark, ...notes.filter((a) => a.itemId === i.id).map((a) => `更正：${a.note}`)].filter(Boolean).join('；'),
  }));
  const spec: RegisterSpec = {
    title: '归档文件目录',
    orgName: org?.name ?? '',
    filterSummary: `年度：${q.year} · 保管期限：${RETENTION_LABELS[q.retention]} · ${CLASS_KIND_LABELS[kind]}：${className}（${classCode}）`,
    columns: CATALOGUE_COLUMNS,
    rows,
    footer: `共 ${rows.length} 件，${rows.reduce((s, r) => s + r.pages, 0)} 页`,
  };
  return { rows, spec, fileBase: `归档文件目录-${q.year}-${q.retention}-${classCode}` };
}

export async function lend(db: Db, ctx: RequestContext, input: LoanCreate, today: string) {
  assertMay(ctx.actor, 'archives.manage');
  const item = await repo.itemById(db, input.itemId);
  if (!item) throw notFound();
  assertOwnOrg(ctx.actor, item.orgId);
  if (input.dueOn < today) throw new AppError(ArchiveErrors.ARCHIVE_LOAN_DUE_PAST);
  authorize(archiveItemPolicy, ctx.actor, 'lend', { ...item, onLoan: (await repo.openLoan(db, item.id)) ?? null });
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertLoan(tx, {
        orgId: item.orgId,
        itemId: item.id,
        borrower: input.borrower,
        borrowerOrg: input.borrowerOrg ?? null,
        purpose: input.purpose,
        dueOn: input.dueOn,
        lentBy: ctx.actor.userId,
      });
      await writeAudit(tx, ctx, {
        action: 'archives.loan.lend',
        entity: 'archive_loan',
        entityId: row.id,
        after: { archivalCode: item.archivalCode, borrower: row.borrower, dueOn: row.dueOn },
      });
      return row;
    });
  } catch (err) {
    mapPgError(err, { archive_loans_open_uq: ArchiveErrors.ARCHIVE_JUST_LENT });
  }
}

export async function returnLoan(db: Db, ctx: RequestContext, id: string) {
  assertMay(ctx.actor, 'archives.manage');
  return db.transaction(async (tx) => {
    const loan = await repo.loanById(tx, id);
    if (!loan) throw notFound();
    authorize(archiveLoanPolicy, ctx.actor, 'return', loan);
    const row = await repo.returnLoan(tx, id, ctx.actor.userId);
    await writeAudit(tx, ctx, {
      action: 'archives.loan.return',
      entity: 'archive_loan',
      entityId: id,
      before: { returnedAt: null },
      after: { returnedAt: row.returnedAt },
    });
    return row;
  });
}

export function loans(db: Db, ctx: RequestContext, open?: boolean) {
  return repo.loans(db, orgScope(ctx.actor), open);
}

export function expiring(db: Db, ctx: RequestContext, asOfYear: number) {
  return repo.expiring(db, orgScope(ctx.actor), asOfYear);
}

export function transferable(db: Db, ctx: RequestContext, year: number) {
  return repo.transferable(db, ctx.actor.orgId, year);
}

export async function transfer(db: Db, ctx: RequestContext, input: { year: number; receiver: string }) {
  assertMay(ctx.actor, 'archives.manage');
  return db.transaction(async (tx) => {
    const items = await repo.transferable(tx, ctx.actor.orgId, input.year);
    if (!items.length) throw new AppError(ArchiveErrors.ARCHIVE_TRANSFER_EMPTY, { year: input.year });
    const row = await repo.insertTransfer(
      tx,
      { orgId: ctx.actor.orgId, year: input.year, receiver: input.receiver, itemCount: items.length, createdBy: ctx.actor.userId },
      items.map((i) => i.id),
    );
    await writeAudit(tx, ctx, {
      action: 'archives.transfer',
      entity: 'archive_transfer',
      entityId: row.id,
      after: { year: input.year, receiver: input.receiver, items: items.length },
    });
    return { transfer: row, items };
  });
}

export function transfers(db: Db, ctx: RequestContext) {
  return repo.transfers(db, orgScope(ctx.actor));
}
