/**
 * A 收文登记本 of any size, generated in SQL: `rows` entries spread over every org of the demo
 * county and ten receiving years, titles built from a vocabulary of 40 subjects × 8 document types
 * so a two-character keyword (防汛) matches 1 entry in 40 and a four-character one (森林防火) too,
 * with the serial counters left where the entries end (as the service keeps them).
 */
import type pg from 'pg';

export const SUBJECTS = [
  '防汛',
  '森林防火',
  '安全生产',
  '乡村振兴',
  '人居环境整治',
  '信访维稳',
  '党风廉政建设',
  '基层党建',
  '民生实事',
  '河长制',
  '耕地保护',
  '禁毒',
  '消防安全',
  '秸秆禁烧',
  '招商引资',
  '农村电商',
  '义务教育',
  '医疗保障',
  '养老服务',
  '退役军人服务',
  '防返贫监测',
  '高标准农田',
  '生猪稳产',
  '粮食安全',
  '食品安全',
  '道路交通安全',
  '燃气安全',
  '地质灾害防治',
  '污染防治',
  '城乡低保',
  '残疾人帮扶',
  '妇女儿童',
  '老旧小区改造',
  '农民工工资',
  '统计调查',
  '审计整改',
  '档案管理',
  '保密工作',
  '机要通信',
  '网络安全',
];
export const DOC_KINDS = ['通知', '意见', '实施方案', '工作报告', '批复', '函', '通报', '会议纪要'];
const SENDERS = ['县人民政府办公室', '县应急管理局', '县农业农村局', '县财政局', '县教育局', '县卫生健康局', '县民政局', '市委办公室'];

export async function fillIncoming(pool: pg.Pool, rows: number): Promise<{ orgs: number; perOrg: number }> {
  const orgs = (await pool.query(`SELECT id FROM orgs ORDER BY sort_order, id`)).rows.map((r) => r.id as string);
  const clerk = (await pool.query(`SELECT id FROM users WHERE username = 'county.clerk'`)).rows[0].id as string;
  const n = orgs.length;
  const years = 10;
  const first = 2017;
  // Serials continue after the entries already there (the demo county's).
  const last = new Map(
    (await pool.query(`SELECT org_id, year, last_seq FROM incoming_serial_counters`)).rows.map((r) => [
      `${r.org_id}|${r.year}`,
      Number(r.last_seq),
    ]),
  );
  const base = orgs.flatMap((o) => Array.from({ length: years }, (_, k) => last.get(`${o}|${first + k}`) ?? 0));
  // The subject is a hash of g, so every subject is spread evenly over orgs and dates.
  // i → org i % n, year first + (i / n) % years, seq (i / n / years) + 1: unique per (org, year) and gap-free.
  await pool.query(
    `INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, sender_name, doc_number, title, urgency, classification, copies,
                           received_date, received_by, received_at, status, deadline, closed_at)
     SELECT o.orgs[1 + g % $2], y, s, '收〔' || y || '〕' || s || '号', CASE WHEN g % 3 = 0 THEN 'online' ELSE 'paper' END,
            ($5::text[])[1 + g % 8], '县' || ($6::text[])[1 + g % 8] || '发〔' || y || '〕' || s || '号',
            '关于做好' || y || '年' || ($3::text[])[1 + abs(hashint8(g::bigint)) % 40] || '工作的' || ($4::text[])[1 + g % 8],
            CASE WHEN g % 17 = 0 THEN 'urgent' ELSE 'none' END, 'none', 1,
            make_date(y, 1, 1) + (s % 365), $7, make_date(y, 1, 1) + (s % 365),
            CASE WHEN g % 50 = 0 THEN 'received' WHEN g % 11 = 0 THEN 'in_progress' ELSE 'closed' END,
            CASE WHEN g % 11 = 0 THEN make_date(y, 1, 1) + (s % 365) + 10 END,
            CASE WHEN g % 50 = 0 OR g % 11 = 0 THEN NULL ELSE make_date(y, 1, 1) + (s % 365) + 3 END
     FROM (SELECT $8::uuid[] AS orgs) o,
          generate_series(0, $1::int - 1) g,
          LATERAL (SELECT ${first} + (g / $2) % ${years} AS y,
                          (g / $2 / ${years}) + 1 + ($9::int[])[1 + (g % $2) * ${years} + (g / $2) % ${years}] AS s) k`,
    [rows, n, SUBJECTS, DOC_KINDS, SENDERS, ['委办', '政办', '农发', '财发', '教发', '卫发', '民发', '应急'], clerk, orgs, base],
  );
  await pool.query(`INSERT INTO incoming_serial_counters (org_id, year, last_seq)
    SELECT org_id, serial_year, max(serial_seq) FROM incoming GROUP BY 1, 2
    ON CONFLICT (org_id, year) DO UPDATE SET last_seq = EXCLUDED.last_seq`);
  await pool.query(`VACUUM ANALYZE incoming`);
  return { orgs: n, perOrg: Math.round(rows / n) };
}
