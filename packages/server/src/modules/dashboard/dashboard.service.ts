/**
 * The county dashboard and each township's standing: the standards of the team and environment
 * measured from the records, plus the figures other modules measure (online share, duty logs,
 * overdue items), each township a row and each standard a cell that drills down to its records.
 */
import {
  COLUMN_LABELS,
  GAP_ADVICE,
  NO_DATA_LABEL,
  STANDARD_COLUMNS,
  countOfStatus,
  coverageStatus,
  dutyStatus,
  filingsStatus,
  leaderStatus,
  overdueStatus,
  rotationStatus,
  rulesStatus,
  shareStatus,
  staffStatus,
  cellDrill,
  type Cell,
  type CellStatus,
  type CountyDashboard,
  type ProvinceDashboard,
  type StandardColumn,
} from '@township-office/domain/dashboard';
import { POSTS, ROOM_KINDS, RULE_KINDS, equipmentOk, yearOnYear } from '@township-office/domain/environment';
import { chinaToday } from '@township-office/domain/dates';
import { TRAINING_WINDOW_YEARS, trainingWindow } from '@township-office/domain/training';
import type { Db } from '../../db/client.ts';
import { assertSupervisionReadable } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbiddenRole, notFound } from '../../platform/errors.ts';
import { holderMay } from '@township-office/domain/permissions';
import { DashboardErrors } from '@township-office/domain/dashboard.errors';
import * as environmentMetrics from '../environment/environment.metrics.ts';
import * as personnelMetrics from '../personnel/personnel.metrics.ts';
import * as trainingMetrics from '../training/training.metrics.ts';
import { dashboardRepository as repo, type OrgBrief } from './dashboard.repository.ts';
import { loadSources, readSource } from './dashboard.sources.ts';

const DRILL_API: Record<StandardColumn, (orgId: string, year: number) => string | null> = {
  leader: (o) => `/api/personnel/leaders?orgId=${o}&history=true`,
  staff: (o) => `/api/personnel/staff?orgId=${o}`,
  filings: (o) => `/api/personnel/filings?orgId=${o}`,
  training: (o, y) => `/api/training/coverage?orgId=${o}&year=${y}`,
  rotation: (o) => `/api/training/rotations?orgId=${o}`,
  posts: (o) => `/api/environment/posts?orgId=${o}`,
  rooms: (o) => `/api/environment/rooms?orgId=${o}`,
  equipment: (o) => `/api/environment/equipment?orgId=${o}`,
  rules: (o) => `/api/environment/rules?orgId=${o}`,
  onlineShare: () => null,
  dutyLogs: () => null,
  overdue: () => null,
};

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const round2 = (x: number) => Math.round(x * 100) / 100;

function sumBy<T>(items: T[] | null, key: (t: T) => string, value: (t: T) => number): Map<string, number> | null {
  if (!items) return null;
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + value(it));
  return m;
}

/** Per org, its active staff and how many of them attended a held session in the window. */
async function coverageOf(db: Db, from: string, to: string) {
  const [active, attended] = await Promise.all([personnelMetrics.activeStaffOrgs(db), trainingMetrics.attendeesInWindow(db, from, to)]);
  const byOrg = new Map<string, { org_id: string; total: number; trained: number }>();
  for (const [staffId, orgId] of active) {
    const e = byOrg.get(orgId) ?? { org_id: orgId, total: 0, trained: 0 };
    e.total++;
    if (attended.staffIds.has(staffId)) e.trained++;
    byOrg.set(orgId, e);
  }
  return [...byOrg.values()];
}

/** Per township, its current leaders in charge and how many of them attended a held session in the window. */
async function leaderCoverageOf(db: Db, from: string, to: string) {
  const [leaders, attended] = await Promise.all([personnelMetrics.currentLeaders(db), trainingMetrics.attendeesInWindow(db, from, to)]);
  const byOrg = new Map<string, { org_id: string; total: number; trained: number }>();
  for (const l of leaders) {
    const e = byOrg.get(l.orgId) ?? { org_id: l.orgId, total: 0, trained: 0 };
    e.total++;
    if (attended.leaderIds.has(l.id)) e.trained++;
    byOrg.set(l.orgId, e);
  }
  return [...byOrg.values()];
}

