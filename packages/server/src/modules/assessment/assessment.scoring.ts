/**
 * The results of a scheme: every assessed office's leaf scores (measured live until frozen, then
 * the frozen values; the county's scores for the rest), rolled up, ranked and, when final, graded.
 */
import {
  applyRule,
  assignGrades,
  averageScores,
  defaultRule,
  DEFAULT_GRADES,
  METRICS,
  rankTotals,
  rollUp,
  scoredIndicators,
  type Grade,
  type Indicator,
  type MetricKey,
} from '@township-office/domain/assessment';
import { allOn, type Db, type DbOrTx } from '../../db/client.ts';
import { listOrgs, orgById, type OrgRow } from '../orgs/orgs.service.ts';
import { measure, type MetricValue } from './assessment.metrics-library.ts';
import { assessmentRepository } from './assessment.repository.ts';
import type { SchemeRow } from './assessment.tables.ts';

export interface OfficeResult {
  orgId: string;
  orgName: string;
  total: number;
  rank: number;
  grade: Grade | null;
  scores: { code: string; score: number; basis: string; pending: boolean }[];
}

/** Indicators scored from a metric: measured ones, and deductions or bonuses that name one. */
export const isMeasuredLeaf = (i: Indicator) =>
  i.metric !== null && (i.method === 'measured' || i.method === 'deduction' || i.method === 'bonus');

export async function targetOrgs(db: DbOrTx, scheme: Pick<SchemeRow, 'targetKind'>): Promise<OrgRow[]> {
  return (await listOrgs(db)).filter((o) => o.kind === scheme.targetKind).sort((a, b) => a.sortOrder - b.sortOrder);
}

function describe(i: Indicator, v: MetricValue | undefined): string {
  const m = METRICS[i.metric as MetricKey];
  if (!v) return `${m.label}：无记录`;
  if (m.kind === 'ratio') return `${m.label} ${v.numerator}/${v.denominator} = ${(v.value * 100).toFixed(1)}%`;
  return `${m.label} ${v.numerator}`;
}

/** Measured scores of every (org, measured leaf), with how each was reached. */
export async function measuredScores(db: Db, scheme: SchemeRow, orgIds: readonly string[]) {
  const leaves = scoredIndicators(scheme.indicators).filter(isMeasuredLeaf);
  const values = await measure(
    db,
    scheme.year,
    leaves.map((l) => l.metric as MetricKey),
  );
  const out = new Map<string, Map<string, { score: number; basis: string }>>();
  for (const orgId of orgIds) {
    const m = new Map<string, { score: number; basis: string }>();
    for (const l of leaves) {
      const key = l.metric as MetricKey;
      const v = values.get(key)!.get(orgId);
      const rule = l.rule ?? defaultRule(METRICS[key].kind, l.weight);
      m.set(l.code, { score: applyRule(rule, v?.value ?? 0, l.weight, l.method), basis: describe(l, v) });
    }
    out.set(orgId, m);
  }
  return out;
}

/** Live (or frozen) results of every assessed office; final schemes read the stored results. */
export async function computeResults(db: Db, scheme: SchemeRow): Promise<OfficeResult[]> {
  const orgs = await targetOrgs(db, scheme);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  if (scheme.status === 'final') {
    const stored = await assessmentRepository.results(db, scheme.id);
    return stored.map((r) => ({
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      total: r.total,
      rank: r.rank,
      grade: r.grade as Grade,
      scores: r.scores.map((s) => ({ ...s, pending: false })),
    }));
  }
  return (await running(db, scheme, orgs)).rows;
}

/** Running results of every office, ranked, with the measured leaves they were rolled up from (null once frozen). */
async function running(db: Db, scheme: SchemeRow, orgs: readonly OrgRow[]) {
  const stored = await assessmentRepository.scores(db, scheme.id);
  const byOrg = scoresByOrg(stored);
  const live = scheme.frozenAt
    ? null
    : await measuredScores(
        db,
        scheme,
        orgs.map((o) => o.id),
      );
  const rows = orgs.map((o) => officeResult(scheme, o, byOrg.get(o.id), live ? live.get(o.id)! : null));
  const ranks = rankTotals(rows.map((r) => ({ id: r.orgId, total: r.total })));
  for (const r of rows) r.rank = ranks.get(r.orgId)!;
  return { rows: rows.sort((a, b) => a.rank - b.rank), live };
}

type LeafScores = Map<string, { score: number; basis: string }>;

/** The county's stored scores (and, once frozen, the measured ones) by office and code. */
export function scoresByOrg(stored: readonly { orgId: string; code: string; score: number; reason: string }[]) {
  const byOrg = new Map<string, LeafScores>();
  for (const s of stored) {
    if (!byOrg.has(s.orgId)) byOrg.set(s.orgId, new Map());
    byOrg.get(s.orgId)!.set(s.code, { score: s.score, basis: s.reason });
  }
  return byOrg;
}

