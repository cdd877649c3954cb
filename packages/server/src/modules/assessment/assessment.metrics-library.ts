/**
 * The metric library: for each key of the domain's METRICS, how its value is computed for a year
 * and a set of orgs. Reads only other modules' *.metrics.ts (never their tables), so a change in a
 * register's storage changes one query in that module.
 */
import { chinaToday } from '@township-office/domain/dates';
import type { MetricKey } from '@township-office/domain/assessment';
import { allOn, type Db } from '../../db/client.ts';
import { archivedShareByOrg } from '../archives/archives.metrics.ts';
import { incomingClosedOnTimeByOrg, receiptsWithin24hByOrg } from '../documents/documents.assessment-metrics.ts';
import { onlineShareByOrgMonth } from '../documents/documents.metrics.ts';
import { dutyLogDaysKept } from '../duty/duty.metrics.ts';
import { infoPointsByOrg } from '../information/information.metrics.ts';
import { exchangeMeetingsInYear, overdueFollowUpsByOrg } from '../meetings/meetings.metrics.ts';
import { overduePetitionsByOrg } from '../reception/petitions.metrics.ts';
import { petitionsHandledOnTimeByOrg } from '../reception/petitions.assessment-metrics.ts';
import { followUpsClosedOnTimeByOrg } from '../meetings/follow-ups.assessment-metrics.ts';
import { activeStaffOrgs, filingsInYear } from '../personnel/personnel.metrics.ts';
import { attendeesInWindow, rotationsInWindow } from '../training/training.metrics.ts';
import { currentPosts, roomsInUse, rulesInForce } from '../environment/environment.metrics.ts';
import { POSTS, ROOM_KINDS, RULE_KINDS } from '@township-office/domain/environment';

/** One org's measured value and the figures behind it, e.g. "45/50". */
export interface MetricValue {
  value: number;
  numerator: number;
  denominator: number | null;
}

/** Reads shared by several metrics of one measurement (the information ranking feeds two), made once. */
type Shared = Map<string, Promise<unknown>>;
type Compute = (db: Db, year: number, shared?: Shared) => Promise<Map<string, MetricValue>>;

function once<T>(shared: Shared | undefined, key: string, read: () => Promise<T>): Promise<T> {
  if (!shared) return read();
  if (!shared.has(key)) shared.set(key, read());
  return shared.get(key) as Promise<T>;
}

const ratio = (n: number, d: number): MetricValue => ({
  value: d > 0 ? Math.round((n / d) * 10000) / 10000 : 0,
  numerator: n,
  denominator: d,
});
const count = (n: number): MetricValue => ({ value: n, numerator: n, denominator: null });

/** The last day counted for "at the cut-off": the year's last day, or today while the year runs. */
export function cutOffDay(year: number, today = chinaToday()): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