/** Per org, the distinct posts held by a person still active in that township. */
async function postsHeld(db: Db) {
  const [posts, active] = await Promise.all([environmentMetrics.currentPosts(db), personnelMetrics.activeStaffOrgs(db)]);
  const byOrg = new Map<string, Set<string>>();
  for (const p of posts) {
    if (active.get(p.staff_id) !== p.org_id) continue;
    byOrg.set(p.org_id, (byOrg.get(p.org_id) ?? new Set()).add(p.post));
  }
  return [...byOrg.entries()].map(([org_id, set]) => ({ org_id, n: set.size }));
}

/**
 * Everything measured for one year about the townships `townships` (the metrics count over every
 * org; the rows are built for these only), shared by the county dashboard, the township page, the
 * print and the summary refresh.
 */
async function measure(db: Db, year: number, townships: Township[], today: string) {
  const w = trainingWindow(year);
  const asOf = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  const src = await loadSources();
  const [
    leaders,
    staffCounts,
    filings,
    coverage,
    leaderCov,
    byQuarter,
    rotWindow,
    posts,
    rooms,
    equipment,
    rules,
    acks,
    docCount,
    expenses,
    online,
    duty,
    overdueF,
    overdueP,
  ] = await Promise.all([
    personnelMetrics.leadersOn(db, asOf),
    personnelMetrics.activeStaffCounts(db),
    personnelMetrics.filingsInYear(db, year),
    coverageOf(db, w.from, w.to),
    leaderCoverageOf(db, w.from, w.to),
    trainingMetrics.rotationsByOrgQuarter(db, year),
    trainingMetrics.rotationsInWindow(db, year - TRAINING_WINDOW_YEARS + 1, year),
    postsHeld(db),
    environmentMetrics.roomsInUse(db),
    environmentMetrics.equipmentByOrg(db),
    environmentMetrics.rulesInForce(db),
    environmentMetrics.ruleAcknowledgementCounts(db),
    environmentMetrics.ruleDocumentCount(db),
    environmentMetrics.expenseTotals(db, [year - 1, year]),
    readSource('onlineShareByOrgMonth', src.onlineShareByOrgMonth && (() => src.onlineShareByOrgMonth!(db, year))),
    readSource('dutyLogDaysKept', src.dutyLogDaysKept && (() => src.dutyLogDaysKept!(db, year))),
    readSource('overdueFollowUpsByOrg', src.overdueFollowUpsByOrg && (() => src.overdueFollowUpsByOrg!(db, today))),
    readSource('overduePetitionsByOrg', src.overduePetitionsByOrg && (() => src.overduePetitionsByOrg!(db, today))),
  ]);
  // A source the deployment has but that failed this time: its figures are not kept in a summary.
  const failed =
    (!!src.onlineShareByOrgMonth && online === null) ||
    (!!src.dutyLogDaysKept && duty === null) ||
    (!!src.overdueFollowUpsByOrg && overdueF === null) ||
    (!!src.overduePetitionsByOrg && overdueP === null);
  return {
    year,
    today,
    townships,
    leaders,
    staffCounts,
    filings,
    coverage,
    leaderCov,
    byQuarter,
    rotWindow,
    posts,
    rooms,
    equipment,
    rules,
    acks,
    docCount,
    expenses,
    online,
    duty,
    overdueF,
    overdueP,
    failed,
  };
}
type Measured = Awaited<ReturnType<typeof measure>>;
export type Township = { id: string; code: string; name: string };

/**
 * What one township × year contributes to the dashboard: its grid row's cells and the numbers the
 * county totals add up. This is what a summary row keeps (dashboard_summaries.figures), so the
 * dashboard from summaries and the live one are the same sums over the same figures.
 */
export interface TownshipFigures {
  /** Each standard's status and value (the drill-down address is `cellDrill`, made where it is shown). */
  cells: Record<StandardColumn, Cell>;
  leader: { assigned: boolean; familiar: boolean };
  staff: number;
  trained: { trained: number; total: number };
  leadersTrained: { trained: number; total: number };
  rotationsByQuarter: number[];
  rules: number;
  tenAcknowledged: boolean;
  expense: number | null;
  expensePrevious: number | null;
  online: { online: number; total: number };
  lateFilings: number;
  sources: CountyDashboard['sources'];
}

