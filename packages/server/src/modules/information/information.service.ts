/**
 * 信息报送: townships submit items; the county office reviews them (adopted at one or several
 * levels, or not adopted with a note); points come from the year's point table, frozen on each
 * adoption row; the ranking adds quota base points. Each operation: access check, rules, then one
 * transaction with its audit row.
 */
import { chinaYear } from '@township-office/domain/dates';
import {
  ADOPTION_LEVEL_LABELS,
  defaultScoringConfig,
  periodOf,
  quotaPoints,
  rankByPoints,
  type AdoptionLevel,
  type InfoAdoptionAdd,
  type InfoItemCreate,
  type InfoListQuery,
  type InfoReview,
  type RankingQuery,
  type ScoringConfig,
  type ScoringConfigInput,
} from '@township-office/domain/information';
import { InfoErrors } from '@township-office/domain/information.errors';
import { seesAllTownships } from '@township-office/domain/roles';
import { allOn, type Db, type DbOrTx } from '../../db/client.ts';
import { assertMay, assertReadableOrg, orgScope } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { orgById } from '../orgs/orgs.service.ts';
import { infoReportPolicy } from './information.policy.ts';
import { informationRepository as repo } from './information.repository.ts';
import type { InfoAdoptionRow, InfoItemRow } from './information.tables.ts';

export async function scoringConfig(db: DbOrTx, year: number): Promise<ScoringConfig> {
  const row = await repo.config(db, year);
  if (!row) return defaultScoringConfig(year);
  return {
    year,
    points: { ...defaultScoringConfig(year).points, ...row.points },
    monthlyQuota: row.monthlyQuota,
    monthlyBasePoints: row.monthlyBasePoints,
    quarterlyLongQuota: row.quarterlyLongQuota,
    quarterlyBasePoints: row.quarterlyBasePoints,
    longPieceMinChars: row.longPieceMinChars,
  };
}

export async function setScoringConfig(db: Db, ctx: RequestContext, year: number, input: ScoringConfigInput): Promise<ScoringConfig> {
  assertMay(ctx.actor, 'info.configure');
  return db.transaction(async (tx) => {
    const before = await scoringConfig(tx, year);
    await repo.upsertConfig(tx, { orgId: ctx.actor.orgId, year, ...input, updatedBy: ctx.actor.userId });
    const after = await scoringConfig(tx, year);
    await writeAudit(tx, ctx, { action: 'info.config.set', entity: 'info_scoring_config', entityId: String(year), before, after });
    return after;
  });
}

export type ItemView = InfoItemRow & { orgName: string; submitterName: string | null; adoptions: InfoAdoptionRow[] };

async function withAdoptions<T extends InfoItemRow>(db: DbOrTx, rows: T[]): Promise<(T & { adoptions: InfoAdoptionRow[] })[]> {
  const adoptions = await repo.adoptionsFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, adoptions: adoptions.filter((a) => a.itemId === r.id) }));
}

export async function submitItem(db: Db, ctx: RequestContext, input: InfoItemCreate): Promise<InfoItemRow> {
  assertMay(ctx.actor, 'info.submit');
  const org = await orgById(db, ctx.actor.orgId);
  if (!org || (org.kind !== 'township' && org.kind !== 'county_department')) throw new AppError(InfoErrors.INFO_OWN_ORG_ONLY);
  return db.transaction(async (tx) => {
    const row = await repo.insertItem(tx, {
      orgId: ctx.actor.orgId,
      title: input.title,
      content: input.content,
      kind: input.kind,
      urgency: input.urgency,
      submittedBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'info.submit',
      entity: 'info_item',
      entityId: row.id,
      after: { title: row.title, kind: row.kind, urgency: row.urgency },
    });
    return row;
  });
}

export async function withdrawItem(db: Db, ctx: RequestContext, id: string): Promise<InfoItemRow> {
  assertMay(ctx.actor, 'info.submit');
  return db.transaction(async (tx) => {
    const item = await repo.itemById(tx, id, { forUpdate: true });
    if (!item) throw notFound();
    authorize(infoReportPolicy, ctx.actor, 'withdraw', item, { adoptions: [] });
    const row = await repo.updateItem(tx, id, { status: 'withdrawn' });
    await writeAudit(tx, ctx, {
      action: 'info.withdraw',
      entity: 'info_item',
      entityId: id,
      orgId: item.orgId,
      before: { status: item.status },
      after: { status: row.status },
    });
    return row;
  });
}

