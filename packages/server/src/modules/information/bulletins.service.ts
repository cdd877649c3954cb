/**
 * 信息专报: the county office compiles adopted items into an issue numbered per year (gap-free:
 * the counter row is bumped inside the compiling transaction, so a failed compile leaves no hole),
 * prints it, and may send it on through the documents flow.
 */
import { formatBulletinNumber, type BulletinCreate } from '@township-office/domain/information';
import { InfoErrors } from '@township-office/domain/information.errors';
import type { FormSpec } from '@township-office/domain/print';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { informationRepository as repo } from './information.repository.ts';
import { chinaYear } from '@township-office/domain/dates';
import type { InfoBulletinRow } from './information.tables.ts';

const WIDE_SPACE = '\u3000\u3000';

export async function compileBulletin(db: Db, ctx: RequestContext, input: BulletinCreate): Promise<InfoBulletinRow> {
  assertMay(ctx.actor, 'info.bulletin');
  try {
    return await db.transaction(async (tx) => {
      const items = await repo.itemsByIds(tx, input.itemIds);
      if (items.length !== input.itemIds.length) throw notFound();
      for (const item of items)
        if (item.status !== 'adopted') throw new AppError(InfoErrors.INFO_BULLETIN_ITEM_NOT_ADOPTED, { title: item.title });
      const taken = await repo.bulletinsHoldingItems(tx, input.itemIds);
      if (taken.length) {
        const t = taken[0]!;
        throw new AppError(InfoErrors.INFO_BULLETIN_ITEM_IN_OTHER, {
          title: items.find((i) => i.id === t.itemId)!.title,
          number: formatBulletinNumber(t.year, t.number),
        });
      }
      const year = chinaYear();
      const number = await repo.nextBulletinNumber(tx, ctx.actor.orgId, year);
      const title = input.title ?? `信息专报（${formatBulletinNumber(year, number)}）`;
      const row = await repo.insertBulletin(
        tx,
        { orgId: ctx.actor.orgId, year, number, title, compiledBy: ctx.actor.userId },
        input.itemIds,
        new Map(items.map((i) => [i.id, i.orgId])),
      );
      await writeAudit(tx, ctx, {
        action: 'info.bulletin.compile',
        entity: 'info_bulletin',
        entityId: row.id,
        after: { year, number, title, itemIds: input.itemIds },
      });
      return row;
    });
  } catch (err) {
    // Two compiles racing for the same item: the unique index on the item decides.
    mapPgError(err, { info_bulletin_items_item_id_key: InfoErrors.INFO_BULLETIN_ITEM_JUST_TAKEN });
  }
}

/** Bulletins are the county's publication, read by every business role. */
export function listBulletins(db: Db, _ctx: RequestContext, year?: number) {
  return repo.listBulletins(db, year);
}

export async function getBulletin(db: Db, _ctx: RequestContext, id: string) {
  const row = await repo.bulletinById(db, id);
  if (!row) throw notFound();
  return { ...row, items: await repo.bulletinItems(db, id) };
}

/** The issue as a printable form: masthead line, then each item under its township's name. */
export async function bulletinPrintSpec(db: Db, ctx: RequestContext, id: string): Promise<FormSpec & { fileName: string }> {
  const b = await getBulletin(db, ctx, id);
  const org = await orgById(db, b.orgId);
  return {
    title: '信息专报',
    orgName: org?.name ?? '',
    subtitle: [formatBulletinNumber(b.year, b.number), `${org?.name ?? ''}编`, b.compiledAt.toISOString().slice(0, 10)].join(WIDE_SPACE),
    sections: b.items.map((item, i) => ({
      heading: `${i + 1}. ${item.title}（${item.orgName}）`,
      paragraphs: item.content
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
    })),
    footer: `本期共 ${b.items.length} 条`,
    fileName: `信息专报${formatBulletinNumber(b.year, b.number)}.pdf`,
  };
}

/**
 * The seam to the documents flow: the documents module drafts an outgoing document from content.
 * Until it exposes such an operation, dispatching says so plainly (409) and nothing is written.
 */
export type DraftFromContent = (
  db: Db,
  ctx: RequestContext,
  input: { docType: '通知' | '函'; title: string; body: string; mainRecipientOrgIds: string[] },
) => Promise<{ id: string }>;

export async function dispatchBulletin(
  db: Db,
  ctx: RequestContext,
  id: string,
  draftFromContent: DraftFromContent | null,
  recipientOrgIds: string[],
): Promise<InfoBulletinRow> {
  assertMay(ctx.actor, 'info.bulletin');
  if (!draftFromContent) throw new AppError(InfoErrors.INFO_DOCUMENTS_UNAVAILABLE);
  const spec = await bulletinPrintSpec(db, ctx, id);
  const b = await repo.bulletinById(db, id);
  if (!b) throw notFound();
  if (b.documentId) throw new AppError(InfoErrors.INFO_BULLETIN_ALREADY_DISPATCHED);
  const body = spec.sections
    .map((s) => ('heading' in s ? [s.heading ?? '', ...('paragraphs' in s ? s.paragraphs : [])].join('\n') : ''))
    .join('\n');
  const doc = await draftFromContent(db, ctx, { docType: '通知', title: b.title, body, mainRecipientOrgIds: recipientOrgIds });
  return db.transaction(async (tx) => {
    const locked = await repo.bulletinById(tx, id, { forUpdate: true });
    if (!locked || locked.documentId) throw new AppError(InfoErrors.INFO_BULLETIN_ALREADY_DISPATCHED);
    const row = await repo.updateBulletin(tx, id, { documentId: doc.id, dispatchedAt: new Date() });
    await writeAudit(tx, ctx, { action: 'info.bulletin.dispatch', entity: 'info_bulletin', entityId: id, after: { documentId: doc.id } });
    return row;
  });
}
