/**
 * The demo county's assessment: last year's schemes (townships, county departments) taken through
 * the whole year with the service (scores measured from last year's records and frozen, the
 * county's manual scores, one appeal answered in the notice) and final; this year's copied from
 * them and published, measured scores live from this year's records and some manual items scored.
 * Every figure other than the county's manual judgements comes from the records.
 *
 * The manual scores go in as score sheets (`enterScores`: one statement and one audit row per sheet,
 * each entry's previous score in it), as the scoring table saves them; entered one by one they would
 * leave one audit row per score instead, with the same scores. That, and measuring frozen scores in
 * one statement, took this step from 1.9 s to 0.6 s (bench/seed-time.ts).
 */
import type { Indicator, TargetKind } from '@township-office/domain/assessment';
import type { Db } from '../db/client.ts';
import { systemContext, type RequestContext } from '../platform/context.ts';
import * as svc from '../modules/assessment/assessment.service.ts';
import type { SeedContext, SeedStep } from './seed-context.ts';

/** The demo tree: the five basic functions, team and environment, the leader's 5%, a deduction and a bonus. */
export function demoIndicators(kind: TargetKind): Indicator[] {
  const m = (code: string, parentCode: string, name: string, weight: number, metric: string, rule: Indicator['rule']): Indicator => ({
    code,
    parentCode,
    name,
    weight,
    method: 'measured',
    metric,
    rule,
  });
  const h = (code: string, parentCode: string | null, name: string, weight: number, method: Indicator['method'] = 'manual'): Indicator => ({
    code,
    parentCode,
    name,
    weight,
    method,
    metric: null,
  });
  return [
    h('1', null, '办文办会', 25),
    m('1.1', '1', '来文24小时内签收', 8, 'receipt_timeliness', { kind: 'linear', floor: 0.6, target: 1 }),
    m('1.2', '1', '收文按期办结', 8, 'closed_on_time', { kind: 'linear', floor: 0.5, target: 1 }),
    m('1.3', '1', '公文网上传输', 9, 'online_share', { kind: 'target', target: 0.9 }),
    h('2', null, '信息调研', 20),
    m('2.1', '2', '信息报送与采用', 12, 'info_points', { kind: 'per_event', points: 0.5, cap: 12 }),
    h('2.2', '2', '调研报告质量', 8),
    h('3', null, '来客接待', 15),
    h('3.1', '3', '接待登记规范、信访按期办理', 15),
    h('4', null, '日常值班', 15),
    m('4.1', '4', '值班日志逐日记录', 15, 'duty_log_completeness', { kind: 'linear', floor: 0.8, target: 1 }),
    h('5', null, '档案管理', 10),
    m('5.1', '5', '文件按期归档', 10, 'archived_share', { kind: 'linear', floor: 0.5, target: 1 }),
    h('6', null, '队伍与环境建设', 10),
    kind === 'township'
      ? m('6.1', '6', '参加业务交流会', 4, 'exchange_meeting_attended', { kind: 'per_event', points: 4, cap: 4 })
      : h('6.1', '6', '参加业务培训', 4),
    h('6.2', '6', '三室齐全、设备到位', 6, 'self'),
    h('7', null, '分管负责人重视办公室工作情况', 5),
    {
      code: 'K1',
      parentCode: null,
      name: '督办事项逾期未办结',
      weight: 3,
      method: 'deduction',
      metric: 'overdue_follow_ups',
      rule: { kind: 'per_event', points: 0.5, cap: 3 },
    },
    { code: 'J1', parentCode: null, name: '信息被省级以上采用', weight: 5, method: 'bonus', metric: null },
  ];
}

const MANUAL: { code: string; reason: string; loss: [number, number] }[] = [
  { code: '2.2', reason: '调研报告选题贴近中心工作，个别报告数据不够翔实', loss: [0, 3] },
  { code: '3.1', reason: '接待登记完整，抽查信访件办理规范', loss: [0, 4] },
  { code: '6.2', reason: '核实自评材料：三室齐全，设备基本到位', loss: [0, 2] },
  { code: '7', reason: '分管负责人按时批办、听取办公室工作汇报', loss: [0, 1] },
];

function ctxOf(s: SeedContext, username: string): RequestContext {
  const u = s.users.get(username)!;
  return systemContext({ userId: u.id, username: u.username, displayName: u.displayName, role: u.role, orgId: u.orgId }, 'seed');
}