export async function listItems(db: Db, ctx: RequestContext, q: InfoListQuery) {
  const { rows, total } = await repo.pageItems(db, { scope: orgScope(ctx.actor), ...q });
  return { items: await withAdoptions(db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function getItem(db: Db, ctx: RequestContext, id: string): Promise<ItemView> {
  const item = await repo.itemById(db, id);
  if (!item) throw notFound();
  assertReadableOrg(ctx.actor, item.orgId);
  const org = await orgById(db, item.orgId);
  const [view] = await withAdoptions(db, [{ ...item, orgName: org?.name ?? '', submitterName: null }]);
  return view!;
}

const levelLabel = (l: AdoptionLevel) => ADOPTION_LEVEL_LABELS[l];

async function insertAdoptionsChecked(
  tx: DbOrTx,
  ctx: RequestContext,
  item: InfoItemRow,
  levels: AdoptionLevel[],
  note: string | undefined,
) {
  const cfg = await scoringConfig(tx, chinaYear());
  try {
    return await repo.insertAdoptions(
      tx,
      levels.map((level) => ({
        orgId: item.orgId,
        itemId: item.id,
        level,
        points: cfg.points[level],
        note: note || null,
        adoptedBy: ctx.actor.userId,
      })),
    );
  } catch (err) {
    // Two reviewers adding the same level at once: the unique index decides, the loser gets the clerk's message.
    mapPgError(err, {
      info_adoptions_item_id_level_key: new AppError(InfoErrors.INFO_ALREADY_ADOPTED_AT_LEVEL, {
        level: levels.map(levelLabel).join('、'),
      }),
    });
  }
}

export async function reviewItem(db: Db, ctx: RequestContext, id: string, input: InfoReview): Promise<void> {
  assertMay(ctx.actor, 'info.review');
  await db.transaction(async (tx) => {
    const item = await repo.itemById(tx, id, { forUpdate: true });
    if (!item) throw notFound();
    authorize(infoReportPolicy, ctx.actor, 'review', item, { adoptions: [] });
    const now = new Date();
    if (input.decision === 'reject') {
      await repo.updateItem(tx, id, { status: 'not_adopted', reviewedBy: ctx.actor.userId, reviewedAt: now, reviewNote: input.note });
      await writeAudit(tx, ctx, {
        action: 'info.review.reject',
        entity: 'info_item',
        entityId: id,
        orgId: item.orgId,
        before: { status: item.status },
        after: { status: 'not_adopted', note: input.note },
      });
      return;
    }
    const levels = [...new Set(input.levels)];
    const updated = await repo.updateItem(tx, id, {
      status: 'adopted',
      reviewedBy: ctx.actor.userId,
      reviewedAt: now,
      reviewNote: input.note || null,
    });
    const rows = await insertAdoptionsChecked(tx, ctx, updated, levels, input.note);
    await writeAudit(tx, ctx, {
      action: 'info.review.adopt',
      entity: 'info_item',
      entityId: id,
      orgId: item.orgId,
      before: { status: item.status },
      after: { status: 'adopted', adoptions: rows.map((r) => ({ level: r.level, points: r.points })) },
    });
  });
}

export async function addAdoption(db: Db, ctx: RequestContext, id: string, input: InfoAdoptionAdd): Promise<void> {
  assertMay(ctx.actor, 'info.review');
  await db.transaction(async (tx) => {
    const item = await repo.itemById(tx, id, { forUpdate: true });
    if (!item) throw notFound();
    const existing = await repo.adoptionsFor(tx, [id]);
    authorize(infoReportPolicy, ctx.actor, 'addAdoption', item, { adoptions: existing });
    if (existing.some((a) => a.level === input.level))
      throw new AppError(InfoErrors.INFO_ALREADY_ADOPTED_AT_LEVEL, { level: levelLabel(input.level) });
    const [row] = await insertAdoptionsChecked(tx, ctx, item, [input.level], input.note);
    await writeAudit(tx, ctx, {
      action: 'info.adopt.add',
      entity: 'info_item',
      entityId: id,
      orgId: item.orgId,
      before: { levels: existing.map((a) => a.level) },
      after: { level: row!.level, points: row!.points },
    });
  });
}

export interface RankingRow {
  orgId: string;
  orgName: string;
  points: number;
  adoptionPoints: number;
  basePoints: number;
  items: number;
  adopted: number;
  rank: number | null;
}

/** Township scores for a year or a month, every township ranked (competition ranking). */
export async function computeRanking(db: DbOrTx, year: number, month?: number): Promise<RankingRow[]> {
  const cfg = await scoringConfig(db, year);
  const period = periodOf(year, month);
  const [towns, adoption, activity] = await allOn(db, [
    () => repo.townships(db),
    () => repo.adoptionPointsByOrg(db, year, month),
    () => repo.activityByOrgMonth(db, year, cfg.longPieceMinChars),
  ]);
  // By org once (a filter per township over every township's months was quadratic: 2,000 × 24,000).
  const actsByOrg = new Map<string, typeof activity>();
  for (const a of activity) {
    const list = actsByOrg.get(a.orgId);
    if (list) list.push(a);
    else actsByOrg.set(a.orgId, [a]);
  }
  const adoptionByOrg = new Map(adoption.map((a) => [a.orgId, a.points]));
  const rows = towns.map((t) => {
    const acts = actsByOrg.get(t.id) ?? [];
    const itemsByMonth: Record<number, number> = {};
    const longByQuarter: Record<number, number> = {};
    for (const a of acts) {
      itemsByMonth[a.month] = a.items;
      const q = Math.ceil(a.month / 3);
      longByQuarter[q] = (longByQuarter[q] ?? 0) + a.long;
    }
    const base = quotaPoints({ itemsByMonth, longByQuarter }, cfg, period.months, period.quarters).points;
    const inPeriod = acts.filter((a) => period.months.includes(a.month));
    const adoptionPoints = adoptionByOrg.get(t.id) ?? 0;
    return {
      orgId: t.id,
      orgName: t.name,
      adoptionPoints,
      basePoints: base,
      points: adoptionPoints + base,
      items: inPeriod.reduce((s, a) => s + a.items, 0),
      adopted: inPeriod.reduce((s, a) => s + a.adopted, 0),
    };
  });
  return rankByPoints(rows);
}

/** The county sees every township; a township sees its own row and where it stands. */
export async function ranking(db: Db, ctx: RequestContext, q: RankingQuery) {
  const rows = await computeRanking(db, q.year, q.month);
  const visible = seesAllTownships(ctx.actor.role) ? rows : rows.filter((r) => r.orgId === ctx.actor.orgId);
  const mine = rows.find((r) => r.orgId === ctx.actor.orgId) ?? null;
  return { year: q.year, month: q.month ?? null, of: rows.length, items: visible, mine };
}