/** Figures for each of the measured townships. */
function figuresOf(m: Measured): Map<string, TownshipFigures> {
  const by = <T extends { org_id: string }>(list: T[]) => new Map(list.map((r) => [r.org_id, r]));
  const leaders = by(m.leaders);
  const staff = by(m.staffCounts);
  const filings = by(m.filings);
  const coverage = by(m.coverage);
  const leaderCov = by(m.leaderCov);
  const rot = by(m.rotWindow);
  const posts = by(m.posts);
  const rooms = by(m.rooms);
  const equipment = by(m.equipment);
  const rules = by(m.rules);
  const acks = by(m.acks);
  const docs = m.docCount[0]?.n ?? 0;
  const onlineOn = sumBy(
    m.online,
    (r) => r.orgId,
    (r) => r.online,
  );
  const onlineTotal = sumBy(
    m.online,
    (r) => r.orgId,
    (r) => r.total,
  );
  const duty = m.duty ? new Map(m.duty.map((r) => [r.orgId, r])) : null;
  const overdueF = sumBy(
    m.overdueF,
    (r) => r.orgId,
    (r) => r.overdue,
  );
  const overdueP = sumBy(
    m.overdueP,
    (r) => r.orgId,
    (r) => r.overdue,
  );
  const expenseTotals = (year: number) => new Map(m.expenses.filter((e) => e.year === year).map((e) => [e.org_id, Number(e.amount)]));
  const expNow = expenseTotals(m.year);
  const expPrev = expenseTotals(m.year - 1);
  const quarters = new Map<string, number[]>();
  for (const r of m.byQuarter) {
    const q = quarters.get(r.org_id) ?? [0, 0, 0, 0];
    q[r.quarter - 1] = (q[r.quarter - 1] ?? 0) + r.n;
    quarters.set(r.org_id, q);
  }
  const noData = NO_DATA_LABEL.zh;
  const sources = { documents: m.online !== null, duty: m.duty !== null, meetings: m.overdueF !== null, petitions: m.overdueP !== null };

  const out = new Map<string, TownshipFigures>();
  for (const t of m.townships) {
    const cell = (_col: StandardColumn, status: Cell['status'], value: string): Cell => ({
      status,
      value: status === 'nodata' ? noData : value,
    });
    const l = leaders.get(t.id);
    const n = staff.get(t.id)?.n ?? 0;
    const f = filings.get(t.id);
    const c = coverage.get(t.id);
    const eq = equipment.get(t.id);
    const eqOk = equipmentOk(eq && { computers: eq.computers, printers: eq.printers, docSystemAccess: eq.doc_system_access });
    const sixRules = rules.get(t.id)?.n ?? 0;
    const tenAck = docs > 0 && (acks.get(t.id)?.n ?? 0) >= docs;
    const oTotal = onlineTotal?.get(t.id) ?? 0;
    const share = onlineTotal === null || oTotal === 0 ? null : (onlineOn!.get(t.id) ?? 0) / oTotal;
    const d = duty?.get(t.id);
    const overdue = overdueF === null && overdueP === null ? null : (overdueF?.get(t.id) ?? 0) + (overdueP?.get(t.id) ?? 0);
    const cells: Record<StandardColumn, Cell> = {
      leader: cell('leader', leaderStatus(!!l, !!l?.familiar), l ? (l.familiar ? '已明确·熟悉业务' : '已明确') : '未明确'),
      staff: cell('staff', staffStatus(n), `${n} 名`),
      filings: cell(
        'filings',
        filingsStatus(f?.late ?? 0, 0),
        f ? `${f.n - f.late}/${f.n} 按时${f.open ? `·待确认${f.open}` : ''}` : '本年无变动',
      ),
      training: cell('training', coverageStatus(c?.trained ?? 0, c?.total ?? 0), `${c?.trained ?? 0}/${c?.total ?? 0}`),
      rotation: cell('rotation', rotationStatus(rot.get(t.id)?.n ?? 0), `近三年 ${rot.get(t.id)?.n ?? 0} 人次`),
      posts: cell('posts', countOfStatus(posts.get(t.id)?.n ?? 0, POSTS.length), `${posts.get(t.id)?.n ?? 0}/${POSTS.length}`),
      rooms: cell('rooms', countOfStatus(rooms.get(t.id)?.n ?? 0, ROOM_KINDS.length), `${rooms.get(t.id)?.n ?? 0}/${ROOM_KINDS.length}`),
      equipment: cell(
        'equipment',
        eqOk ? 'ok' : 'gap',
        eq ? `电脑${eq.computers}·打印${eq.printers}·${eq.doc_system_access ? '已联网' : '未开通'}` : '未登记',
      ),
      rules: cell('rules', rulesStatus(sixRules, tenAck), `${sixRules}/${RULE_KINDS.length}${tenAck ? '·禁令已签收' : '·禁令未签收'}`),
      onlineShare: cell('onlineShare', shareStatus(share), share === null ? noData : pct(share)),
      dutyLogs: cell(
        'dutyLogs',
        dutyStatus(d?.daysKept ?? (duty ? 0 : null), d?.daysExpected ?? null),
        d ? `${d.daysKept}/${d.daysExpected} 天` : noData,
      ),
      overdue: cell('overdue', overdueStatus(overdue), overdue === null ? noData : `${overdue} 件`),
    };
    const lc = leaderCov.get(t.id);
    out.set(t.id, {
      cells,
      leader: { assigned: !!l, familiar: !!l?.familiar },
      staff: n,
      trained: { trained: c?.trained ?? 0, total: c?.total ?? 0 },
      leadersTrained: { trained: lc?.trained ?? 0, total: lc?.total ?? 0 },
      rotationsByQuarter: quarters.get(t.id) ?? [0, 0, 0, 0],
      rules: sixRules,
      tenAcknowledged: tenAck,
      expense: expNow.get(t.id) ?? null,
      expensePrevious: expPrev.get(t.id) ?? null,
      online: { online: onlineOn?.get(t.id) ?? 0, total: oTotal },
      lateFilings: f?.late ?? 0,
      sources,
    });
  }
  return out;
}