/** The county clerk's manual scores, one score sheet per call (as the scoring table saves a column). */
async function scoreManual(db: Db, clerk: RequestContext, s: SeedContext, schemeId: string, orgIds: string[], items: typeof MANUAL) {
  const indicators = demoIndicators('county_department');
  const entries = orgIds.flatMap((orgId) =>
    items.map((m) => {
      const w = indicators.find((i) => i.code === m.code)!.weight;
      return { orgId, code: m.code, score: Math.max(0, w - s.rng.int(m.loss[0] * 2, m.loss[1] * 2) / 2), reason: m.reason };
    }),
  );
  await svc.enterScores(db, clerk, schemeId, entries);
}

export const assessmentSeed: SeedStep = {
  name: 'assessment',
  async run(s) {
    const admin = ctxOf(s, 'county.admin');
    const clerk = ctxOf(s, 'county.clerk');
    const last = s.year - 1;
    const departments = [...s.orgs.values()].filter((o) => o.kind === 'county_department').map((o) => o.id);
    const townships = s.townships.map((o) => o.id);
    for (const kind of ['township', 'county_department'] as const) {
      const targets = kind === 'township' ? townships : departments;
      const label = kind === 'township' ? '乡镇（区）' : '县直单位';
      s.progress(`${last} ${label}`);
      const prev = await svc.createScheme(s.db, admin, {
        year: last,
        targetKind: kind,
        title: `${last}年度${label}办公室业务工作考评细则`,
        copyFromSchemeId: null,
      });
      await svc.putIndicators(s.db, admin, prev.id, { indicators: demoIndicators(kind) });
      await svc.takeStep(s.db, admin, prev.id, 'publish', {});
      await svc.takeStep(s.db, admin, prev.id, 'openSelfAssessment', {});
      if (kind === 'township')
        // Every township sent its year-end summary; all but the last were confirmed by their leader in charge.
        for (let n = 0; n < s.townships.length; n++) {
          const nn = String(n + 1).padStart(2, '0');
          const clerkOf = ctxOf(s, `town${nn}.clerk`);
          const org = s.townships.find((o) => o.id === clerkOf.actor.orgId)!;
          await svc.submitSelfAssessment(s.db, clerkOf, prev.id, {
            summary: `${org.name}办公室${last}年度自评：办文办会规范，值班日志逐日记录，信息报送按月完成；三室建设已完成，档案柜尚需补充。`,
          });
          if (n < s.townships.length - 1) await svc.confirmSelfAssessment(s.db, ctxOf(s, `town${nn}.leader`), prev.id);
        }
      await svc.takeStep(s.db, admin, prev.id, 'startScoring', {});
      const manual =
        kind === 'township'
          ? MANUAL
          : [...MANUAL, { code: '6.1', reason: '按要求参加县委办组织的业务培训', loss: [0, 1] as [number, number] }];
      await scoreManual(s.db, clerk, s, prev.id, targets, manual);
      await svc.takeStep(s.db, admin, prev.id, 'openNotice', {});
      if (kind === 'township') {
        // One township appeals its research score; the county re-checks and raises it.
        const leader = ctxOf(s, 'town03.leader');
        const appeal = await svc.fileAppeal(s.db, leader, prev.id, {
          code: '2.2',
          reason: '本单位全年报送调研报告4篇，其中1篇获县领导批示，请予复核。',
        });
        await svc.answerAppeal(s.db, clerk, appeal.id, { answer: '经复核，调研报告获县领导批示属实，调整为满分。', newScore: 8 });
      }
      await svc.takeStep(s.db, admin, prev.id, 'finalise', {});

      s.progress(`${s.year} ${label}`);
      const cur = await svc.createScheme(s.db, admin, {
        year: s.year,
        targetKind: kind,
        title: `${s.year}年度${label}办公室业务工作考评细则`,
        copyFromSchemeId: prev.id,
      });
      await svc.takeStep(s.db, admin, cur.id, 'publish', {});
      // This year the county has scored the leader's attention for the first six offices; the rest is pending.
      await scoreManual(s.db, clerk, s, cur.id, targets.slice(0, 6), MANUAL.slice(3));
    }
  },
};
