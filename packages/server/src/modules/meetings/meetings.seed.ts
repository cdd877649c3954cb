/**
 * The demo county's minutes from 1 January of last year to today: each township's monthly 党委会
 * and 政府办公会 and some 专题会, the county office's yearly 业务交流会 with township attendees,
 * decisions followed up (most closed, a few overdue so the flags show). Bulk inserts, one audit row.
 */
import { chinaToday } from '@township-office/domain/dates';
import { shiftDay } from '@township-office/domain/holidays';
import type { AgendaItem, MeetingKind } from '@township-office/domain/meetings';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../db/client.ts';
import { personName } from '../../seed/demo-county.ts';
import type { Rng, SeedContext, SeedStep } from '../../seed/seed-context.ts';
import { followUpProgress, followUps, meetings } from './meetings.tables.ts';

const TOPICS = [
  '春季森林防火',
  '安全生产大检查',
  '防汛备汛',
  '乡村振兴重点项目',
  '基层党组织建设',
  '人居环境整治',
  '信访矛盾排查化解',
  '耕地保护',
  '秸秆禁烧',
  '民生实事项目',
  '财政预算执行',
  '招商引资',
  '办公室规范化建设',
  '档案规范化管理',
  '作风建设',
];
const DECISIONS = [
  '由分管领导牵头，月底前拿出实施方案',
  '成立工作专班，明确责任到人',
  '各村按要求开展排查，建立台账',
  '所需经费列入本年度预算',
  '下次会议听取进展汇报',
  '办公室负责督促落实并报告',
];

