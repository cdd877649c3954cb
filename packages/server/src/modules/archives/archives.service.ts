/**
 * 归档: closed documents become items (件) of the org's archive, classified by year, retention and
 * org unit or subject, numbered gap-free per group, given their 档号, and never changed again.
 */
import {
  CLASS_KIND_LABELS,
  formatArchivalCode,
  type ArchiveBatch,
  type ArchiveConfigInput,
  type ArchiveItemCreate,
  type ClassKind,
} from '@township-office/domain/archives';
import { ArchiveErrors } from '@township-office/domain/archives.errors';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertMay, assertOwnOrg, assertReadableOrg, canReadOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { archiveItemPolicy } from './archives.policy.ts';
import { archiveSources, type ArchiveDraft } from './archives.sources.ts';
import { archivesRepository as repo, type ArchiveItemFilter } from './archives.repository.ts';
import type { ArchiveItemRow } from './archives.tables.ts';

export async function getConfig(db: Db, ctx: RequestContext, orgId = ctx.actor.orgId) {
  assertReadableOrg(ctx.actor, orgId);
  const [config, classes] = await Promise.all([repo.config(db, orgId), repo.classes(db, orgId)]);
  return { config: config ?? null, classes };
}

export async function saveConfig(db: Db, ctx: RequestContext, input: ArchiveConfigInput) {
  assertMay(ctx.actor, 'archives.configure');
  const orgId = ctx.actor.orgId;
  await db.transaction(async (tx) => {
    const before = { config: (await repo.config(tx, orgId)) ?? null, classes: await repo.classes(tx, orgId) };
    await repo.saveConfig(
      tx,
      { orgId, fondsCode: input.fondsCode, scheme: input.scheme, updatedBy: ctx.actor.userId },
      input.classes.map((c) => ({ orgId, ...c })),
    );
    await writeAudit(tx, ctx, { action: 'archives.config.save', entity: 'archive_config', entityId: orgId, before, after: input });
  });
  return getConfig(db, ctx);
}

/** Closed documents of a year not yet archived: what the year-end archiving works through. */
export async function candidates(db: Db, ctx: RequestContext, year: number) {
  const all = await archiveSources.candidates(db, ctx.actor.orgId, year);
  const done = await repo.archivedSourceIds(db, ctx.actor.orgId);
  return all.filter((c) => !done.has(c.id));
}

interface Classified {
  retention: ArchiveItemCreate['retention'];
  classCode: string;
}

async function requireClass(db: DbOrTx, orgId: string, classCode: string) {
  const config = await repo.config(db, orgId);
  if (!config) throw new AppError(ArchiveErrors.ARCHIVE_NOT_CONFIGURED);
  const classes = await repo.classes(db, orgId);
  if (!classes.some((c) => c.kind === config.scheme && c.code === classCode))
    throw new AppError(ArchiveErrors.ARCHIVE_CLASS_UNKNOWN, { code: classCode, kind: CLASS_KIND_LABELS[config.scheme] });
  return config;
}

async function resolveDraft(
  db: DbOrTx,
  ctx: RequestContext,
  source: ArchiveItemCreate['source'],
): Promise<Omit<ArchiveDraft, 'kind' | 'id'> & { kind: 'outgoing' | 'incoming' | 'manual'; id: string | null; remark?: string }> {
  if (source.kind === 'manual') {
    const components = [
      {
        role: 'record' as const,
        label: '文件',
        title: source.title,
        fields: [
          ['文号', source.docNumber ?? ''],
          ['责任者', source.responsible],
        ] as [string, string][],
        pages: source.pages,
      },
    ];
    return {
      ...source,
      id: null,
      orgId: ctx.actor.orgId,
      docNumber: source.docNumber ?? null,
      closed: true,
      status: 'closed',
      components,
      remark: source.remark,
    };
  }
  const draft = await archiveSources.draft(db, source.kind, source.id);
  if (!draft) throw notFound();
  assertOwnOrg(ctx.actor, draft.orgId);
  if (!draft.closed) throw new AppError(ArchiveErrors.ARCHIVE_SOURCE_NOT_CLOSED, { status: draft.status });
  return draft;
}

/** Files one item inside the caller's transaction: year scheme, next 件号, the row. */
async function fileItem(
  tx: DbOrTx,
  ctx: RequestContext,
  draft: Awaited<ReturnType<typeof resolveDraft>>,
  cls: Classified,
  fondsCode: string,
  scheme: ClassKind,
): Promise<ArchiveItemRow> {
  const orgId = ctx.actor.orgId;
  if (draft.id) {
    const existing = await repo.itemBySource(tx, draft.kind, draft.id);
    if (existing) throw new AppError(ArchiveErrors.ARCHIVE_ALREADY_ARCHIVED, { code: existing.archivalCode });
  }
  const held = await repo.yearScheme(tx, orgId, draft.year, scheme);
  if (held !== scheme)
    throw new AppError(ArchiveErrors.ARCHIVE_SCHEME_MISMATCH, { year: draft.year, existing: CLASS_KIND_LABELS[held as ClassKind] });
  const itemNo = await repo.nextItemNo(tx, orgId, draft.year, cls.retention, cls.classCode);
  return repo.insertItem(tx, {
    orgId,
    fondsCode,
    year: draft.year,
    retention: cls.retention,
    classKind: scheme,
    classCode: cls.classCode,
    itemNo,
    archivalCode: formatArchivalCode({ fondsCode, year: draft.year, retention: cls.retention, classCode: cls.classCode, itemNo }),
    sourceKind: draft.kind,
    sourceId: draft.id,
    docNumber: draft.docNumber,
    responsible: draft.responsible,
    title: draft.title,
    docDate: draft.date,
    classification: draft.classification,
    pages: draft.pages,
    remark: draft.remark ?? null,
    components: draft.components,
    archivedBy: ctx.actor.userId,
  });
}

