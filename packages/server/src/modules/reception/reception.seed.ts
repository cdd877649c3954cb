/**
 * The demo county's visitor register and letters-and-visits register from 1 January of last year:
 * a couple of official visits a month per township with their reception lists, and a few petitions
 * a month moving through acceptance, handling (some extended), answers, the odd 复查 — with a few
 * left overdue so the flags show. Invented names and numbers. Bulk inserts, one audit row.
 */
import { shiftDay } from '@township-office/domain/holidays';
import { chinaToday } from '@township-office/domain/dates';
import { currentDeadline, PETITION_CATEGORIES, PETITION_CHANNELS, type PetitionDates } from '@township-office/domain/petitions';
import { totalCost } from '@township-office/domain/reception';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../db/client.ts';
import { personName } from '../../seed/demo-county.ts';
import type { SeedContext, SeedStep } from '../../seed/seed-context.ts';
import { bulkInsert, seedUuid } from '../meetings/meetings.seed.ts';
import { petitionEvents, petitions, visits } from './reception.tables.ts';

const UNITS = ['县委办', '县政府办', '县委组织部', '邻县某镇党政办', '市委办公室调研组', '县档案馆', '县财政局'];
const PURPOSES = ['调研办公室规范化建设', '检查档案管理工作', '督查重点工作落实', '交流值班值守经验', '指导信息报送工作'];
const SUBJECTS: Record<string, string[]> = {
  land: ['宅基地界址纠纷', '土地征收补偿标准'],
  labour: ['拖欠农民工工资'],
  social_security: ['低保资格认定', '养老保险缴费年限'],
  urban_rural: ['村道硬化', '危房改造'],
  environment: ['养殖场异味扰民'],
  law_enforcement: ['邻里纠纷调处'],
  rural_affairs: ['灌溉水渠维修'],
  other: ['咨询政策'],
};

