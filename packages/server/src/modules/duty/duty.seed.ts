/**
 * The demo county's duty from 1 January of last year: the holiday calendar, each township's
 * roster (daily rotation) to a month ahead, a duty log kept on most days, a few incidents reported
 * upward, recent handovers, holiday rosters submitted (some late, the next holiday's still missing
 * in several townships). Bulk inserts, one audit row.
 */
import { chinaToday } from '@township-office/domain/dates';
import { generateRotation } from '@township-office/domain/duty';
import type { DutyLogKind } from '@township-office/domain/duty';
import { eachDay, shiftDay } from '@township-office/domain/holidays';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../db/client.ts';
import { personName } from '../../seed/demo-county.ts';
import type { SeedContext, SeedStep } from '../../seed/seed-context.ts';
import { bulkInsert, seedUuid } from '../meetings/meetings.seed.ts';
import {
  dutyHandovers,
  dutyHolidaySubmissions,
  dutyIncidentReports,
  dutyLogEntries,
  dutyRosterDays,
  holidayPeriods,
} from './duty.tables.ts';

type RosterInsert = typeof dutyRosterDays.$inferInsert;
type LogInsert = typeof dutyLogEntries.$inferInsert;

/**
 * Statutory holidays and make-up working days for 2025 and 2026, from the State Council General
 * Office's yearly notices (demo data: a deployment keeps its own through POST /api/calendar/holidays).
 */
const HOLIDAYS: Record<number, [string, string, string, string[]][]> = {
  2025: [
    ['元旦', '2025-01-01', '2025-01-01', []],
    ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['清明节', '2025-04-04', '2025-04-06', []],
    ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
    ['端午节', '2025-05-31', '2025-06-02', []],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['清明节', '2026-04-04', '2026-04-06', []],
    ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
    ['端午节', '2026-06-19', '2026-06-21', []],
    ['中秋节', '2026-09-25', '2026-09-27', []],
    ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ],
};

const CALLERS: [DutyLogKind, string, string][] = [
  ['phone', '县委办', '通知参加视频会议'],
  ['phone', '县应急管理局', '转发天气预警，要求做好防范'],
  ['phone', '某村村委会', '报告村内道路塌方情况'],
  ['visit', '群众', '咨询低保申请办理流程'],
  ['document', '县政府办', '送达文件一份，已登记转办'],
  ['other', '', '值班期间无异常情况'],
  ['phone', '县信访局', '转办来信一件'],
];