/** The figures measured for the county as a whole, not per township: few rows, read live every time. */
async function countyFigures(db: Db, year: number) {
  const w = trainingWindow(year);
  const src = await loadSources();
  const [sessions, exchange] = await Promise.all([
    trainingMetrics.heldSessionCount(db, w.from, w.to),
    readSource('exchangeMeetingsInYear', src.exchangeMeetingsInYear && (() => src.exchangeMeetingsInYear!(db, year))),
  ]);
  return {
    sessions: sessions[0]?.n ?? 0,
    exchange: exchange ? exchange.length : null,
    present: {
      documents: !!src.onlineShareByOrgMonth,
      duty: !!src.dutyLogDaysKept,
      meetings: !!src.overdueFollowUpsByOrg,
      petitions: !!src.overduePetitionsByOrg,
    },
  };
}
type CountyFigures = Awaited<ReturnType<typeof countyFigures>>;

/**
 * What a summary row keeps of a township × year (migration 1285): its grid cells as ready JSON text,
 * spliced into the answer as they are, and the few numbers the county's totals add up (`figures`,
 * with each standard's status in STANDARD_COLUMNS order), JSON text too: jsonb's output function
 * for 2,000 rows was a third of the read (docs/benchmarks.md). The statuses are also a column of
 * their own, the province view's only read.
 */
export type SummaryFigures = Omit<TownshipFigures, 'cells'> & { statuses: CellStatus[] };
export interface GridItem {
  figures: SummaryFigures;
  /** `{"leader":{"status":…,"value":…},…}`: the row's cells, serialised once when measured. */
  cells: string;
}

export function gridItem(f: TownshipFigures): GridItem {
  const { cells, ...rest } = f;
  return { figures: { ...rest, statuses: STANDARD_COLUMNS.map((c) => cells[c].status) }, cells: JSON.stringify(cells) };
}