function translate(err: unknown): never {
  mapPgError(err, {
    archive_counters_last_no_check: ArchiveErrors.ARCHIVE_GROUP_FULL,
    archive_items_source_uq: ArchiveErrors.ARCHIVE_JUST_ARCHIVED,
  });
}

export async function archiveItem(db: Db, ctx: RequestContext, input: ArchiveItemCreate): Promise<ArchiveItemRow> {
  assertMay(ctx.actor, 'archives.manage');
  const config = await requireClass(db, ctx.actor.orgId, input.classCode);
  const draft = await resolveDraft(db, ctx, input.source);
  try {
    return await db.transaction(async (tx) => {
      const row = await fileItem(tx, ctx, draft, input, config.fondsCode, config.scheme);
      await writeAudit(tx, ctx, {
        action: 'archives.item.file',
        entity: 'archive_item',
        entityId: row.id,
        after: { archivalCode: row.archivalCode, source: input.source.kind, sourceId: row.sourceId, pages: row.pages },
      });
      return row;
    });
  } catch (err) {
    return translate(err);
  }
}

/** Year-end archiving: a batch of closed documents into one group, all or none, one audit row. */
export async function archiveBatch(db: Db, ctx: RequestContext, input: ArchiveBatch): Promise<ArchiveItemRow[]> {
  assertMay(ctx.actor, 'archives.manage');
  const config = await requireClass(db, ctx.actor.orgId, input.classCode);
  if (new Set(input.sources.map((s) => s.id)).size !== input.sources.length) throw new AppError(ArchiveErrors.ARCHIVE_SOURCE_TWICE);
  const drafts: Awaited<ReturnType<typeof resolveDraft>>[] = [];
  for (const s of input.sources) {
    const d = await resolveDraft(db, ctx, s);
    if (d.year !== input.year)
      throw new AppError(ArchiveErrors.ARCHIVE_SOURCE_WRONG_YEAR, { title: d.title, year: d.year, target: input.year });
    drafts.push(d);
  }
  // File in date order, so 件号 follow the documents' own order.
  drafts.sort((a, b) => a.date.localeCompare(b.date));
  try {
    return await db.transaction(async (tx) => {
      const rows = [];
      for (const d of drafts) rows.push(await fileItem(tx, ctx, d, input, config.fondsCode, config.scheme));
      await writeAudit(tx, ctx, {
        action: 'archives.item.fileBatch',
        entity: 'archive_item',
        after: { year: input.year, retention: input.retention, classCode: input.classCode, codes: rows.map((r) => r.archivalCode) },
      });
      return rows;
    });
  } catch (err) {
    return translate(err);
  }
}

export async function listItems(db: Db, ctx: RequestContext, q: ArchiveItemFilter) {
  return repo.pageItems(db, orgScope(ctx.actor), q);
}

export async function getItem(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.itemById(db, id);
  if (!row) throw notFound();
  assertReadableOrg(ctx.actor, row.orgId);
  const [annotations, loan] = await Promise.all([repo.annotations(db, [id]), repo.openLoan(db, id)]);
  return { ...row, annotations, onLoan: loan ?? null };
}

/** Archived items never change: any edit is refused; the clerk adds an annotation instead. */
export async function refuseEdit(db: Db, ctx: RequestContext, id: string): Promise<never> {
  assertMay(ctx.actor, 'archives.manage');
  authorize(archiveItemPolicy, ctx.actor, 'edit', await getItem(db, ctx, id));
  throw new AppError(ArchiveErrors.ARCHIVE_IMMUTABLE);
}

export async function annotate(db: Db, ctx: RequestContext, id: string, input: { field?: string; note: string }) {
  assertMay(ctx.actor, 'archives.manage');
  const item = await repo.itemById(db, id);
  if (!item || !canReadOrg(ctx.actor, item.orgId)) throw notFound();
  authorize(archiveItemPolicy, ctx.actor, 'annotate', { ...item, onLoan: (await repo.openLoan(db, id)) ?? null });
  return db.transaction(async (tx) => {
    const row = await repo.insertAnnotation(tx, {
      orgId: item.orgId,
      itemId: id,
      field: input.field ?? null,
      note: input.note,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'archives.item.annotate',
      entity: 'archive_item',
      entityId: id,
      after: { archivalCode: item.archivalCode, field: row.field, note: row.note },
    });
    return row;
  });
}
