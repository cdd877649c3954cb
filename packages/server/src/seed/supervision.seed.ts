/**
 * The demo county's team and environment records, from which the dashboard measures the
 * article's figures: 18/18 leaders in charge who know office work, 42 filed staff (2–3 each),
 * three training sessions in three years reaching everyone, 2–3 rotations each quarter chosen by
 * the fair planner, the three rooms everywhere, expenses averaging 12,500 yuan this year (rising
 * each year), the ten prohibitions acknowledged and the six rules adopted in every township.
 */
import { chinaToday } from '@township-office/domain/dates';
import { EDUCATION_LEVELS, idNumberWithCheck, type StaffParticulars } from '@township-office/domain/personnel';
import { EXPENSE_CATEGORIES, POSTS, ROOM_KINDS, RULE_KINDS, RULE_KIND_LABELS } from '@township-office/domain/environment';
import { ROTATION_TOPICS, proposeRotation, quarterPeriod, type PlannerCandidate } from '@township-office/domain/training';
import { writeAudit } from '../platform/audit.ts';
import { environmentRepository } from '../modules/environment/environment.repository.ts';
import { personnelRepository } from '../modules/personnel/personnel.repository.ts';
import { trainingRepository } from '../modules/training/training.repository.ts';
import { personName } from './demo-county.ts';
import type { SeedStep } from './seed-context.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Townships (by index) that name a third office staff member: 6 × 3 + 12 × 2 = 42. */
const THREE_STAFF = new Set([0, 3, 6, 9, 12, 15]);
const ROLES = ['办公室主任', '办公室副主任', '办公室工作人员'];
const MAJORS = ['汉语言文学', '行政管理', '法学', '秘书学', '计算机科学与技术', '会计学', '新闻学'];
/** Average office expenses per township, two years ago → last year → this year (the article: 1.25万元). */
const AVERAGES = [11_200, 11_800, 12_500];

/** Whole-yuan totals around an average whose deviations cancel, so the mean is exactly the average. */
function totalsAround(average: number, n: number, spread: number, r: { int(a: number, b: number): number }): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += 2) {
    const d = r.int(0, spread);
    out.push(average + d);
    if (i + 1 < n) out.push(average - d);
  }
  return out;
}