const COLUMN_INDEX = Object.fromEntries(STANDARD_COLUMNS.map((c, i) => [c, i])) as Record<StandardColumn, number>;
const isGap = (st: CellStatus) => st === 'gap' || st === 'warn';
const gapsOf = (statuses: CellStatus[]) => statuses.filter(isGap).length;

/**
 * The county dashboard as JSON text: the county's totals are sums over each township's figures, and
 * each township's row is its stored cells spliced between its id, code and name and its gap count,
 * never parsed, rebuilt or stringified again (2,000 rows: the building and stringifying were more
 * than half of the answer's time, docs/benchmarks.md). `head` goes first (the county it is of).
 */
function gridJson(
  year: number,
  townships: Township[],
  items: Map<string, GridItem>,
  county: CountyFigures,
  head: Record<string, unknown> = {},
): string {
  const list = townships.map((t) => ({ t, item: items.get(t.id)! }));
  const fs = list.map((x) => x.item.figures);
  const sum = (get: (f: SummaryFigures) => number) => fs.reduce((a, f) => a + get(f), 0);
  const meeting = (col: StandardColumn) => fs.filter((f) => f.statuses[COLUMN_INDEX[col]] === 'ok').length;
  const avg = (get: (f: SummaryFigures) => number | null) => {
    const vals = fs.map(get).filter((v): v is number => v !== null);
    return vals.length ? round2(vals.reduce((a, b) => a + b, 0) / vals.length) : null;
  };
  const sources = {
    documents: fs.length ? fs.every((f) => f.sources.documents) : county.present.documents,
    duty: fs.length ? fs.every((f) => f.sources.duty) : county.present.duty,
    meetings: county.exchange !== null && (fs.length ? fs.every((f) => f.sources.meetings) : county.present.meetings),
    petitions: fs.length ? fs.every((f) => f.sources.petitions) : county.present.petitions,
  };
  const avgNow = avg((f) => f.expense);
  const avgPrev = avg((f) => f.expensePrevious);
  const oT = sum((f) => f.online.total);
  const staffNs = fs.map((f) => f.staff);
  const totals: Omit<CountyDashboard, 'rows'> = {
    year,
    townships: townships.length,
    leadersInCharge: { assigned: fs.filter((f) => f.leader.assigned).length, familiar: fs.filter((f) => f.leader.familiar).length },
    filedStaff: sum((f) => f.staff),
    staffPerTownship: {
      min: staffNs.length ? Math.min(...staffNs) : 0,
      max: staffNs.length ? Math.max(...staffNs) : 0,
      within: meeting('staff'),
    },
    trainingSessions: county.sessions,
    trainedAtLeastOnce: { trained: sum((f) => f.trained.trained), total: sum((f) => f.trained.total) },
    leadersTrained: { trained: sum((f) => f.leadersTrained.trained), total: sum((f) => f.leadersTrained.total) },
    rotationsByQuarter: [0, 1, 2, 3].map((q) => sum((f) => f.rotationsByQuarter[q] ?? 0)),
    exchangeMeetings: county.exchange,
    threeRoomsComplete: meeting('rooms'),
    equipmentComplete: meeting('equipment'),
    onlineShare: !sources.documents || oT === 0 ? null : sum((f) => f.online.online) / oT,
    avgOfficeExpenseYuan: avgNow,
    avgOfficeExpenseYuanPreviousYear: avgPrev,
    expenseYearOnYear: yearOnYear(avgNow, avgPrev),
    townshipsWithAllSixRules: fs.filter((f) => f.rules >= RULE_KINDS.length).length,
    tenProhibitionsAcknowledged: fs.filter((f) => f.tenAcknowledged).length,
    postsAssigned: meeting('posts'),
    lateFilings: sum((f) => f.lateFilings),
    sources,
    columns: STANDARD_COLUMNS.map((key) => ({ key, ...COLUMN_LABELS[key], api: DRILL_API[key]('{orgId}', year) })),
  };
  const rows = list.map(
    ({ t, item }) =>
      `{"orgId":${JSON.stringify(t.id)},"code":${JSON.stringify(t.code)},"name":${JSON.stringify(t.name)},"cells":${item.cells},"gaps":${gapsOf(item.figures.statuses)}}`,
  );
  const text = JSON.stringify({ ...head, ...totals });
  return `${text.slice(0, -1)},"rows":[${rows.join(',')}]}`;
}