/** A v4-shaped id from the seed's generator, so every demo county has the same ids. */
export function seedUuid(r: Rng): string {
  const h = () =>
    Math.floor(r.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-${(8 + Math.floor(r.next() * 4)).toString(16)}${h().slice(1)}-${h()}${h()}${h()}`;
}

export async function bulkInsert<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export const meetingsSeed: SeedStep = {
  name: 'meetings',
  async run(s: SeedContext) {
    const r = s.rng;
    const today = chinaToday(s.today);
    const user = (n: string) => s.users.get(n)!;
    const meetingRows: (typeof meetings.$inferInsert)[] = [];
    const followRows: (typeof followUps.$inferInsert)[] = [];
    const progressRows: (typeof followUpProgress.$inferInsert)[] = [];
    const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const items = (): AgendaItem[] =>
      Array.from({ length: r.int(1, 3) }, () => {
        const topic = r.pick(TOPICS);
        return {
          title: `研究${topic}工作`,
          discussion: `会议听取了${topic}工作情况汇报，与会人员进行了讨论。`,
          decisions: Array.from({ length: r.int(1, 2) }, () => r.pick(DECISIONS)),
        };
      });

    s.townships.forEach((t, ti) => {
      const nn = String(ti + 1).padStart(2, '0');
      const clerk = user(`town${nn}.clerk`);
      const leader = user(`town${nn}.leader`);
      const members = [leader.displayName, ...Array.from({ length: 6 }, () => personName(r))];
      for (let m = 0; ; m++) {
        const month = new Date(Date.UTC(s.year - 1, m, 1)).toISOString().slice(0, 7);
        if (`${month}-01` > today) break;
        const plan: [MeetingKind, string][] = [
          ['party_committee', '党委会'],
          ['executive', '政府办公会'],
        ];
        if (r.chance(0.4)) plan.push(['topical', '专题会']);
        plan.forEach(([kind, label], k) => {
          const day = `${month}-${String(r.int(3 + k * 8, 9 + k * 8)).padStart(2, '0')}`;
          if (day >= today) return;
          const absent = r.chance(0.3) ? [{ name: members[r.int(1, 6)]!, reason: r.pick(['出差', '病假', '参加县里会议']) }] : [];
          const confirmed = shiftDay(day, 7) < today;
          const id = seedUuid(r);
          const its = items();
          meetingRows.push({
            id,
            orgId: t.id,
            kind,
            title: `${t.shortName ?? t.name}${label}（${month.replace('-', '年')}月）`,
            startsAt: at(day, 9),
            place: r.pick(['党委会议室', '三楼会议室', '便民服务中心会议室']),
            hostUserId: leader.id,
            hostName: leader.displayName,
            recorderUserId: clerk.id,
            recorderName: clerk.displayName,
            attendees: members.filter((p) => !absent.some((a) => a.name === p)),
            absentees: absent,
            nonVoting: r.chance(0.5) ? [personName(r)] : [],
            items: its,
            status: confirmed ? 'confirmed' : 'draft',
            finalisedAt: confirmed ? at(shiftDay(day, 1), 17) : null,
            confirmedAt: confirmed ? at(shiftDay(day, 2), 10) : null,
            createdBy: clerk.id,
          });
          if (!confirmed) return;
          its.forEach((it, ii) =>
            it.decisions.forEach((d, di) => {
              if (!r.chance(0.35)) return;
              const deadline = shiftDay(day, r.int(15, 60));
              // Most are closed on time; a few past their deadline stay open, so the overdue flag shows.
              const closed = deadline < today ? !r.chance(0.04) : r.chance(0.3);
              const fid = seedUuid(r);
              followRows.push({
                id: fid,
                orgId: t.id,
                meetingId: id,
                itemIndex: ii,
                decisionIndex: di,
                decisionText: d,
                ownerName: members[r.int(0, 6)]!,
                ownerUnit: r.pick(['党政办', '农业农村办', '应急办', '综治中心']),
                deadline,
                status: closed ? 'closed' : 'open',
                result: closed ? '已按要求落实' : null,
                closedOn: closed ? (deadline < today ? shiftDay(deadline, -r.int(0, 5)) : today) : null,
                closedBy: closed ? clerk.id : null,
                createdBy: clerk.id,
              });
              progressRows.push({
                orgId: t.id,
                followUpId: fid,
                onDay: shiftDay(day, 7),
                note: '已部署，正在推进',
                byUserId: clerk.id,
                byName: clerk.displayName,
              });
            }),
          );
        });
      }
    });

    // The county office's yearly 业务交流会, most townships attending.
    const xwb = s.orgs.get('XWB')!;
    for (const year of [s.year - 1, s.year]) {
      const day = `${year}-06-${String(r.int(10, 25)).padStart(2, '0')}`;
      if (day >= today) continue;
      const attending = s.townships.filter(() => r.chance(0.95)).map((t) => t.id);
      meetingRows.push({
        orgId: xwb.id,
        kind: 'exchange',
        title: `${year}年全县乡镇办公室业务交流会`,
        startsAt: at(day, 9),
        place: '县委小礼堂',
        hostUserId: user('county.leader').id,
        hostName: user('county.leader').displayName,
        recorderUserId: user('county.clerk').id,
        recorderName: user('county.clerk').displayName,
        attendees: [user('county.leader').displayName, user('county.admin').displayName, user('county.clerk').displayName],
        absentees: [],
        nonVoting: [],
        attendingOrgIds: attending,
        items: [
          {
            title: '交流办文办会、值班接访经验',
            discussion: '各乡镇办公室负责人交流经验做法。',
            decisions: ['推广先进乡镇的规范化做法', '下半年开展业务知识培训'],
          },
        ],
        status: 'confirmed',
        finalisedAt: at(day, 17),
        confirmedAt: at(shiftDay(day, 1), 10),
        createdBy: user('county.clerk').id,
      });
    }

    await s.db.transaction(async (tx: Tx) => {
      await bulkInsert(meetingRows, 300, (c) => tx.insert(meetings).values(c));
      await bulkInsert(followRows, 500, (c) => tx.insert(followUps).values(c));
      await bulkInsert(progressRows, 500, (c) => tx.insert(followUpProgress).values(c));
      await writeAudit(tx, s.ctx, {
        action: 'seed.meetings',
        entity: 'meeting',
        orgId: s.orgs.get('QX')!.id,
        after: { meetings: meetingRows.length, followUps: followRows.length },
      });
    });
    s.progress(`${meetingRows.length} meetings, ${followRows.length} follow-ups`);
  },
};
