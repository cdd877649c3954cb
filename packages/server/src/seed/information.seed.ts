/**
 * Demo county 信息调研: the previous year and this year so far — every township reports 6–11 items a
 * month (one long piece most quarters), the county office adopts about half at one or more levels,
 * compiles a bulletin each month, and sets research topics that townships answer. Bulk SQL through
 * json_to_recordset; one audit row per batch.
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_POINT_TABLE, INFO_KINDS, type AdoptionLevel } from '@township-office/domain/information';
import { writeAudit } from '../platform/audit.ts';
import type { SeedContext, SeedStep } from './seed-context.ts';

const SUBJECTS = [
  '春耕生产',
  '人居环境整治',
  '防汛备汛',
  '乡村振兴',
  '基层治理',
  '矛盾纠纷排查',
  '安全生产检查',
  '森林防火',
  '农村饮水安全',
  '产业园区建设',
  '营商环境',
  '秸秆禁烧',
  '文明实践',
  '党建引领',
  '民生实事',
];
const VERBS = ['扎实推进', '多措并举抓好', '全力做好', '创新开展', '强化落实', '持续深化'];
const PARAS = [
  '今年以来，我镇坚持问题导向，细化工作方案，明确责任分工，确保各项任务落地见效。',
  '一是强化组织领导，成立工作专班，班子成员包村联户，定期调度推进。',
  '二是突出重点环节，集中力量攻坚，建立台账逐项销号，做到底数清、情况明。',
  '三是健全长效机制，完善考核办法，将工作成效纳入村级年度考评。',
  '下一步，我镇将进一步总结经验、查找不足，推动工作再上新台阶。',
];
const TOPICS = ['基层减负落实情况调研', '乡镇办公室规范化建设调研', '农村集体经济发展调研', '网格化治理实践调研'];

type Level = AdoptionLevel;

function pickLevels(r: SeedContext['rng']): Level[] {
  const levels: Level[] = ['county_bulletin'];
  if (r.chance(0.25)) levels.push('county_special');
  if (r.chance(0.04)) levels.push('county_instruction');
  if (r.chance(0.12)) levels.push('city_bulletin');
  if (r.chance(0.03)) levels.push('city_special');
  if (r.chance(0.01)) levels.push('province_adopted');
  return levels;
}

/** A local (China time) moment as an ISO string. */
const at = (y: number, m: number, d: number, h: number, min = 0) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:00+08:00`;

export const informationSeed: SeedStep = {
  name: 'information',
  async run(s) {
    const r = s.rng;
    const reviewer = s.users.get('county.clerk')!;
    const office = s.orgs.get('XWB')!;
    const todayMs = s.today.getTime();
    const items: Record<string, unknown>[] = [];
    const adoptions: Record<string, unknown>[] = [];
    const monthlyAdopted = new Map<string, string[]>();
    for (const year of [s.year - 1, s.year]) {
      for (let month = 1; month <= 12; month++) {
        for (const [ti, town] of s.townships.entries()) {
          const clerk = s.users.get(`town${String(ti + 1).padStart(2, '0')}.clerk`)!;
          const count = r.int(6, 11);
          for (let k = 0; k < count; k++) {
            const day = r.int(1, 28);
            const submitted = at(year, month, day, r.int(8, 17), r.int(0, 59));
            if (Date.parse(submitted) > todayMs) continue;
            const id = crypto.randomUUID();
            const long = k === 0 && month % 3 === 2 && r.chance(0.8);
            const subject = r.pick(SUBJECTS);
            const content = long
              ? Array.from({ length: 30 }, (_, i) => PARAS[i % PARAS.length]).join('\n')
              : `${town.name}${r.pick(VERBS)}${subject}。\n${PARAS[r.int(0, 3)]}\n${PARAS[4]}`;
            const ageDays = (todayMs - Date.parse(submitted)) / 86_400_000;
            const pending = ageDays < 10;
            const adopted = !pending && r.chance(0.5);
            const reviewedAt = pending ? null : new Date(Math.min(Date.parse(submitted) + r.int(1, 6) * 86_400_000, todayMs)).toISOString();
            items.push({
              id,
              org_id: town.id,
              title: `${town.name}${r.pick(VERBS)}${subject}${long ? '的调查与思考' : ''}`,
              content,
              kind: long ? 'good_practice' : r.pick(INFO_KINDS),
              urgency: r.chance(0.05) ? 'urgent' : 'none',
              status: pending ? 'submitted' : adopted ? 'adopted' : 'not_adopted',
              submitted_by: clerk.id,
              submitted_at: submitted,
              reviewed_by: pending ? null : reviewer.id,
              reviewed_at: reviewedAt,
              review_note:
                pending || adopted
                  ? null
                  : r.pick(['内容较为常规，暂不采用。', '与已采用信息重复。', '缺少具体数据和成效，请补充后再报。']),
            });
            if (adopted) {
              for (const level of pickLevels(r))
                adoptions.push({
                  org_id: town.id,
                  item_id: id,
                  level,
                  points: DEFAULT_POINT_TABLE[level],
                  adopted_by: reviewer.id,
                  adopted_at: reviewedAt,
                });
              const key = `${year}-${month}`;
              monthlyAdopted.set(key, [...(monthlyAdopted.get(key) ?? []), id]);
            }
          }
        }
      }
    }
    s.progress(`${items.length} items, ${adoptions.length} adoptions`);
    await s.db.transaction(async (tx) => {
      // The trigger checks each adoption's item is adopted; the items go in first.
      await tx.execute(sql`INSERT INTO info_items (id, org_id, title, content, kind, urgency, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note)
        SELECT id, org_id, title, content, kind, urgency, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note
        FROM json_to_recordset(${JSON.stringify(items)}::json) AS x(id uuid, org_id uuid, title text, content text, kind text, urgency text, status text,
          submitted_by uuid, submitted_at timestamptz, reviewed_by uuid, reviewed_at timestamptz, review_note text)`);
      await tx.execute(sql`INSERT INTO info_adoptions (org_id, item_id, level, points, adopted_by, adopted_at)
        SELECT org_id, item_id, level, points, adopted_by, adopted_at
        FROM json_to_recordset(${JSON.stringify(adoptions)}::json) AS x(org_id uuid, item_id uuid, level text, points int, adopted_by uuid, adopted_at timestamptz)`);

      // One bulletin a month of the previous year and of the months of this year already closed.
      const bulletins: Record<string, unknown>[] = [];
      const bulletinItems: Record<string, unknown>[] = [];
      const lastNumber = new Map<number, number>();
      for (const [key, ids] of monthlyAdopted) {
        const [y, m] = key.split('-').map(Number) as [number, number];
        if (y === s.year && m >= s.today.getMonth() + 1) continue;
        const number = (lastNumber.get(y) ?? 0) + 1;
        lastNumber.set(y, number);
        const id = crypto.randomUUID();
        bulletins.push({
          id,
          org_id: office.id,
          year: y,
          number,
          title: `信息专报（${y}年第${number}期）`,
          compiled_by: reviewer.id,
          compiled_at: at(y, m, 28, 16),
        });
        ids
          .slice(0, 6)
          .forEach((itemId, i) =>
            bulletinItems.push({ org_id: items.find((x) => x.id === itemId)!.org_id, bulletin_id: id, item_id: itemId, position: i + 1 }),
          );
      }
      await tx.execute(sql`INSERT INTO info_bulletins (id, org_id, year, number, title, compiled_by, compiled_at)
        SELECT * FROM json_to_recordset(${JSON.stringify(bulletins)}::json) AS x(id uuid, org_id uuid, year int, number int, title text, compiled_by uuid, compiled_at timestamptz)`);
      await tx.execute(sql`INSERT INTO info_bulletin_items (org_id, bulletin_id, item_id, position)
        SELECT * FROM json_to_recordset(${JSON.stringify(bulletinItems)}::json) AS x(org_id uuid, bulletin_id uuid, item_id uuid, position int)`);
      for (const [y, n] of lastNumber)
        await tx.execute(sql`INSERT INTO info_bulletin_counters (org_id, year, last_number) VALUES (${office.id}, ${y}, ${n})`);

      // Research: two topics a year; most townships report, the closed ones are graded.
      const topics: Record<string, unknown>[] = [];
      const reports: Record<string, unknown>[] = [];
      for (const [i, title] of TOPICS.entries()) {
        const y = s.year - 1 + Math.floor(i / 2);
        const deadline = `${y}-${i % 2 ? '10' : '05'}-31`;
        const created = at(y, i % 2 ? 8 : 3, 10, 10);
        if (Date.parse(created) > todayMs) continue;
        const id = crypto.randomUUID();
        topics.push({
          id,
          org_id: office.id,
          year: y,
          title,
          description: `请各乡镇围绕“${title.replace('调研', '')}”开展专题调研，形成不少于3000字的调研报告。`,
          deadline,
          created_by: reviewer.id,
          created_at: created,
        });
        const closed = Date.parse(`${deadline}T23:59:59+08:00`) < todayMs;
        for (const [ti, town] of s.townships.entries()) {
          if (!r.chance(0.85)) continue;
          const submittedAt = new Date(Math.min(Date.parse(created) + r.int(20, 70) * 86_400_000, todayMs)).toISOString();
          reports.push({
            org_id: town.id,
            topic_id: id,
            title: `关于${town.name}${title.replace('调研', '')}的调研报告`,
            content: Array.from({ length: 12 }, (_, k) => PARAS[k % PARAS.length]).join('\n'),
            submitted_by: s.users.get(`town${String(ti + 1).padStart(2, '0')}.clerk`)!.id,
            submitted_at: submittedAt,
            grade: closed ? r.pick(['excellent', 'good', 'good', 'pass']) : null,
            comment: closed
              ? r.pick(['情况掌握全面，对策建议具体可行。', '数据翔实，分析较为深入。', '结构完整，建议进一步提炼经验。'])
              : null,
            evaluated_by: closed ? reviewer.id : null,
            evaluated_at: closed ? `${deadline}T18:00:00+08:00` : null,
          });
        }
      }
      await tx.execute(sql`INSERT INTO research_topics (id, org_id, year, title, description, deadline, created_by, created_at)
        SELECT * FROM json_to_recordset(${JSON.stringify(topics)}::json) AS x(id uuid, org_id uuid, year int, title text, description text, deadline date, created_by uuid, created_at timestamptz)`);
      await tx.execute(sql`INSERT INTO research_reports (org_id, topic_id, title, content, submitted_by, submitted_at, grade, comment, evaluated_by, evaluated_at)
        SELECT * FROM json_to_recordset(${JSON.stringify(reports)}::json) AS x(org_id uuid, topic_id uuid, title text, content text, submitted_by uuid, submitted_at timestamptz,
          grade text, comment text, evaluated_by uuid, evaluated_at timestamptz)`);
      await writeAudit(tx, s.ctx, {
        action: 'seed.information',
        entity: 'info_item',
        orgId: office.id,
        after: {
          items: items.length,
          adoptions: adoptions.length,
          bulletins: bulletins.length,
          topics: topics.length,
          reports: reports.length,
        },
      });
    });
  },
};
