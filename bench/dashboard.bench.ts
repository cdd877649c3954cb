/**
 * Benchmark: GET /api/dashboard/county over 2,000 townships with 10 years of team and environment
 * records, and GET /api/dashboard/province over 100 counties × 20 townships (goals p95 ≤ 150 ms,
 * issue 14), each beside the bare SELECT of the summary rows it reads, with the cost of the
 * summaries' refresh (full, and after one write), and what the triggers that mark
 * the summaries stale add to a write, on the fresh database the bench runner gives each scenario
 * (`npm run bench -- dashboard`).
 */
import fs from 'node:fs';
import type pg from 'pg';
import { countyGridOf, liveDashboard, refreshSummaries } from '../packages/server/src/modules/dashboard/dashboard.service.ts';
import { dashboardRepository } from '../packages/server/src/modules/dashboard/dashboard.repository.ts';
import { systemContext } from '../packages/server/src/platform/context.ts';
import { seedDemoProvince } from '../packages/server/src/seed/demo-province.ts';
import { chinaToday } from '../packages/domain/src/dates.ts';
import { appFor, session } from './http.ts';
import { median, percentile, printSamples, timed, type BenchResult, type BenchScenario } from './registry.ts';

const TOWNSHIPS = Number(process.env.BENCH_TOWNSHIPS ?? 2000);
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const YEARS = 10;
const RUNS = 40;

/**
 * Ten years of records for every township, generated in SQL (seconds, not minutes). With
 * `provinceId`, the townships are spread over `counties` counties of that province, `TOWNSHIPS /
 * counties` each (the demo county is the first and keeps its 18).
 */