export const METRIC_COMPUTE: Record<MetricKey, Compute> = {
  receipt_timeliness: async (db, year) => new Map((await receiptsWithin24hByOrg(db, year)).map((r) => [r.orgId, ratio(r.onTime, r.total)])),
  closed_on_time: async (db, year) => new Map((await incomingClosedOnTimeByOrg(db, year)).map((r) => [r.orgId, ratio(r.onTime, r.total)])),
  online_share: async (db, year) => {
    const sums = new Map<string, { online: number; total: number }>();
    for (const r of await onlineShareByOrgMonth(db, year)) {
      const s = sums.get(r.orgId) ?? { online: 0, total: 0 };
      s.online += r.online;
      s.total += r.total;
      sums.set(r.orgId, s);
    }
    return new Map([...sums].map(([k, s]) => [k, ratio(s.online, s.total)]));
  },
  info_points: async (db, year, shared) =>
    new Map((await once(shared, 'info', () => infoPointsByOrg(db, year))).map((r) => [r.orgId, count(r.points)])),
  info_adoption_rate: async (db, year, shared) =>
    new Map((await once(shared, 'info', () => infoPointsByOrg(db, year))).map((r) => [r.orgId, ratio(r.adopted, r.items)])),
  duty_log_completeness: async (db, year) =>
    new Map((await dutyLogDaysKept(db, year)).map((r) => [r.orgId, ratio(r.daysKept, r.daysExpected)])),
  archived_share: async (db, year) => new Map((await archivedShareByOrg(db, year)).map((r) => [r.orgId, ratio(r.archived, r.closed)])),
  exchange_meeting_attended: async (db, year) => {
    const out = new Map<string, MetricValue>();
    for (const m of await exchangeMeetingsInYear(db, year))
      for (const id of m.townshipOrgIds) out.set(id, count((out.get(id)?.value ?? 0) + 1));
    return out;
  },
  overdue_follow_ups: async (db, year) =>
    new Map((await overdueFollowUpsByOrg(db, cutOffDay(year))).map((r) => [r.orgId, count(r.overdue)])),
  overdue_petitions: async (db, year) =>
    new Map((await overduePetitionsByOrg(db, cutOffDay(year))).map((r) => [r.orgId, count(r.overdue)])),
  petitions_on_time: async (db, year) =>
    new Map((await petitionsHandledOnTimeByOrg(db, year, cutOffDay(year))).map((r) => [r.orgId, ratio(r.onTime, r.total)])),
  follow_ups_on_time: async (db, year) =>
    new Map((await followUpsClosedOnTimeByOrg(db, year, cutOffDay(year))).map((r) => [r.orgId, ratio(r.onTime, r.total)])),
  staff_filings_on_time: async (db, year) =>
    new Map((await filingsInYear(db, year)).map((r) => [r.org_id, ratio(Number(r.n) - Number(r.late), Number(r.n))])),
  training_coverage: async (db, year) => {
    const [staffOrgs, attended] = await allOn(db, [
      () => activeStaffOrgs(db),
      () => attendeesInWindow(db, `${year}-01-01`, cutOffDay(year)),
    ]);
    const sums = new Map<string, { n: number; d: number }>();
    for (const [staffId, orgId] of staffOrgs) {
      const s = sums.get(orgId) ?? { n: 0, d: 0 };
      s.d++;
      if (attended.staffIds.has(staffId)) s.n++;
      sums.set(orgId, s);
    }
    return new Map([...sums].map(([k, s]) => [k, ratio(s.n, s.d)]));
  },
  rotations_taken: async (db, year) => new Map((await rotationsInWindow(db, year, year)).map((r) => [r.org_id, count(Number(r.n))])),
  rooms_in_use: async (db) =>
    new Map((await roomsInUse(db)).map((r) => [r.org_id, ratio(Math.min(Number(r.n), ROOM_KINDS.length), ROOM_KINDS.length)])),
  rules_in_force: async (db) =>
    new Map((await rulesInForce(db)).map((r) => [r.org_id, ratio(Math.min(Number(r.n), RULE_KINDS.length), RULE_KINDS.length)])),
  posts_assigned: async (db) => {
    // A post counts when its holder is filed as active in that same office.
    const [posts, staffOrgs] = await allOn(db, [() => currentPosts(db), () => activeStaffOrgs(db)]);
    const held = new Map<string, Set<string>>();
    for (const p of posts) if (staffOrgs.get(p.staff_id) === p.org_id) held.set(p.org_id, (held.get(p.org_id) ?? new Set()).add(p.post));
    return new Map([...held].map(([k, s]) => [k, ratio(s.size, POSTS.length)]));
  },
};

/** Values of the given metrics for `year`; an org without records gets 0 of 0 (shown as such). */
export async function measure(db: Db, year: number, keys: readonly MetricKey[]): Promise<Map<MetricKey, Map<string, MetricValue>>> {
  const unique = [...new Set(keys)];
  const shared: Shared = new Map();
  const values = await allOn(
    db,
    unique.map((k) => () => METRIC_COMPUTE[k](db, year, shared)),
  );
  return new Map(unique.map((k, i) => [k, values[i]!]));
}