const itemsOf = (figures: Map<string, TownshipFigures>) => new Map([...figures].map(([id, f]) => [id, gridItem(f)]));

/** The live dashboard of `townships`: every figure measured now (the reference the summaries must equal). */
export async function liveDashboard(db: Db, year: number, townships: Township[], today = chinaToday()): Promise<CountyDashboard> {
  const [m, county] = await Promise.all([measure(db, year, townships, today), countyFigures(db, year)]);
  return JSON.parse(gridJson(year, townships, itemsOf(figuresOf(m)), county)) as CountyDashboard;
}

/** A township with its fresh summary row's text, or nulls when the row is stale or missing. */
type KeptRow = Township & { cells: string | null; figures: string | null };

/**
 * The grid of these townships from their kept rows: fresh rows as kept, and only the stale or
 * missing ones measured now (not written back: the read may be on a replica; the refresh job
 * writes). Equal to `liveDashboard` by construction of the rows (test/dashboard/summaries.test.ts).
 */
async function gridOfKept(db: Db, year: number, today: string, list: KeptRow[], county: CountyFigures, head: Record<string, unknown>) {
  const items = new Map<string, GridItem>();
  for (const r of list)
    if (r.cells !== null && r.figures !== null) items.set(r.id, { figures: JSON.parse(r.figures) as SummaryFigures, cells: r.cells });
  const townships = list.map((r) => ({ id: r.id, code: r.code, name: r.name }));
  const stale = townships.filter((t) => !items.has(t.id));
  if (stale.length) for (const [id, f] of figuresOf(await measure(db, year, stale, today))) items.set(id, gridItem(f));
  return { json: gridJson(year, townships, items, county, head), measured: stale.length };
}

/** The dashboard of `townships` from the summary rows, as JSON text (see gridOfKept). */
export async function summarisedGrid(db: Db, year: number, townships: Township[], today = chinaToday()) {
  const [kept, county] = await Promise.all([
    repo.freshSummaries(
      db,
      year,
      today,
      townships.map((t) => t.id),
    ),
    countyFigures(db, year),
  ]);
  const byId = new Map(kept.map((r) => [r.org_id, r]));
  const list = townships.map((t) => ({ ...t, cells: byId.get(t.id)?.cells ?? null, figures: byId.get(t.id)?.figures ?? null }));
  return gridOfKept(db, year, today, list, county, {});
}

/** The grid of a county's townships from the summary rows, in one statement (see gridOfKept). */
export async function countyGridOf(db: Db, countyId: string, year: number, today = chinaToday(), head: Record<string, unknown> = {}) {
  const [list, county] = await Promise.all([repo.countySummaries(db, countyId, year, today), countyFigures(db, year)]);
  return gridOfKept(db, year, today, list, county, head);
}

/** `summarisedGrid` as an object (the print, the tests). */
export async function summarisedDashboard(db: Db, year: number, townships: Township[], today = chinaToday()) {
  const { json, measured } = await summarisedGrid(db, year, townships, today);
  return { dashboard: JSON.parse(json) as CountyDashboard, measured };
}

/** The years a refresh keeps summaries of: this year and the nine before it. */
export const SUMMARY_YEARS = 10;

/**
 * The scheduled refresh (and what a test or the bench runs directly): for each of the last ten
 * years, measures the townships whose row is missing, of another day or marked by a write since,
 * and upserts their rows; then removes the marks it read first. A mark committed while it measures
 * stays for the next run; a row is only replaced by one computed later (computed_at), so two
 * server processes refreshing at once never put older figures back.
 */