export const dutySeed: SeedStep = {
  name: 'duty',
  async run(s: SeedContext) {
    const r = s.rng;
    const today = chinaToday(s.today);
    const start = `${s.year - 1}-01-01`;
    const xwb = s.orgs.get('XWB')!;
    const user = (n: string) => s.users.get(n)!;
    const holidayRows: (typeof holidayPeriods.$inferInsert)[] = [];
    for (const year of [s.year - 1, s.year]) {
      for (const [name, startsOn, endsOn, makeup] of HOLIDAYS[year] ?? [])
        holidayRows.push({ id: seedUuid(r), orgId: xwb.id, name, startsOn, endsOn, makeupWorkdays: makeup });
    }
    // The next New Year's Day is always a statutory holiday: the county is waiting on its rosters.
    holidayRows.push({
      id: seedUuid(r),
      orgId: xwb.id,
      name: '元旦',
      startsOn: `${s.year + 1}-01-01`,
      endsOn: `${s.year + 1}-01-01`,
      makeupWorkdays: [],
    });

    const rosterTo = shiftDay(today, 40);
    const roster: RosterInsert[] = [];
    const logs: LogInsert[] = [];
    const incidents: (typeof dutyIncidentReports.$inferInsert)[] = [];
    const handovers: (typeof dutyHandovers.$inferInsert)[] = [];
    const submissions: (typeof dutyHolidaySubmissions.$inferInsert)[] = [];
    const countyRoster = generateRotation({
      from: start,
      to: rosterTo,
      mode: 'daily',
      leaders: [user('county.leader').displayName, personName(r)],
      staff: [user('county.clerk').displayName, user('county.admin').displayName, personName(r)],
      staffPerDay: 1,
    });
    for (const d of countyRoster)
      roster.push({ orgId: xwb.id, day: d.day, leaderName: d.leaderName, staffNames: d.staffNames, source: 'rotation' });
    const countyOnDuty = new Map(countyRoster.map((d) => [d.day, [d.leaderName, ...d.staffNames]]));

    s.townships.forEach((t, ti) => {
      const nn = String(ti + 1).padStart(2, '0');
      const clerk = user(`town${nn}.clerk`);
      const leader = user(`town${nn}.leader`);
      const days = generateRotation({
        from: start,
        to: rosterTo,
        mode: r.chance(0.7) ? 'daily' : 'weekly',
        leaders: [leader.displayName, personName(r), personName(r)],
        staff: [clerk.displayName, personName(r), personName(r)],
        staffPerDay: 1,
      });
      for (const d of days)
        roster.push({ orgId: t.id, day: d.day, leaderName: d.leaderName, staffNames: d.staffNames, source: 'rotation' });
      // A few townships keep their log less faithfully than the rest.
      const keepRate = ti % 6 === 5 ? 0.8 : 0.97;
      for (const day of eachDay(start, shiftDay(today, -1))) {
        if (!r.chance(keepRate)) continue;
        const n = r.int(1, 3);
        for (let k = 0; k < n; k++) {
          const [kind, unit, content] = r.pick(CALLERS);
          const at = new Date(`${day}T${String(r.int(8, 22)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`);
          logs.push({
            id: seedUuid(r),
            orgId: t.id,
            day,
            at,
            kind,
            callerUnit: unit || null,
            callerName: kind === 'other' ? null : personName(r),
            callerPhone: kind === 'phone' ? `0${r.int(500, 599)}-${r.int(2000000, 8999999)}` : null,
            content,
            handling: kind === 'other' ? null : '已报告带班领导并按要求处理',
            result: kind === 'other' ? null : '已办结',
            recordedBy: clerk.id,
            recordedByName: clerk.displayName,
          });
        }
        if (r.chance(0.004)) {
          const id = seedUuid(r);
          logs.push({
            id,
            orgId: t.id,
            day,
            at: new Date(`${day}T21:30:00+08:00`),
            kind: 'incident',
            callerUnit: '某村村委会',
            callerName: personName(r),
            content: r.pick(['暴雨致村道塌方，无人员伤亡', '民房起火，已扑灭，无人员伤亡', '山体滑坡，已转移群众']),
            handling: '带班领导赶赴现场，组织处置',
            result: '已妥善处置',
            reportUpward: true,
            recordedBy: clerk.id,
            recordedByName: clerk.displayName,
          });
          incidents.push({
            orgId: t.id,
            entryId: id,
            countyOrgId: xwb.id,
            notifiedNames: countyOnDuty.get(day) ?? [],
            reportedAt: new Date(`${day}T21:45:00+08:00`),
          });
        }
      }
      for (const day of eachDay(shiftDay(today, -14), shiftDay(today, -1))) {
        handovers.push({
          orgId: t.id,
          day,
          outgoingUserId: clerk.id,
          outgoingName: clerk.displayName,
          incomingUserId: leader.id,
          incomingName: leader.displayName,
          outstanding: r.chance(0.3) ? '待县应急局回复预警解除时间' : '',
          outgoingConfirmedAt: new Date(`${day}T08:30:00+08:00`),
          incomingConfirmedAt: new Date(`${day}T08:35:00+08:00`),
          createdBy: clerk.id,
        });
      }
      for (const h of holidayRows) {
        const due = shiftDay(h.startsOn, -5);
        if (h.startsOn > rosterTo) continue;
        const upcoming = h.startsOn > today;
        if (upcoming ? r.chance(0.5) : r.chance(0.03)) continue;
        const late = !upcoming && r.chance(0.08);
        const on = late ? shiftDay(due, r.int(1, 3)) : shiftDay(due, -r.int(0, 5));
        if (on > today) continue;
        submissions.push({
          orgId: t.id,
          holidayId: h.id!,
          submittedOn: on,
          submittedAt: new Date(`${on}T10:00:00+08:00`),
          submittedBy: clerk.id,
          late,
        });
      }
    });

    await s.db.transaction(async (tx: Tx) => {
      await bulkInsert(holidayRows, 100, (c) => tx.insert(holidayPeriods).values(c));
      // Tens of thousands of rows: one JSON parameter per chunk is far quicker than bound parameters per value.
      await bulkInsert(roster, 5000, (c) =>
        tx.execute(sql`INSERT INTO duty_roster_days (org_id, day, leader_name, staff_names, source)
          SELECT org_id, day, leader_name, staff_names, source FROM jsonb_to_recordset(${JSON.stringify(c.map((x) => ({ org_id: x.orgId, day: x.day, leader_name: x.leaderName, staff_names: x.staffNames, source: x.source })))}::jsonb)
          AS x(org_id uuid, day date, leader_name text, staff_names text[], source text)`),
      );
      await bulkInsert(logs, 5000, (c) =>
        tx.execute(sql`INSERT INTO duty_log_entries (id, org_id, day, at, kind, caller_unit, caller_name, caller_phone, content, handling, result, report_upward, recorded_by, recorded_by_name)
          SELECT id, org_id, day, at, kind, caller_unit, caller_name, caller_phone, content, handling, result, report_upward, recorded_by, recorded_by_name
          FROM jsonb_to_recordset(${JSON.stringify(c.map((x) => ({ id: x.id, org_id: x.orgId, day: x.day, at: (x.at as Date).toISOString(), kind: x.kind, caller_unit: x.callerUnit, caller_name: x.callerName, caller_phone: x.callerPhone, content: x.content, handling: x.handling, result: x.result, report_upward: x.reportUpward ?? false, recorded_by: x.recordedBy, recorded_by_name: x.recordedByName })))}::jsonb)
          AS x(id uuid, org_id uuid, day date, at timestamptz, kind text, caller_unit text, caller_name text, caller_phone text, content text, handling text, result text, report_upward boolean, recorded_by uuid, recorded_by_name text)`),
      );
      await bulkInsert(incidents, 500, (c) => tx.insert(dutyIncidentReports).values(c));
      await bulkInsert(handovers, 500, (c) => tx.insert(dutyHandovers).values(c));
      await bulkInsert(submissions, 500, (c) => tx.insert(dutyHolidaySubmissions).values(c));
      await writeAudit(tx, s.ctx, {
        action: 'seed.duty',
        entity: 'duty_log_entry',
        orgId: s.orgs.get('QX')!.id,
        after: {
          rosterDays: roster.length,
          logEntries: logs.length,
          incidents: incidents.length,
          handovers: handovers.length,
          holidaySubmissions: submissions.length,
        },
      });
    });
    s.progress(`${roster.length} roster days, ${logs.length} log entries`);
  },
};
