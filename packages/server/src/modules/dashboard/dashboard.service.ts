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
  type Cell,
  type CountyDashboard,
  type StandardColumn,
  type TownshipRow,
} from '@township-office/domain/dashboard';
import { POSTS, ROOM_KINDS, RULE_KINDS, equipmentOk, yearOnYear } from '@township-office/domain/environment';
import { chinaToday } from '@township-office/domain/dates';
import { TRAINING_WINDOW_YEARS, trainingWindow } from '@township-office/domain/training';
import type { Db } from '../../db/client.ts';
import { assertSupervisionReadable } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import * as environmentMetrics from '../environment/environment.metrics.ts';
import * as personnelMetrics from '../personnel/personnel.metrics.ts';
import * as trainingMetrics from '../training/training.metrics.ts';
import { dashboardRepository as repo } from './dashboard.repository.ts';
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

/** The current leaders in charge, and how many of them attended a held session in the window. */
async function leaderCoverageOf(db: Db, from: string, to: string) {
  const [leaders, attended] = await Promise.all([personnelMetrics.currentLeaderIds(db), trainingMetrics.attendeesInWindow(db, from, to)]);
  return [{ total: leaders.length, trained: leaders.filter((id) => attended.leaderIds.has(id)).length }];
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

/** Everything measured for one year, shared by the county dashboard, the township page and the print. */
async function measure(db: Db, year: number, orgIds: string[] | null, today: string) {
  const w = trainingWindow(year);
  const asOf = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  const src = await loadSources();
  const [
    townships,
    leaders,
    staffCounts,
    filings,
    sessions,
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
    exchange,
    overdueF,
    overdueP,
  ] = await Promise.all([
    repo.townships(db, orgIds),
    personnelMetrics.leadersOn(db, asOf),
    personnelMetrics.activeStaffCounts(db),
    personnelMetrics.filingsInYear(db, year),
    trainingMetrics.heldSessionCount(db, w.from, w.to),
    coverageOf(db, w.from, w.to),
    leaderCoverageOf(db, w.from, w.to),
    trainingMetrics.rotationsByQuarter(db, year),
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
    readSource('exchangeMeetingsInYear', src.exchangeMeetingsInYear && (() => src.exchangeMeetingsInYear!(db, year))),
    readSource('overdueFollowUpsByOrg', src.overdueFollowUpsByOrg && (() => src.overdueFollowUpsByOrg!(db, today))),
    readSource('overduePetitionsByOrg', src.overduePetitionsByOrg && (() => src.overduePetitionsByOrg!(db, today))),
  ]);
  return {
    year,
    today,
    townships,
    leaders,
    staffCounts,
    filings,
    sessions,
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
    exchange,
    overdueF,
    overdueP,
  };
}
type Measured = Awaited<ReturnType<typeof measure>>;

function build(m: Measured): CountyDashboard {
  const by = <T extends { org_id: string }>(list: T[]) => new Map(list.map((r) => [r.org_id, r]));
  const leaders = by(m.leaders);
  const staff = by(m.staffCounts);
  const filings = by(m.filings);
  const coverage = by(m.coverage);
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
  const townshipIds = new Set(m.townships.map((t) => t.id));
  const noData = NO_DATA_LABEL.zh;

  const rows: TownshipRow[] = m.townships.map((t) => {
    const cell = (col: StandardColumn, status: Cell['status'], value: string): Cell => ({
      status,
      value: status === 'nodata' ? noData : value,
      drill: `/supervision/townships/${t.id}?tab=${col}&year=${m.year}`,
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
    return {
      orgId: t.id,
      code: t.code,
      name: t.name,
      cells,
      gaps: Object.values(cells).filter((x) => x.status === 'gap' || x.status === 'warn').length,
    };
  });

  const inScope = <T extends { org_id: string }>(list: T[]) => list.filter((r) => townshipIds.has(r.org_id));
  const avg = (totals: Map<string, number>) => {
    const vals = [...totals.entries()].filter(([o]) => townshipIds.has(o)).map(([, v]) => v);
    return vals.length ? round2(vals.reduce((a, b) => a + b, 0) / vals.length) : null;
  };
  const avgNow = avg(expNow);
  const avgPrev = avg(expPrev);
  const onlineSum = m.online?.filter((r) => townshipIds.has(r.orgId)) ?? null;
  const oT = onlineSum?.reduce((a, r) => a + r.total, 0) ?? 0;
  const cov = inScope(m.coverage);
  const staffNs = m.townships.map((t) => staff.get(t.id)?.n ?? 0);
  return {
    year: m.year,
    townships: m.townships.length,
    leadersInCharge: { assigned: inScope(m.leaders).length, familiar: inScope(m.leaders).filter((l) => l.familiar).length },
    filedStaff: staffNs.reduce((a, b) => a + b, 0),
    staffPerTownship: {
      min: staffNs.length ? Math.min(...staffNs) : 0,
      max: staffNs.length ? Math.max(...staffNs) : 0,
      within: rows.filter((r) => r.cells.staff.status === 'ok').length,
    },
    trainingSessions: m.sessions[0]?.n ?? 0,
    trainedAtLeastOnce: { trained: cov.reduce((a, r) => a + r.trained, 0), total: cov.reduce((a, r) => a + r.total, 0) },
    leadersTrained: { trained: m.leaderCov[0]?.trained ?? 0, total: m.leaderCov[0]?.total ?? 0 },
    rotationsByQuarter: [1, 2, 3, 4].map((q) => m.byQuarter.find((r) => r.quarter === q)?.n ?? 0),
    exchangeMeetings: m.exchange ? m.exchange.length : null,
    threeRoomsComplete: rows.filter((r) => r.cells.rooms.status === 'ok').length,
    equipmentComplete: rows.filter((r) => r.cells.equipment.status === 'ok').length,
    onlineShare: onlineSum === null || oT === 0 ? null : onlineSum.reduce((a, r) => a + r.online, 0) / oT,
    avgOfficeExpenseYuan: avgNow,
    avgOfficeExpenseYuanPreviousYear: avgPrev,
    expenseYearOnYear: yearOnYear(avgNow, avgPrev),
    townshipsWithAllSixRules: inScope(m.rules).filter((r) => r.n >= RULE_KINDS.length).length,
    tenProhibitionsAcknowledged: docs > 0 ? inScope(m.acks).filter((a) => a.n >= docs).length : 0,
    postsAssigned: rows.filter((r) => r.cells.posts.status === 'ok').length,
    lateFilings: inScope(m.filings).reduce((a, f) => a + f.late, 0),
    sources: { documents: m.online !== null, duty: m.duty !== null, meetings: m.exchange !== null, petitions: m.overdueP !== null },
    columns: STANDARD_COLUMNS.map((key) => ({ key, ...COLUMN_LABELS[key], api: DRILL_API[key]('{orgId}', m.year) })),
    rows,
  };
}

export async function countyDashboard(db: Db, _ctx: RequestContext, year: number, today = chinaToday()): Promise<CountyDashboard> {
  return build(await measure(db, year, null, today));
}

/** A township's own standing: its row and each gap with what to do about it. */
export async function townshipStanding(db: Db, ctx: RequestContext, orgId: string, year: number, today = chinaToday()) {
  assertSupervisionReadable(ctx.actor, orgId);
  const d = build(await measure(db, year, [orgId], today));
  const row = d.rows[0];
  if (!row) throw notFound();
  const gaps = STANDARD_COLUMNS.filter((c) => row.cells[c].status === 'gap' || row.cells[c].status === 'warn').map((c) => ({
    column: c,
    label: COLUMN_LABELS[c].zh,
    status: row.cells[c].status,
    value: row.cells[c].value,
    advice: GAP_ADVICE[c].zh,
    adviceEn: GAP_ADVICE[c].en,
    drill: row.cells[c].drill,
  }));
  return { year, township: { id: row.orgId, code: row.code, name: row.name }, row, gaps, columns: d.columns };
}

/** Chart series for the dashboard: online share by month, staff structure, expenses, overdue items. */
export async function countyCharts(db: Db, _ctx: RequestContext, year: number, today = chinaToday()) {
  const src = await loadSources();
  const m = await measure(db, year, null, today);
  const d = build(m);
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const list = m.online?.filter((r) => r.month === i + 1) ?? [];
    const total = list.reduce((a, r) => a + r.total, 0);
    return { month: i + 1, share: m.online === null || total === 0 ? null : list.reduce((a, r) => a + r.online, 0) / total };
  });
  const structure = await personnelMetrics.staffStructureCounts(db, today);
  const names = new Map(m.townships.map((t) => [t.id, t.name]));
  const byOrg = new Map<string, Record<string, number>>();
  for (const e of await environmentMetrics.expensesByCategory(db, year))
    byOrg.set(e.org_id, { ...byOrg.get(e.org_id), [e.category]: Number(e.amount) });
  const expensesByTownship = m.townships.map((t) => ({ orgId: t.id, name: t.name, byCategory: byOrg.get(t.id) ?? {} }));
  return {
    year,
    onlineShareByMonth: src.onlineShareByOrgMonth ? monthly : null,
    staffStructure: structure,
    expensesByTownship,
    overdueByTownship: d.rows.map((r) => ({
      orgId: r.orgId,
      name: names.get(r.orgId) ?? r.name,
      overdue: r.cells.overdue.status === 'nodata' ? null : Number.parseInt(r.cells.overdue.value, 10),
    })),
  };
}