export async function refreshSummaries(db: Db, today = chinaToday()): Promise<{ rows: number; marks: number }> {
  const { at, marks } = await repo.readMarks(db);
  const all = marks.some((m) => m.org_id === null);
  const marked = new Set(marks.flatMap((m) => (m.org_id ? [m.org_id] : [])));
  const townships = await repo.townships(db, null);
  const current = Number(today.slice(0, 4));
  let written = 0;
  for (let year = current - SUMMARY_YEARS + 1; year <= current; year++) {
    const kept = new Map((await repo.summaryDays(db, year)).map((r) => [r.org_id, r.as_of]));
    const todo = townships.filter((t) => all || marked.has(t.id) || kept.get(t.id) !== today);
    if (!todo.length) continue;
    const m = await measure(db, year, todo, today);
    if (m.failed) throw new Error(`a metrics source failed measuring ${year}; the summaries stay as they were`);
    const rows = [...figuresOf(m)].map(([orgId, f]) => {
      const item = gridItem(f);
      return { orgId, cells: item.cells, figures: JSON.stringify(item.figures), statuses: item.figures.statuses };
    });
    written += await repo.upsertSummaries(db, year, today, at, rows);
  }
  await repo.removeMarks(
    db,
    marks.map((m) => m.id),
  );
  return { rows: written, marks: marks.length };
}

/** Whether the actor reads the dashboard as a province (its counties) rather than as a county office. */
const readsProvince = (ctx: RequestContext) => holderMay(ctx.actor, 'supervision.province');

/**
 * The county whose grid the actor asks for. A province role names one of its province's counties
 * (`countyId`, required); the county office reads its own county, and naming another is a 404, as
 * any record of another org is.
 */
async function dashboardCounty(db: Db, ctx: RequestContext, countyId?: string): Promise<OrgBrief> {
  if (readsProvince(ctx)) {
    if (!countyId) throw new AppError(DashboardErrors.DASHBOARD_COUNTY_REQUIRED);
    const [county, parent] = await repo.ancestry(db, countyId);
    if (!county || county.kind !== 'county' || parent?.id !== ctx.actor.orgId)
      throw new AppError(DashboardErrors.DASHBOARD_NOT_IN_PROVINCE);
    return county;
  }
  const own = (await repo.ancestry(db, ctx.actor.orgId)).find((o) => o.kind === 'county');
  if (!own || (countyId && countyId !== own.id)) throw new AppError(DashboardErrors.DASHBOARD_NOT_IN_COUNTY);
  return own;
}

/** A township the actor may read the standing of: its county's or its province's, or its own. */
async function readableTownship(db: Db, ctx: RequestContext, orgId: string): Promise<Township> {
  const chain = await repo.ancestry(db, orgId);
  const [township] = chain;
  if (readsProvince(ctx)) {
    if (township?.kind !== 'township' || !chain.some((o) => o.kind === 'province' && o.id === ctx.actor.orgId))
      throw new AppError(DashboardErrors.DASHBOARD_NOT_IN_PROVINCE);
    return township;
  }
  assertSupervisionReadable(ctx.actor, orgId);
  if (township?.kind !== 'township') throw notFound();
  if (ctx.actor.orgId !== orgId) {
    const own = (await repo.ancestry(db, ctx.actor.orgId)).find((o) => o.kind === 'county');
    if (!own || !chain.some((o) => o.id === own.id)) throw notFound();
  }
  return township;
}

/**
 * The county grid as JSON text (the county it is of first): `countyId` for a province role (one of
 * its counties), the caller's own county otherwise.
 */
export async function countyGrid(db: Db, ctx: RequestContext, year: number, countyId?: string, today = chinaToday()) {
  const county = await dashboardCounty(db, ctx, countyId);
  return { county, ...(await countyGridOf(db, county.id, year, today, { county: { id: county.id, name: county.name } })) };
}

/** A township's own standing: its row and each gap with what to do about it. */
export async function townshipStanding(db: Db, ctx: RequestContext, orgId: string, year: number, today = chinaToday()) {
  const township = await readableTownship(db, ctx, orgId);
  const d = await liveDashboard(db, year, [township], today);
  const row = d.rows[0];
  if (!row) throw notFound();
  const gaps = STANDARD_COLUMNS.filter((c) => row.cells[c].status === 'gap' || row.cells[c].status === 'warn').map((c) => ({
    column: c,
    label: COLUMN_LABELS[c].zh,
    status: row.cells[c].status,
    value: row.cells[c].value,
    advice: GAP_ADVICE[c].zh,
    adviceEn: GAP_ADVICE[c].en,
    drill: cellDrill(row.orgId, c, year),
  }));
  return { year, township: { id: row.orgId, code: row.code, name: row.name }, row, gaps, columns: d.columns };
}