export async function fill(pool: pg.Pool, year: number, opts: { provinceId?: string; counties?: number } = {}) {
  const q = (text: string, values: unknown[] = []) => pool.query(text, values);
  const parent = (await q(`SELECT id FROM orgs WHERE kind = 'county' ORDER BY sort_order LIMIT 1`)).rows[0].id;
  const existing = Number((await q(`SELECT count(*)::int AS n FROM orgs WHERE kind = 'township'`)).rows[0].n);
  await q(
    `INSERT INTO orgs (parent_id, kind, name, code, sort_order)
     SELECT $1, 'township', '基准乡镇' || g, 'B' || lpad(g::text, 5, '0'), 100 + g FROM generate_series(1, $2::int) g`,
    [parent, TOWNSHIPS - existing],
  );
  if (opts.provinceId && opts.counties && opts.counties > 1) {
    const per = Math.ceil(TOWNSHIPS / opts.counties);
    await q(
      `INSERT INTO orgs (parent_id, kind, name, code, sort_order)
       SELECT $1, 'county', '基准县' || g, 'C' || lpad(g::text, 4, '0'), g FROM generate_series(1, $2::int) g`,
      [opts.provinceId, opts.counties - 1],
    );
    // Townships in order: the first `per` stay in the demo county, each next `per` go to the next county.
    await q(
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY sort_order, code)::int AS k FROM orgs WHERE kind = 'county' AND code LIKE 'C%'),
            t AS (SELECT id, (row_number() OVER (ORDER BY sort_order, id) - 1)::int / $1 AS k FROM orgs WHERE kind = 'township')
       UPDATE orgs o SET parent_id = c.id FROM t JOIN c USING (k) WHERE o.id = t.id`,
      [per],
    );
  }
  await q(`CREATE TEMP TABLE t AS SELECT id, (row_number() OVER (ORDER BY sort_order, id))::int AS n FROM orgs WHERE kind = 'township'`);
  const first = year - YEARS + 1;
  // Leaders: one earlier leader per township (history) and the current one.
  await q(`INSERT INTO leaders_in_charge (org_id, name, position, since, until, familiar, basis)
    SELECT id, '前任' || n, '党委委员', make_date(${first}, 1, 1), make_date(${first + 4}, 1, 1), false, '' FROM t`);
  await q(`INSERT INTO leaders_in_charge (org_id, name, position, since, familiar, basis)
    SELECT id, '分管' || n, '党委委员', make_date(${first + 4}, 1, 1), n % 50 <> 0, CASE WHEN n % 50 <> 0 THEN '曾任党政办主任' ELSE '' END FROM t`);
  // Staff: 2–3 active per township plus four who left over the decade.
  await q(`INSERT INTO staff (org_id, id_number, name, gender, birth_date, ethnicity, political_status, education, post, office_role, phone, start_date, status, left_on)
    SELECT t.id, lpad((t.n * 10 + k)::text, 17, '0') || '0', '人员' || t.n || '-' || k, CASE WHEN k % 2 = 0 THEN 'male' ELSE 'female' END,
           make_date(1970 + (t.n + k) % 30, 1 + k, 1 + (t.n % 27)), '汉族', 'cpc_member',
           (ARRAY['postgraduate','bachelor','college','secondary'])[1 + (t.n + k) % 4], '科员', '办公室工作人员', '0745-2200000',
           make_date(${first} + k, 3, 1),
           CASE WHEN k < 4 THEN 'left' ELSE 'active' END, CASE WHEN k < 4 THEN make_date(${first} + k + 2, 6, 1) END
    FROM t, generate_series(0, 6) k WHERE k < 6 OR t.n % 3 = 0`);
  await q(`INSERT INTO staff_filings (org_id, staff_id, kind, change_date, filed_at, particulars, state, deadline_days, late, decided_at)
    SELECT org_id, id, 'join', start_date, start_date + ((abs(hashtext(id::text)) % 20) || ' days')::interval, jsonb_build_object('idNumber', id_number), 'acknowledged', 15,
           abs(hashtext(id::text)) % 20 > 15, start_date + interval '25 days' FROM staff`);
  await q(`INSERT INTO staff_filings (org_id, staff_id, kind, change_date, filed_at, reason, state, deadline_days, late, decided_at)
    SELECT org_id, id, 'leave', left_on, left_on + interval '5 days', '调离', 'acknowledged', 15, false, left_on + interval '8 days' FROM staff WHERE status = 'left'`);
  for (let y = first; y <= year; y++) {
    await q(`INSERT INTO staff_filings (org_id, staff_id, kind, change_date, filed_at, particulars, state, deadline_days, late, decided_at)
      SELECT org_id, id, 'particulars', make_date(${y}, 4, 1), make_date(${y}, 4, 9), '{"phone":"0745-2200001"}', 'acknowledged', 15, false, make_date(${y}, 4, 12)
      FROM staff WHERE status = 'active' AND start_date < make_date(${y}, 4, 1)`);
  }
  // Training: three sessions a year; each active or then-serving staff member attends one a year.
  const county = (await q(`SELECT id FROM orgs WHERE kind = 'county_office'`)).rows[0].id;
  await q(
    `INSERT INTO training_sessions (org_id, held_on, topic, organiser)
    SELECT $1, make_date(y, 1 + 4 * s, 15), '业务培训' || y || '-' || s, '县委办' FROM generate_series(${first}, ${year}) y, generate_series(0, 2) s`,
    [county],
  );
  await q(`INSERT INTO training_attendance (session_id, org_id, staff_id)
    SELECT DISTINCT ON (ts.id, st.id) ts.id, st.org_id, st.id FROM staff st JOIN training_sessions ts
      ON ts.held_on >= st.start_date AND (st.left_on IS NULL OR ts.held_on < st.left_on) AND extract(month FROM ts.held_on)::int = 1 + 4 * (abs(hashtext(st.id::text)) % 3)`);
  await q(`INSERT INTO training_attendance (session_id, org_id, leader_id)
    SELECT ts.id, l.org_id, l.id FROM leaders_in_charge l JOIN training_sessions ts ON ts.held_on >= l.since AND extract(month FROM ts.held_on) = 5 AND l.until IS NULL`);
  // Rotations: three a quarter for every 18 townships, over the decade.
  await q(`INSERT INTO rotations (org_id, staff_id, year, quarter, period_start, period_end, state, topics, evaluation, rating, completed_at)
    SELECT DISTINCT ON (s.id, y, qq) s.org_id, s.id, y, qq, make_date(y, 3 * qq - 2, 1), (make_date(y, 3 * qq - 2, 1) + interval '3 months - 1 day')::date, 'completed',
           ARRAY['documents_meetings'], '良好', 'good', now()
    FROM staff s JOIN t ON t.id = s.org_id, generate_series(${first}, ${year}) y, generate_series(1, 4) qq
    WHERE s.status = 'active' AND (t.n + y * 4 + qq) % 6 = 0 AND s.start_date < make_date(y, 1, 1)`);
  await q(`INSERT INTO rooms (org_id, kind, status, area_m2) SELECT id, k, CASE WHEN n % 40 = 0 AND k = 'archive' THEN 'missing' ELSE 'built' END,
    CASE WHEN n % 40 = 0 AND k = 'archive' THEN NULL ELSE 30 END FROM t, unnest(ARRAY['office','reception','archive']) k`);
  await q(`INSERT INTO equipment (org_id, computers, printers, doc_system_access) SELECT id, 1 + n % 4, 1, n % 30 <> 0 FROM t`);
  await q(`INSERT INTO expenses (org_id, year, category, amount_yuan)
    SELECT id, y, c, 1500 + (n * 37 + y) % 1500 + (y - ${first}) * 80 FROM t, generate_series(${first}, ${year}) y,
      unnest(ARRAY['telephone','printing','office_supplies','equipment_repair','other']) c`);
  const doc = (
    await q(
      `INSERT INTO rule_documents (org_id, title, body, issued_on) VALUES ($1, '十条禁令', '一、严禁……', make_date(${first}, 1, 1)) RETURNING id`,
      [county],
    )
  ).rows[0].id;
  await q(`INSERT INTO rule_acknowledgements (document_id, org_id) SELECT $1, id FROM t WHERE n % 25 <> 0`, [doc]);
  await q(`INSERT INTO township_rules (org_id, kind, title, body, adopted_on, state, superseded_at)
    SELECT id, k, k || '制度（旧）', '第一条 ……本制度自印发之日起施行。', make_date(${first}, 1, 1), 'superseded', now() FROM t,
      unnest(ARRAY['attendance','duty','petition_reception','study','confidentiality','info_reporting']) k`);
  await q(`INSERT INTO township_rules (org_id, kind, title, body, adopted_on)
    SELECT id, k, k || '制度', '第一条 ……本制度自印发之日起施行。', make_date(${first + 5}, 1, 1) FROM t,
      unnest(ARRAY['attendance','duty','petition_reception','study','confidentiality','info_reporting']) k WHERE n % 20 <> 0 OR k <> 'study'`);
  await q(`INSERT INTO post_assignments (org_id, post, staff_id, since)
    SELECT DISTINCT ON (s.org_id, p) s.org_id, p, s.id, make_date(${year - 2}, 1, 1) FROM staff s, unnest(ARRAY['writing','duty_reception','archives']) p
    WHERE s.status = 'active' ORDER BY s.org_id, p, s.id`);
  await q('ANALYZE');
  const counts = (
    await q(`SELECT (SELECT count(*) FROM staff)::int AS staff, (SELECT count(*) FROM staff_filings)::int AS filings,
    (SELECT count(*) FROM training_attendance)::int AS attendance, (SELECT count(*) FROM rotations)::int AS rotations, (SELECT count(*) FROM expenses)::int AS expenses`)
  ).rows[0];
  return counts as Record<string, number>;
}

/** Times `n` runs of `fn` after 3 warm-ups. */
async function sample(n: number, fn: () => Promise<unknown>, progress: (m: string) => void, label: string) {
  const times: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    progress(`${label} ${i + 1} of ${n + 3}`);
    const { ms } = await timed(fn);
    if (i >= 3) times.push(ms);
  }
  return times;
}

const signIn = async (app: Awaited<ReturnType<typeof appFor>>, username: string) => (await session(app, username)).cookie;

// The scenarios time the refresh themselves; the server's own job would run beside them.
process.env.DASHBOARD_SUMMARY_REFRESH_MS = '0';

const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export const scenarios: BenchScenario[] = [
  {
    module: 'dashboard',
    name: 'county dashboard, 2,000 townships × 10 years',
    async run({ database, progress }): Promise<BenchResult[]> {
      const year = thisYear();
      progress('generating ten years of records for 2,000 townships');
      const t0 = Date.now();
      const counts = await fill(database.pool, year);
      const fillMs = Date.now() - t0;
      const app = await appFor(database);
      try {
        progress('full refresh of the summaries (10 years × 2,000 townships)');
        await database.pool.query('DELETE FROM dashboard_summaries');
        const full = await timed(() => refreshSummaries(database.db));
        const cookie = await signIn(app, 'county.admin');
        let townships = 0;
        let last: Awaited<ReturnType<typeof app.inject>> | undefined;
        // The request alone is timed; the bench's parse of the 2,000-row answer is not (check()).
        const get = async () => {
          last = await app.inject({ method: 'GET', url: `/api/dashboard/county?year=${year}`, headers: { cookie } });
        };
        const check = () => {
          if (last?.statusCode !== 200) throw new Error(`dashboard answered ${last?.statusCode}: ${last?.body.slice(0, 300)}`);
          townships = last.json().townships;
        };
        // Baseline: the bare SELECT of the year's summary rows, parsed by node-postgres as the endpoint gets them.
        const bare = () => database.pool.query(`SELECT org_id, figures FROM dashboard_summaries WHERE year = $1`, [year]);
        const loadBefore = load();
        const times: number[] = [];
        const bareTimes: number[] = [];
        // Interleaved, so both see the same machine.
        for (let i = 0; i < RUNS + 3; i++) {
          progress(`request ${i + 1} of ${RUNS + 3}`);
          const a = await timed(get);
          check();
          const b = await timed(bare);
          if (i >= 3) {
            times.push(a.ms);
            bareTimes.push(b.ms);
          }
        }
        printSamples('county dashboard', times);
        printSamples('bare SELECT', bareTimes);
        const bytes = Buffer.byteLength(last!.body);
        // Where a request's time goes: the SQL it runs (the county's townships, their summary rows,
        // the county-wide figures), then the splicing of the rows into the answer's text; the rest
        // is HTTP (session, routing, sending the text).
        const countyId = (await database.pool.query(`SELECT id FROM orgs WHERE kind = 'county' ORDER BY sort_order LIMIT 1`)).rows[0]
          .id as string;
        const today = chinaToday();
        const sqlTimes: number[] = [];
        const gridTimes: number[] = [];
        for (let i = 0; i < RUNS + 3; i++) {
          progress(`split ${i + 1} of ${RUNS + 3}`);
          const a = await timed(() => dashboardRepository.countySummaries(database.db, countyId, year, today));
          const b = await timed(() => countyGridOf(database.db, countyId, year, today));
          if (i >= 3) {
            sqlTimes.push(a.ms);
            gridTimes.push(b.ms);
          }
        }
        // The live computation the endpoint did before the summaries (every metric, every township).
        const all = await database.pool.query(`SELECT id, code, name FROM orgs WHERE kind = 'township' ORDER BY sort_order, name`);
        const liveTimes = await sample(5, () => liveDashboard(database.db, year, all.rows), progress, 'live computation');
        // One write: a township's equipment changes (its trigger marks it); the next read measures it alone.
        const town = all.rows[1].id as string;
        await database.pool.query(`UPDATE equipment SET computers = computers + 1 WHERE org_id = $1`, [town]);
        const afterWrite = await timed(get);
        check();
        const oneRefresh = await timed(() => refreshSummaries(database.db));
        const afterRefresh = await timed(get);
        check();
        const loadAfter = load();
        const note = `${townships} townships × ${YEARS} years: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}; generated in ${fillMs} ms; through HTTP (app.inject) with JSON; load average ${loadBefore} → ${loadAfter}`;
        const p95 = percentile(times, 95);
        return [
          {
            metric: 'GET /api/dashboard/county from summaries (p95)',
            value: Math.round(p95),
            unit: 'ms',
            baseline: Math.round(percentile(bareTimes, 95)),
            baselineLabel: 'bare SELECT of the year’s 2,000 summary rows (p95)',
            goal: '≤ 150 ms',
            pass: p95 <= 150 && townships === TOWNSHIPS,
            note,
          },
          {
            metric: 'GET /api/dashboard/county from summaries (median)',
            value: Math.round(median(times)),
            unit: 'ms',
            baseline: Math.round(median(bareTimes)),
            baselineLabel: 'bare SELECT (median)',
          },
          {
            metric: 'of which: SQL (townships, summary rows; median)',
            value: Math.round(median(sqlTimes) * 10) / 10,
            unit: 'ms',
            note: `SQL + county figures + splicing the rows: ${Math.round(median(gridTimes) * 10) / 10} ms (median); the rest of the request is HTTP`,
          },
          { metric: 'response size', value: Math.round(bytes / 1024), unit: 'KB' },
          { metric: 'live computation of the same grid (median of 5, no summaries)', value: Math.round(median(liveTimes)), unit: 'ms' },
          {
            metric: 'full refresh: 10 years × 2,000 townships measured and written',
            value: full.ms | 0,
            unit: 'ms',
            note: `${full.value.rows} rows, ${full.value.marks} marks`,
          },
          { metric: 'GET /api/dashboard/county right after one write (1 township measured live)', value: afterWrite.ms | 0, unit: 'ms' },
          {
            metric: 'refresh after one write (1 township × 10 years)',
            value: oneRefresh.ms | 0,
            unit: 'ms',
            note: `${oneRefresh.value.rows} rows, ${oneRefresh.value.marks} marks`,
          },
          { metric: 'GET /api/dashboard/county after that refresh', value: afterRefresh.ms | 0, unit: 'ms' },
        ];
      } finally {
        await app.close();
      }
    },
  },
  {
    module: 'dashboard',
    name: 'province dashboard, 100 counties × 20 townships × 10 years',
    async run({ database, progress }): Promise<BenchResult[]> {
      const year = thisYear();
      const qx = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'QX'`)).rows[0].id as string;
      const actor = {
        userId: '00000000-0000-0000-0000-000000000000',
        username: 'system:bench',
        displayName: 'bench',
        role: 'system_admin' as const,
        orgId: qx,
      };
      const province = await seedDemoProvince(database.db, systemContext(actor, 'bench'));
      progress('generating ten years of records for 100 counties × 20 townships');
      const t0 = Date.now();
      await fill(database.pool, year, { provinceId: province.id, counties: COUNTIES });
      const fillMs = Date.now() - t0;
      const app = await appFor(database);
      try {
        progress('full refresh of the summaries');
        const full = await timed(() => refreshSummaries(database.db));
        const cookie = await signIn(app, 'province.admin');
        let counties = 0;
        let measuredNow = -1;
        let last: Awaited<ReturnType<typeof app.inject>> | undefined;
        const getProvince = async () => {
          last = await app.inject({ method: 'GET', url: `/api/dashboard/province?year=${year}`, headers: { cookie } });
        };
        const check = () => {
          if (last?.statusCode !== 200) throw new Error(`province answered ${last?.statusCode}: ${last?.body.slice(0, 300)}`);
          const d = last.json();
          counties = d.counties.length;
          measuredNow = d.measuredNow;
        };
        const county = (
          await database.pool.query(`SELECT id FROM orgs WHERE kind = 'county' AND code LIKE 'C%' ORDER BY sort_order LIMIT 1`)
        ).rows[0].id;
        const drill = async () => {
          const res = await app.inject({
            method: 'GET',
            url: `/api/dashboard/county?year=${year}&countyId=${county}`,
            headers: { cookie },
          });
          if (res.statusCode !== 200) throw new Error(`county answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        };
        const bare = () => database.pool.query(`SELECT org_id, figures FROM dashboard_summaries WHERE year = $1`, [year]);
        const loadBefore = load();
        const times: number[] = [];
        const bareTimes: number[] = [];
        const drillTimes: number[] = [];
        for (let i = 0; i < RUNS + 3; i++) {
          progress(`request ${i + 1} of ${RUNS + 3}`);
          const a = await timed(getProvince);
          check();
          const b = await timed(bare);
          const c = await timed(drill);
          if (i >= 3) {
            times.push(a.ms);
            bareTimes.push(b.ms);
            drillTimes.push(c.ms);
          }
        }
        const loadAfter = load();
        const p95 = percentile(times, 95);
        return [
          {
            metric: 'GET /api/dashboard/province (p95)',
            value: Math.round(p95),
            unit: 'ms',
            baseline: Math.round(percentile(bareTimes, 95)),
            baselineLabel: 'bare SELECT of the year’s 2,000 summary rows (p95)',
            goal: '≤ 150 ms',
            pass: p95 <= 150 && counties === COUNTIES && measuredNow === 0,
            note: `${counties} counties, ${TOWNSHIPS} townships × ${YEARS} years, generated in ${fillMs} ms; full refresh ${full.ms | 0} ms (${full.value.rows} rows); load average ${loadBefore} → ${loadAfter}`,
          },
          {
            metric: 'GET /api/dashboard/province (median)',
            value: Math.round(median(times)),
            unit: 'ms',
            baseline: Math.round(median(bareTimes)),
            baselineLabel: 'bare SELECT (median)',
          },
          {
            metric: 'drill-down GET /api/dashboard/county?countyId (20 townships, p95)',
            value: Math.round(percentile(drillTimes, 95)),
            unit: 'ms',
            goal: '≤ 150 ms',
            pass: percentile(drillTimes, 95) <= 150,
          },
        ];
      } finally {
        await app.close();
      }
    },
  },
  {
    module: 'dashboard',
    name: 'write cost of the dashboard_dirty triggers',
    async run({ database, progress }): Promise<BenchResult[]> {
      // A township's equipment, written the bare way (one upsert, autocommit) and through the API
      // (PUT /api/environment/equipment: session, CSRF, validation, audit), each with the
      // statement-level triggers of migration 1260 on and off, in alternating blocks.
      const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
      const app = await appFor(database);
      try {
        const clerk = await session(app, 'town01.clerk');
        const own = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: clerk.cookie } })).json().org.id as string;
        let n = 0;
        const bare = () =>
          q(
            `INSERT INTO equipment (org_id, computers, printers, doc_system_access) VALUES ($1, $2, 1, true)
             ON CONFLICT (org_id) DO UPDATE SET computers = EXCLUDED.computers, updated_at = now()`,
            [own, 1 + (++n % 4)],
          );
        const put = async () => {
          const res = await app.inject({
            method: 'PUT',
            url: '/api/environment/equipment',
            headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
            payload: { orgId: own, computers: 1 + (++n % 4), printers: 1, docSystemAccess: true },
          });
          if (res.statusCode !== 200) throw new Error(`PUT equipment: ${res.statusCode} ${res.body.slice(0, 300)}`);
        };
        const triggers = (on: boolean) => {
          const verb = on ? 'ENABLE' : 'DISABLE';
          return q(`ALTER TABLE equipment ${verb} TRIGGER dashboard_dirty_ins, ${verb} TRIGGER dashboard_dirty_upd`);
        };
        const BLOCKS = 10;
        const PER = 20;
        const t: Record<'bareOn' | 'bareOff' | 'putOn' | 'putOff', number[]> = { bareOn: [], bareOff: [], putOn: [], putOff: [] };
        for (let i = 0; i < 10; i++) await put(); // warm-up
        const loadBefore = load();
        for (let b = 0; b < BLOCKS * 2; b++) {
          const on = b % 2 === 0;
          progress(`block ${b + 1} of ${BLOCKS * 2} (triggers ${on ? 'on' : 'off'})`);
          await triggers(on);
          for (let i = 0; i < PER; i++) {
            (on ? t.bareOn : t.bareOff).push((await timed(bare)).ms);
            (on ? t.putOn : t.putOff).push((await timed(put)).ms);
          }
        }
        await triggers(true);
        const marks = Number((await q(`SELECT count(*)::int AS n FROM dashboard_dirty`)).rows[0].n);
        const note = `${BLOCKS * PER} writes each way, alternating blocks of ${PER}; ${marks} marks left for the refresh; load average ${loadBefore} → ${load()}`;
        const r = (x: number) => Math.round(x * 100) / 100;
        return [
          {
            metric: 'bare upsert of a township’s equipment, triggers on (median)',
            value: r(median(t.bareOn)),
            unit: 'ms',
            baseline: r(median(t.bareOff)),
            baselineLabel: 'the same upsert, triggers off (median)',
            note,
          },
          {
            metric: 'bare upsert, triggers on (p95)',
            value: r(percentile(t.bareOn, 95)),
            unit: 'ms',
            baseline: r(percentile(t.bareOff, 95)),
            baselineLabel: 'triggers off (p95)',
          },
          {
            metric: 'PUT /api/environment/equipment, triggers on (median)',
            value: r(median(t.putOn)),
            unit: 'ms',
            baseline: r(median(t.putOff)),
            baselineLabel: 'the same request, triggers off (median)',
          },
          {
            metric: 'PUT /api/environment/equipment, triggers on (p95)',
            value: r(percentile(t.putOn, 95)),
            unit: 'ms',
            baseline: r(percentile(t.putOff, 95)),
            baselineLabel: 'triggers off (p95)',
          },
        ];
      } finally {
        await app.close();
      }
    },
  },
];