export const receptionSeed: SeedStep = {
  name: 'reception',
  async run(s: SeedContext) {
    const r = s.rng;
    const today = chinaToday(s.today);
    const user = (n: string) => s.users.get(n)!;
    const visitRows: (typeof visits.$inferInsert)[] = [];
    const petitionRows: (typeof petitions.$inferInsert)[] = [];
    const eventRows: (typeof petitionEvents.$inferInsert)[] = [];
    const day = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const idNumber = () =>
      `${r.int(110000, 659999)}${r.int(1950, 2000)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(r.int(0, 9999)).padStart(4, '0')}`;

    s.townships.forEach((t, ti) => {
      const nn = String(ti + 1).padStart(2, '0');
      const clerk = user(`town${nn}.clerk`);
      const leader = user(`town${nn}.leader`);
      const seqs = new Map<number, number>();
      for (let m = 0; ; m++) {
        const year = s.year - 1 + Math.floor(m / 12);
        const month = (m % 12) + 1;
        if (`${year}-${String(month).padStart(2, '0')}-01` > today) break;
        for (let k = r.int(1, 3); k > 0; k--) {
          const d = day(year, month);
          if (d >= today) continue;
          const names = Array.from({ length: r.int(1, 4) }, () => personName(r));
          const costItems = [{ category: 'meals' as const, description: '工作餐', amount: names.length * r.int(40, 60) }];
          visitRows.push({
            orgId: t.id,
            visitDate: d,
            visitingUnit: r.pick(UNITS),
            visitorNames: names,
            visitorCount: names.length + r.int(0, 1),
            purpose: r.pick(PURPOSES),
            letterRef: r.chance(0.8) ? `公函〔${year}〕${r.int(1, 80)}号` : null,
            hostName: leader.displayName,
            arrangements: '座谈交流，查阅台账',
            costItems,
            totalCost: totalCost(costItems),
            createdBy: clerk.id,
          });
        }
        for (let k = r.int(1, 4); k > 0; k--) {
          const received = day(year, month);
          if (received >= today) continue;
          const category = r.pick(PETITION_CATEGORIES);
          const seq = (seqs.get(year) ?? 0) + 1;
          seqs.set(year, seq);
          const id = seedUuid(r);
          const age = Math.round((Date.parse(today) - Date.parse(received)) / 86_400_000);
          const dates: PetitionDates = {
            receivedOn: received,
            status: 'registered',
            decidedOn: null,
            extensionDays: null,
            closedOn: null,
            reviewRequestedOn: null,
            reviewAnsweredOn: null,
            rereviewRequestedOn: null,
            rereviewAnsweredOn: null,
          };
          const ev = (kind: string, onDay: string, note?: string) =>
            eventRows.push({ orgId: t.id, petitionId: id, kind, onDay, note: note ?? null, byUserId: clerk.id, byName: clerk.displayName });
          ev('registered', received);
          const extra: Partial<typeof petitions.$inferInsert> = {};
          // A few cases stall so the overdue flags show: an undecided letter, a case past its 60 days.
          const stall = r.chance(0.015);
          if (age > 10 && !(stall && age > 20)) {
            dates.decidedOn = shiftDay(received, r.int(2, 10));
            if (r.chance(0.1)) {
              Object.assign(dates, { status: 'not_accepted' });
              Object.assign(extra, { notifiedOn: dates.decidedOn, notAcceptedReason: '属于其他法定途径解决的事项，已告知信访人' });
              ev('not_accept', dates.decidedOn, extra.notAcceptedReason!);
            } else {
              dates.status = 'accepted';
              extra.notifiedOn = dates.decidedOn;
              ev('accept', dates.decidedOn);
              if (r.chance(0.1)) {
                dates.extensionDays = r.int(15, 30);
                Object.assign(extra, {
                  extensionReason: '情况复杂，需多部门会商',
                  extensionApprovedBy: leader.displayName,
                  extensionApprovedOn: shiftDay(dates.decidedOn, 50),
                  extensionNotifiedOn: shiftDay(dates.decidedOn, 51),
                });
                ev('extend', extra.extensionApprovedOn!, `${dates.extensionDays} 日`);
              }
              const closeOn = shiftDay(dates.decidedOn, r.int(10, 55 + (dates.extensionDays ?? 0)));
              if (closeOn < today && !(stall && age > 80)) {
                dates.status = 'closed';
                dates.closedOn = closeOn;
                Object.assign(extra, { result: '经调查核实，已依法依规处理并书面答复', answerNotifiedOn: closeOn });
                ev('close', closeOn);
                const ask = shiftDay(closeOn, r.int(5, 25));
                if (r.chance(0.05) && ask < today) {
                  dates.status = 'review_requested';
                  dates.reviewRequestedOn = ask;
                  extra.reviewOrgan = '县信访局';
                  ev('review_request', ask, '县信访局');
                  const answered = shiftDay(ask, r.int(10, 28));
                  if (answered < today) {
                    dates.status = 'reviewed';
                    dates.reviewAnsweredOn = answered;
                    extra.reviewResult = '维持原处理意见';
                    extra.reviewAnswerNotifiedOn = shiftDay(answered, 2);
                    ev('review_answer', answered);
                  }
                }
              }
            }
          }
          const due = currentDeadline(dates, today);
          petitionRows.push({
            id,
            orgId: t.id,
            year,
            seq,
            receivedOn: received,
            channel: r.pick(PETITION_CHANNELS),
            petitioners: [
              {
                name: personName(r),
                idNumber: idNumber(),
                phone: `13${r.int(0, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
                address: `${t.name}某村`,
              },
            ],
            subject: r.pick(SUBJECTS[category]!),
            content: '信访人反映的具体情况（演示数据）。',
            category,
            status: dates.status,
            dueKind: due?.kind ?? null,
            dueOn: due?.due ?? null,
            handlerUserIds: [clerk.id, leader.id],
            registeredBy: clerk.id,
            decidedOn: dates.decidedOn,
            extensionDays: dates.extensionDays,
            closedOn: dates.closedOn,
            reviewRequestedOn: dates.reviewRequestedOn,
            reviewAnsweredOn: dates.reviewAnsweredOn,
            ...extra,
          });
        }
      }
    });

    await s.db.transaction(async (tx: Tx) => {
      await bulkInsert(visitRows, 500, (c) => tx.insert(visits).values(c));
      await bulkInsert(petitionRows, 300, (c) => tx.insert(petitions).values(c));
      await bulkInsert(eventRows, 1000, (c) => tx.insert(petitionEvents).values(c));
      await writeAudit(tx, s.ctx, {
        action: 'seed.reception',
        entity: 'petition',
        orgId: s.orgs.get('QX')!.id,
        after: { visits: visitRows.length, petitions: petitionRows.length },
      });
    });
    s.progress(`${visitRows.length} visits, ${petitionRows.length} petitions`);
  },
};