/** Chart series for the dashboard: online share by month, staff structure, expenses, overdue items. */
export async function countyCharts(db: Db, ctx: RequestContext, year: number, countyId?: string, today = chinaToday()) {
  const src = await loadSources();
  const county = await dashboardCounty(db, ctx, countyId);
  const townships = await repo.townshipsOfCounty(db, county.id);
  const m = await measure(db, year, townships, today);
  const figures = figuresOf(m);
  const inCounty = new Set(townships.map((t) => t.id));
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const list = m.online?.filter((r) => r.month === i + 1 && inCounty.has(r.orgId)) ?? [];
    const total = list.reduce((a, r) => a + r.total, 0);
    return { month: i + 1, share: m.online === null || total === 0 ? null : list.reduce((a, r) => a + r.online, 0) / total };
  });
  const structure = await personnelMetrics.staffStructureCounts(db, today);
  const names = new Map(townships.map((t) => [t.id, t.name]));
  const byOrg = new Map<string, Record<string, number>>();
  for (const e of await environmentMetrics.expensesByCategory(db, year))
    byOrg.set(e.org_id, { ...byOrg.get(e.org_id), [e.category]: Number(e.amount) });
  const expensesByTownship = townships.map((t) => ({ orgId: t.id, name: t.name, byCategory: byOrg.get(t.id) ?? {} }));
  return {
    year,
    onlineShareByMonth: src.onlineShareByOrgMonth ? monthly : null,
    staffStructure: structure,
    expensesByTownship,
    overdueByTownship: townships.map((t) => {
      const overdue = figures.get(t.id)!.cells.overdue;
      return {
        orgId: t.id,
        name: names.get(t.id) ?? t.name,
        overdue: overdue.status === 'nodata' ? null : Number.parseInt(overdue.value, 10),
      };
    }),
  };
}

/**
 * The province overview: one line per county of the actor's province, each the totals of its
 * county grid (the same summary rows, their statuses only), in the counties' order.
 */
export async function provinceDashboard(db: Db, ctx: RequestContext, year: number, today = chinaToday()): Promise<ProvinceDashboard> {
  if (!readsProvince(ctx)) throw forbiddenRole();
  const [province] = await repo.ancestry(db, ctx.actor.orgId);
  if (province?.kind !== 'province') throw new AppError(DashboardErrors.DASHBOARD_NOT_IN_PROVINCE);
  // Each county's counts over its townships' fresh summary rows, from SQL; the stale or missing
  // ones are measured now and added.
  const lines = await repo.provinceLines(db, province.id, year, today, STANDARD_COLUMNS.length);
  const stale = lines.flatMap((l) => l.stale ?? []);
  const measured = stale.length ? figuresOf(await measure(db, year, stale, today)) : new Map<string, TownshipFigures>();
  return {
    year,
    province: { id: province.id, name: province.name },
    measuredNow: stale.length,
    counties: lines.map((l) => {
      const ok = STANDARD_COLUMNS.map((_, i) => l.ok?.[i] ?? 0);
      let { kept: townships, all_met: allMet, gaps } = l;
      for (const t of l.stale ?? []) {
        const st = STANDARD_COLUMNS.map((c) => measured.get(t.id)!.cells[c].status);
        townships++;
        if (gapsOf(st) === 0) allMet++;
        gaps += gapsOf(st);
        st.forEach((x, i) => (ok[i] = (ok[i] ?? 0) + (x === 'ok' ? 1 : 0)));
      }
      return {
        id: l.id,
        code: l.code,
        name: l.name,
        townships,
        allMet,
        gaps,
        standards: Object.fromEntries(STANDARD_COLUMNS.map((col, i) => [col, ok[i]!])) as Record<StandardColumn, number>,
      };
    }),
    columns: STANDARD_COLUMNS.map((key) => ({ key, ...COLUMN_LABELS[key] })),
  };
}