function splitIntoCategories(total: number, r: { int(a: number, b: number): number }): number[] {
  const weights = [r.int(20, 30), r.int(20, 30), r.int(25, 35), r.int(8, 15), r.int(3, 8)];
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[2]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export const supervisionSeed: SeedStep = {
  name: 'supervision',
  async run(s) {
    const { db, rng: r, year: Y, townships } = s;
    const today = chinaToday(s.today);
    const county = s.orgs.get('XWB')!;
    const admin = s.users.get('county.admin')!;
    await db.transaction(async (tx) => {
      // Leaders in charge: three years ago some offices were led by members new to office work;
      // the adjustment the article describes leaves every township with a familiar one.
      const leaders: { id: string; orgId: string }[] = [];
      for (const [i, t] of townships.entries()) {
        if (i % 3 === 0) {
          const old = await personnelRepository.insertLeader(tx, {
            orgId: t.id,
            name: personName(r),
            position: '党委委员',
            since: `${Y - 5}-03-01`,
            familiar: false,
            basis: '',
          });
          await personnelRepository.endLeader(tx, old.id, `${Y - 3}-0${1 + (i % 6)}-15`);
        }
        const since = i % 3 === 0 ? `${Y - 3}-0${1 + (i % 6)}-15` : `${Y - 4 + (i % 2)}-0${3 + (i % 5)}-01`;
        // One person, one record: the current leader in charge is the township's leader account (the
        // one who signs off and stands on the duty roster). The name drawn before is still drawn, so the
        // demo's later names stay as they were.
        personName(r);
        const account = s.users.get(`town${t.code.slice(1)}.leader`)!;
        const row = await personnelRepository.insertLeader(tx, {
          orgId: t.id,
          userId: account.id,
          name: account.displayName,
          position: r.pick(['党委委员、党政办主任', '党委委员、组织委员', '党委副书记', '党委委员、宣传委员']),
          since,
          familiar: true,
          basis: r.pick([
            '曾任乡镇党政办主任三年',
            '曾在县委办跟班学习并从事文秘工作',
            '长期从事办公室文字综合工作',
            '曾任县直单位办公室主任',
          ]),
        });
        leaders.push({ id: row.id, orgId: t.id });
      }

      // Staff, each entering the personnel database through an acknowledged, on-time join filing.
      const people: StaffParticulars[] = [];
      const orgOf: string[] = [];
      let seq = 0;
      for (const [i, t] of townships.entries()) {
        const n = THREE_STAFF.has(i) ? 3 : 2;
        for (let k = 0; k < n; k++) {
          seq++;
          const birthYear = Y - r.int(24, 54);
          const birthDate = `${birthYear}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
          const gender = r.chance(0.5) ? 'male' : 'female';
          const body = `431021${birthDate.replaceAll('-', '')}${String(100 + seq).slice(-3)}`;
          people.push({
            name: personName(r),
            idNumber: idNumberWithCheck(body),
            gender,
            birthDate,
            ethnicity: r.chance(0.85) ? '汉族' : r.pick(['土家族', '苗族', '瑶族']),
            politicalStatus: r.pick(['cpc_member', 'cpc_member', 'cpc_member', 'cyl_member', 'masses']),
            education: EDUCATION_LEVELS[Math.min(3, Math.floor(r.next() * r.next() * 4 + (r.chance(0.7) ? 1 : 0)))]!,
            major: r.pick(MAJORS),
            post: k === 0 ? '党政办主任' : r.pick(['科员', '办事员', '四级主任科员']),
            officeRole: ROLES[k]!,
            phone: `0745-${r.int(2200000, 2299999)}`,
            startDate: `${Math.min(Y - 3, birthYear + 23 + r.int(0, 8))}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
          });
          orgOf.push(t.id);
        }
      }
      const staffRows = await personnelRepository.insertStaff(
        tx,
        people.map((p, i) => ({ ...p, orgId: orgOf[i]! })),
      );
      await personnelRepository.insertFilings(
        tx,
        staffRows.map((st, i) => {
          const filedOn = addDays(st.startDate, r.int(2, 12));
          return {
            orgId: st.orgId,
            staffId: st.id,
            kind: 'join' as const,
            changeDate: st.startDate,
            filedAt: new Date(`${filedOn}T09:30:00+08:00`),
            particulars: people[i]!,
            state: 'acknowledged' as const,
            deadlineDays: 15,
            late: false,
            decidedAt: new Date(`${addDays(filedOn, 2)}T10:00:00+08:00`),
            decidedBy: admin.id,
          };
        }),
      );
      // This year's changes of particulars (a phone number, a new post), filed on time.
      const changed = staffRows.filter((_, i) => i % 7 === 3);
      await personnelRepository.insertFilings(
        tx,
        changed.map((st, i) => {
          const changeDate = `${Y}-${pad(Math.min(Number(today.slice(5, 7)), 1 + i * 2))}-05`;
          const filedOn = addDays(changeDate, 6) > today ? today : addDays(changeDate, 6);
          return {
            orgId: st.orgId,
            staffId: st.id,
            kind: 'particulars' as const,
            changeDate,
            filedAt: new Date(`${filedOn}T09:00:00+08:00`),
            particulars: { phone: st.phone },
            state: 'acknowledged' as const,
            deadlineDays: 15,
            late: false,
            decidedAt: new Date(`${filedOn}T16:00:00+08:00`),
            decidedBy: admin.id,
          };
        }),
      );

      // Posts to persons: the office head writes; the others take duty reception and archives.
      await environmentRepository.insertPosts(
        tx,
        townships.flatMap((t) => {
          const mine = staffRows.filter((x) => x.orgId === t.id);
          return POSTS.map((post, k) => ({
            orgId: t.id,
            post,
            staffId: mine[k % mine.length]!.id,
            since: `${Y - 2}-01-01`,
            createdBy: admin.id,
          }));
        }),
      );

      // Training: three sessions in three years; every staff member and leader attends at least one.
      const thirdOn = today >= `${Y}-03-20` ? `${Y}-03-20` : `${Y - 1}-10-20`;
      const sessionDates = [`${Y - 2}-04-16`, `${Y - 1}-04-15`, thirdOn];
      const topics = ['乡镇办公室公文处理与办文办会规范', '信息报送与调研文章写作', '值班接访、督促检查与档案管理实务'];
      for (const [k, heldOn] of sessionDates.entries()) {
        const session = await trainingRepository.insertSession(tx, {
          orgId: county.id,
          heldOn,
          topic: `第${k + 1}期业务知识培训班：${topics[k]}`,
          organiser: '县委办秘书科',
          materials: `培训讲义《${topics[k]}》`,
          createdBy: admin.id,
        });
        await trainingRepository.insertAttendance(tx, [
          ...staffRows
            .filter((st, i) => i % 3 === k || (st.startDate <= heldOn && r.chance(0.35) && i % 3 !== k))
            .filter((st) => st.startDate <= heldOn)
            .map((st) => ({ sessionId: session.id, orgId: st.orgId, staffId: st.id })),
          ...leaders.filter((_, i) => i % 3 === k || r.chance(0.3)).map((l) => ({ sessionId: session.id, orgId: l.orgId, leaderId: l.id })),
        ]);
      }

      // Rotations: the planner's fair choice, quarter by quarter, for three years; 2 or 3 each quarter.
      const last = new Map<string, string | null>(staffRows.map((st) => [st.id, null]));
      const count = new Map<string, number>();
      for (const st of staffRows) count.set(st.orgId, (count.get(st.orgId) ?? 0) + 1);
      for (let y = Y - 2; y <= Y; y++) {
        for (let q = 1; q <= 4; q++) {
          const candidates: PlannerCandidate[] = staffRows.map((st) => ({
            staffId: st.id,
            orgId: st.orgId,
            lastRotation: last.get(st.id)!,
            startDate: st.startDate,
            townshipStaffCount: count.get(st.orgId)!,
          }));
          const picked = proposeRotation(candidates, (y + q) % 2 === 0 ? 3 : 2);
          const period = quarterPeriod(y, q);
          const done = period.end < today;
          await trainingRepository.insertRotations(
            tx,
            picked.map((p) => ({
              orgId: p.orgId,
              staffId: p.staffId,
              year: y,
              quarter: q,
              periodStart: period.start,
              periodEnd: period.end,
              confirmedBy: admin.id,
              confirmedAt: new Date(`${addDays(period.start, -20)}T10:00:00+08:00`),
              ...(done
                ? {
                    state: 'completed' as const,
                    topics: [...ROTATION_TOPICS],
                    evaluation: r.pick([
                      '熟悉了县委办各项业务流程，公文处理能力明显提高。',
                      '学习认真，综合文字能力有较大进步。',
                      '掌握了值班接访和督查工作要求，表现良好。',
                    ]),
                    rating: r.pick(['excellent', 'good', 'good'] as const),
                    completedAt: new Date(`${period.end}T17:00:00+08:00`),
                  }
                : {}),
            })),
          );
          for (const p of picked) last.set(p.staffId, period.start);
        }
      }

      // Environment: the three rooms built or renovated, equipment in place, expenses rising each year.
      for (const t of townships) {
        for (const kind of ROOM_KINDS) {
          await environmentRepository.upsertRoom(tx, {
            orgId: t.id,
            kind,
            status: r.chance(0.6) ? 'renovated' : 'built',
            areaM2: kind === 'office' ? r.int(30, 60) : r.int(18, 40),
            inUseSince: `${Y - 3}-${pad(r.int(1, 12))}-01`,
            updatedBy: admin.id,
          });
        }
        await environmentRepository.upsertEquipment(tx, {
          orgId: t.id,
          computers: r.int(2, 5),
          printers: r.int(1, 3),
          docSystemAccess: true,
          updatedBy: admin.id,
        });
      }
      for (const [k, average] of AVERAGES.entries()) {
        const year = Y - 2 + k;
        const totals = totalsAround(average, townships.length, 1800, r);
        for (const [i, t] of townships.entries()) {
          const parts = splitIntoCategories(totals[i]!, r);
          for (const [c, category] of EXPENSE_CATEGORIES.entries())
            await environmentRepository.upsertExpense(tx, { orgId: t.id, year, category, amountYuan: parts[c]!, recordedBy: admin.id });
        }
      }

      // Rules: the county's ten prohibitions, acknowledged everywhere; six internal rules per township.
      const ten = await environmentRepository.insertRuleDocument(tx, {
        orgId: county.id,
        title: '关于加强干部作风建设的十条禁令',
        body: Array.from(
          { length: 10 },
          (_, i) =>
            `${'一二三四五六七八九十'[i]}、${['严禁上班时间擅离岗位', '严禁推诿扯皮、敷衍塞责', '严禁泄露工作秘密', '严禁迟报、漏报、瞒报信息', '严禁值班脱岗', '严禁刁难来信来访群众', '严禁公车私用', '严禁工作日中午饮酒', '严禁违规收受礼品礼金', '严禁上班时间从事与工作无关的活动'][i]}。`,
        ).join('\n'),
        issuedOn: `${Y - 3}-02-20`,
      });
      await environmentRepository.insertAcknowledgements(
        tx,
        townships.map((t, i) => ({
          documentId: ten.id,
          orgId: t.id,
          acknowledgedAt: new Date(`${Y - 3}-03-${pad(1 + (i % 20))}T10:00:00+08:00`),
        })),
      );
      await environmentRepository.insertRules(
        tx,
        townships.flatMap((t, i) =>
          RULE_KINDS.map((kind) => ({
            orgId: t.id,
            kind,
            title: `${t.name}党政办公室${RULE_KIND_LABELS[kind]}`,
            body: `第一条 为规范${t.name}党政办公室工作，制定本${RULE_KIND_LABELS[kind]}。\n第二条 办公室全体人员应严格遵守本制度，分管领导负责督促落实。\n第三条 本制度自印发之日起施行。`,
            adoptedOn: `${Y - 2}-${pad(1 + (i % 12))}-10`,
          })),
        ),
      );

      await writeAudit(tx, s.ctx, {
        action: 'seed.supervision',
        entity: 'supervision',
        orgId: s.orgs.get('QX')!.id,
        after: { leaders: leaders.length, staff: staffRows.length, trainingSessions: sessionDates.length, ruleDocuments: 1 },
      });
    });
    s.progress('team and environment records');
  },
};