/**
 * One office's rolled-up result (rank 0: ranks are over every office) from its stored scores and,
 * before the cut-off, its measured leaves (`live`; null once frozen, when they are stored scores).
 * The full computation and the one-office re-roll after a score write both come through here.
 */
export function officeResult(
  scheme: Pick<SchemeRow, 'indicators'>,
  org: { id: string; name: string },
  own: ReadonlyMap<string, { score: number; basis: string }> | undefined,
  live: ReadonlyMap<string, { score: number; basis: string }> | null,
): OfficeResult {
  const leaves = scoredIndicators(scheme.indicators);
  const leafScores = new Map<string, number>();
  const basis = new Map<string, string>();
  for (const l of leaves) {
    const got = isMeasuredLeaf(l) && live ? live.get(l.code) : own?.get(l.code);
    if (got) {
      leafScores.set(l.code, got.score);
      basis.set(l.code, got.basis);
    } else if (l.method === 'deduction' || l.method === 'bonus') {
      // No deduction or bonus entered is none: not pending.
      leafScores.set(l.code, 0);
      basis.set(l.code, '无');
    }
  }
  const r = rollUp(scheme.indicators, leafScores);
  const pending = new Set(r.pending);
  return {
    orgId: org.id,
    orgName: org.name,
    total: r.total,
    rank: 0,
    grade: null,
    scores: scheme.indicators.map((i) => ({
      code: i.code,
      score: r.scores.get(i.code) ?? 0,
      basis: basis.get(i.code) ?? (pending.has(i.code) ? '待评分' : '下级指标合计'),
      pending: pending.has(i.code),
    })),
  };
}

/** Grades for results about to become final. */
export function gradeResults(scheme: SchemeRow, rows: OfficeResult[]): OfficeResult[] {
  const grades = assignGrades(
    rows.map((r) => ({ id: r.orgId, total: r.total, rank: r.rank })),
    { ...DEFAULT_GRADES, ...scheme.grades },
  );
  return rows.map((r) => ({ ...r, grade: grades.get(r.orgId)! }));
}

/**
 * Manual and self-reported leaves without a score, over every assessed office. Read from the
 * stored scores alone: these leaves are never measured, so counting them needs no metric query
 * (every score entered during scoring asks this, and measuring the year each time made it slow).
 */
export async function missingScoreCount(db: DbOrTx, scheme: SchemeRow): Promise<number> {
  const manual = scoredIndicators(scheme.indicators)
    .filter((i) => i.method === 'manual' || i.method === 'self')
    .map((i) => i.code);
  if (!manual.length) return 0;
  const orgs = await targetOrgs(db, scheme);
  const scored = new Set((await assessmentRepository.scores(db, scheme.id)).map((r) => `${r.orgId}|${r.code}`));
  return orgs.reduce((n, o) => n + manual.filter((code) => !scored.has(`${o.id}|${code}`)).length, 0);
}

/** How old the running standings may be before a read computes them again (measured items read other modules' records). */
export const STANDINGS_MAX_AGE_MS = 60_000;

export interface Standings {
  items: OfficeResult[];
  /** Each top-level indicator's mean over every office of the scheme. */
  averages: { code: string; average: number }[];
  /** How many offices the scheme assesses, and their mean total. */
  offices: number;
  meanTotal: number;
  computedAt: Date | null;
}

const mean = (v: number[]) => (v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : 0);

const topCodes = (s: SchemeRow) => s.indicators.filter((i) => i.parentCode === null).map((i) => i.code);

/**
 * The results of a scheme, for every office or one: final ones from the stored results; running
 * ones from the precomputed standings (one row per office), computed here when a write has marked
 * them stale, and in the background when, before the cut-off, they are a minute old (the measured
 * items read other modules' records, which change without telling). So an office's page reads its
 * own row and the averages, not every office's records.
 */
export async function standings(db: Db, scheme: SchemeRow, orgId?: string, now = new Date()): Promise<Standings> {
  const top = topCodes(scheme);
  if (scheme.status === 'final') {
    const [stored, averages, names, counts] = await allOn(db, [
      () => (orgId ? assessmentRepository.resultOf(db, scheme.id, orgId) : assessmentRepository.results(db, scheme.id)),
      () => assessmentRepository.resultCodeAverages(db, scheme.id, top),
      (): Promise<Map<string, string>> =>
        orgId
          ? orgById(db, orgId).then((o) => new Map(o ? [[o.id, o.name]] : []))
          : targetOrgs(db, scheme).then((os) => new Map(os.map((o) => [o.id, o.name]))),
      () => assessmentRepository.resultAverages(db, [scheme.id]),
    ]);
    const c = counts.get(scheme.id) ?? { offices: 0, average: 0 };
    return {
      items: stored.map((r) => ({
        orgId: r.orgId,
        orgName: names.get(r.orgId) ?? '',
        total: r.total,
        rank: r.rank,
        grade: r.grade as Grade,
        scores: r.scores.map((x) => ({ ...x, pending: false })),
      })),
      averages,
      offices: c.offices,
      meanTotal: c.average,
      computedAt: null,
    };
  }
  const state = await assessmentRepository.standingsState(db, scheme.id);
  // Stored standings are kept until a write marks them stale (computed_at cleared); when they are
  // only old, they are served and computed again in the background (one refresh at a time per scheme).
  if (state.computedAt !== null) {
    const old = scheme.frozenAt === null && now.getTime() - state.computedAt.getTime() >= STANDINGS_MAX_AGE_MS;
    if (old && !refreshing.has(scheme.id)) {
      refreshing.add(scheme.id);
      void refresh(db, scheme, state.generation)
        .catch(() => undefined) // the next read tries again
        .finally(() => refreshing.delete(scheme.id));
    }
    const rows = await assessmentRepository.standings(db, scheme.id, orgId);
    return {
      items: rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, total: r.total, rank: r.rank, grade: null, scores: r.scores })),
      averages: state.averages,
      offices: state.offices,
      meanTotal: state.meanTotal,
      computedAt: state.computedAt,
    };
  }
  const r = await refresh(db, scheme, state.generation);
  return { ...r, items: orgId ? r.items.filter((x) => x.orgId === orgId) : r.items };
}

const refreshing = new Set<string>();

/**
 * The averages beside the standings: each top-level indicator's mean and the mean total, summed in
 * rank order (then by office id) so that the full computation and the one-office re-roll after a
 * score write add the same numbers in the same order.
 */
export function summarise(
  rows: readonly { orgId: string; rank: number; total: number; scores: readonly { code: string; score: number }[] }[],
  top: readonly string[],
) {
  const ordered = [...rows].sort((a, b) => a.rank - b.rank || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  return { averages: averageScores(ordered, top), offices: ordered.length, meanTotal: mean(ordered.map((r) => r.total)) };
}

/** Every office's results computed now and stored as the standings (unless a write came in between). */
async function refresh(db: Db, scheme: SchemeRow, generation: number): Promise<Standings> {
  const at = new Date();
  const { rows: all, live } = await running(db, scheme, await targetOrgs(db, scheme));
  const sum = summarise(all, topCodes(scheme));
  await assessmentRepository.storeStandings(
    db,
    scheme.id,
    { generation, at, ...sum },
    all.map((r) => ({
      schemeId: scheme.id,
      orgId: r.orgId,
      total: r.total,
      rank: r.rank,
      scores: r.scores,
      measured: live ? Object.fromEntries(live.get(r.orgId)!) : {},
    })),
  );
  return { items: all, ...sum, computedAt: at };
}

/**
 * A score write's effect on the running standings, in the write's transaction (the scheme row is
 * locked, so writes come one at a time): each named office is rolled up again from its stored
 * measured part and its scores, then the whole scheme is re-ranked in one SQL statement (only the
 * ranks that change are written) and the averages are summed from the stored rows. When the
 * standings are stale or missing anyway, they are only marked stale (the next read computes them).
 * The generation moves on either way, so a full computation that began before this write is not
 * stored over it.
 */
export async function rerollOffices(tx: DbOrTx, scheme: SchemeRow, orgIds: readonly string[]): Promise<void> {
  const computedAt = await assessmentRepository.bumpStandings(tx, scheme.id);
  const ids = [...new Set(orgIds)];
  if (!computedAt || scheme.status === 'final' || !ids.length) return assessmentRepository.staleStandings(tx, scheme.id);
  const [rows, stored] = await allOn(tx, [
    () => assessmentRepository.standingParts(tx, scheme.id, ids),
    () => assessmentRepository.scoresOf(tx, scheme.id, ids),
  ]);
  // An office missing from the stored standings (a new one): compute them all on the next read.
  if (rows.length !== ids.length) return assessmentRepository.staleStandings(tx, scheme.id);
  const own = scoresByOrg(stored);
  const results = rows.map((r) =>
    officeResult(scheme, { id: r.orgId, name: r.orgName }, own.get(r.orgId), scheme.frozenAt ? null : new Map(Object.entries(r.measured))),
  );
  await assessmentRepository.updateStandingRows(tx, scheme.id, results);
  await assessmentRepository.rerankStandings(tx, scheme.id);
  const top = topCodes(scheme);
  const all = await assessmentRepository.standingTops(tx, scheme.id, top);
  await assessmentRepository.setStandingsSummary(tx, scheme.id, summarise(all, top));
}
