/**
 * 工作台 and reminder benchmarks (issue 11): `GET /api/workbench` for one township holding 100,000
 * open items across modules (goal p95 ≤ 50 ms), and the reminder engine's run over 1,000,000 open
 * deadlines in the demo county (goal ≤ 10 s, every reminder exactly once, checked against SQL).
 */
import pg from 'pg';
import { chinaToday } from '@township-office/domain/dates';
import { roleMay } from '@township-office/domain/permissions';
import { BUSINESS_ROLES } from '@township-office/domain/roles';
import { runReminderSweep } from '../packages/server/src/modules/notifications/notifications.service.ts';
import { everyTodo, workbench } from '../packages/server/src/modules/workbench/workbench.service.ts';
import { notificationsRepository } from '../packages/server/src/modules/notifications/notifications.repository.ts';
import { systemContext, type Actor } from '../packages/server/src/platform/context.ts';
import { fillDeliveries, fillDrafts, fillFollowUps, fillIncoming, fillPetitions, orgId, userId } from './workbench.fill.ts';
import { appFor, round, sample, session } from './http.ts';
import { median, percentile, timed, type BenchResult, type BenchScenario } from './registry.ts';

const ITEMS = Number(process.env.BENCH_WORKBENCH_ITEMS ?? 100_000);
const DEADLINES = Number(process.env.BENCH_REMINDER_DEADLINES ?? 1_000_000);
const RUNS = 60;

/** The statements (text and values) sent by every pg client while `fn` runs. */
async function capture<T>(fn: () => Promise<T>): Promise<{ text: string; values: unknown[] }[]> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const orig = proto.query;
  const seen: { text: string; values: unknown[] }[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string; values?: unknown[] };
    if (typeof q === 'string') seen.push({ text: q, values: (a[1] as unknown[]) ?? [] });
    else if (q?.text) seen.push({ text: q.text, values: q.values ?? (a[1] as unknown[]) ?? [] });
    return orig.apply(this, a);
  };
  try {
    await fn();
  } finally {
    proto.query = orig;
  }
  return seen;
}

/** EXPLAIN ANALYZE of each SELECT a request sent: its execution time and plan (printed with BENCH_EXPLAIN=1). */
async function explain(pool: pg.Pool, statements: { text: string; values: unknown[] }[]) {
  const out: { ms: number; query: string }[] = [];
  for (const s of statements) {
    if (!/^\s*SELECT/i.test(s.text) || /FROM (users|sessions|app_settings|delegations)\b/.test(s.text)) continue;
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.text}`, s.values);
    const plan = r.rows.map((x) => x['QUERY PLAN'] as string);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
    const from = /FROM (\w+)/.exec(s.text)?.[1] ?? '?';
    out.push({ ms, query: from });
    if (process.env.BENCH_EXPLAIN)
      console.log(`\n--- ${from} (${ms} ms)\n${s.text.replace(/\s+/g, ' ').slice(0, 300)}\n${plan.join('\n')}`);
  }
  return out.sort((a, b) => b.ms - a.ms);
}

const workbenchPage: BenchScenario = {
  module: 'workbench',
  name: `GET /api/workbench, one township with ${ITEMS.toLocaleString('en')} open items`,
  async run({ database, progress }): Promise<BenchResult[]> {
    const pool = database.pool;
    const org = await orgId(pool, 'T01');
    const clerk = await userId(pool, 'town01.clerk');
    const head = await userId(pool, 'town01.head');
    const today = chinaToday();
    const s = { orgs: [org], today, offsets: [-3, -1, 0, 1, 2, 3, 5, 7, 12, 30] };
    const t0 = Date.now();
    // Half 收文 at the office's and the leader's steps, a fifth deliveries, a tenth each drafts, follow-ups, petitions.
    const steps = ['received', 'accepted', 'proposed', 'instructed', 'in_progress'];
    await fillIncoming(pool, ITEMS / 2, s, steps, progress);
    // And the office's history: four closed entries for each open one.
    await fillIncoming(pool, ITEMS * 2, s, ['closed'], progress, 2_000_000);
    await fillDeliveries(pool, ITEMS / 5, org, progress);
    await fillDrafts(pool, ITEMS / 10, org, head, progress);
    await fillFollowUps(pool, ITEMS / 10, s, progress);
    await fillPetitions(pool, ITEMS / 10, org, clerk, s, progress);
    progress('VACUUM ANALYZE');
    await pool.query('VACUUM ANALYZE');
    const fillS = Math.round((Date.now() - t0) / 1000);
    const open = (
      await pool.query(
        `SELECT (SELECT count(*) FROM incoming WHERE org_id = $1 AND status NOT IN ('closed', 'returned'))
              + (SELECT count(*) FROM deliveries WHERE org_id = $1 AND status = 'pending')
              + (SELECT count(*) FROM documents WHERE org_id = $1 AND status IN ('in_review', 'reviewed'))
              + (SELECT count(*) FROM follow_ups WHERE org_id = $1 AND status = 'open')
              + (SELECT count(*) FROM petitions WHERE org_id = $1 AND due_on IS NOT NULL) AS n`,
        [org],
      )
    ).rows[0].n as string;
    const app = await appFor(database);
    try {
      const out: BenchResult[] = [];
      progress('baseline');
      const baseline = await sample(RUNS, () =>
        pool.query(`SELECT id, deadline FROM follow_ups WHERE org_id = $1 AND status = 'open' ORDER BY deadline LIMIT 200`, [org]),
      );
      for (const who of ['town01.clerk', 'town01.leader']) {
        const sess = await session(app, who);
        const get = async () => {
          const r = await app.inject({ method: 'GET', url: '/api/workbench', headers: { cookie: sess.cookie } });
          if (r.statusCode !== 200) throw new Error(`/api/workbench: ${r.statusCode} ${r.body.slice(0, 200)}`);
          return r;
        };
        progress(`GET /api/workbench as ${who}`);
        const items = (await get()).json().items.length as number;
        const t = await sample(RUNS, get);
        const plans = await explain(pool, await capture(get));
        // The same work without HTTP (session, serialisation): the service call alone.
        const u = (await pool.query(`SELECT id, username, display_name, role, org_id FROM users WHERE username = $1`, [who])).rows[0];
        const actor: Actor = { userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id };
        const svc = await sample(RUNS, () => workbench(database.db, systemContext(actor, 'bench')));
        out.push({
          metric: `GET /api/workbench as ${who}, ${items} items shown (p95; median ${round(median(t))} ms)`,
          value: round(percentile(t, 95)),
          unit: 'ms',
          baseline: round(percentile(baseline, 95)),
          baselineLabel: 'bare indexed SELECT … LIMIT 200 of open follow-ups, p95',
          goal: 'p95 ≤ 50 ms',
          pass: percentile(t, 95) <= 50,
          note: `service call alone p95 ${round(percentile(svc, 95))} ms, median ${round(median(svc))} ms; EXPLAIN ANALYZE, slowest first: ${plans
            .slice(0, 4)
            .map((p) => `${p.query} ${p.ms} ms`)
            .join(', ')}`,
        });
      }
      out.push({
        metric: 'open items of the township',
        value: Number(open),
        unit: 'count',
        note: `generated (with ${(ITEMS * 2).toLocaleString('en')} closed entries) and analysed in ${fillS} s`,
      });
      return out;
    } finally {
      await app.close();
    }
  },
};

const sweep: BenchScenario = {
  module: 'workbench',
  name: `reminder sweep over ${DEADLINES.toLocaleString('en')} open deadlines`,
  async run({ database, progress }): Promise<BenchResult[]> {
    const pool = database.pool;
    // The offices that have business accounts (the county office, townships, departments with people).
    const orgs = (
      await pool.query(
        `SELECT id FROM orgs o WHERE EXISTS (SELECT 1 FROM users u WHERE u.org_id = o.id AND u.disabled_at IS NULL AND u.role = ANY ($1::text[]))
         ORDER BY sort_order, id`,
        [[...BUSINESS_ROLES]],
      )
    ).rows.map((r) => r.id as string);
    // Swept "at" 10:00 China time; deadlines 2 days late … 3 days ahead are in a reminder's window, 5 and 10 days ahead are not.
    const now = new Date(`${chinaToday()}T02:00:00Z`);
    const today = chinaToday(now);
    const s = { orgs, today, offsets: [-2, -1, 0, 1, 2, 3, 5, 10] };
    const t0 = Date.now();
    await fillFollowUps(pool, DEADLINES / 2, s, progress);
    await fillIncoming(pool, DEADLINES / 2, s, ['in_progress'], progress);
    progress('VACUUM ANALYZE');
    await pool.query('VACUUM ANALYZE');
    const fillS = Math.round((Date.now() - t0) / 1000);
    const rolesWith = (action: Parameters<typeof roleMay>[1]) => BUSINESS_ROLES.filter((r) => roleMay(r, action));

    // What the engine must write, computed in SQL from the tables alone: each (person, item) whose
    // deadline is in a window (follow-ups: the office's followUps.manage roles; entries being
    // handled without named handlers: its documents.receive roles), and one escalation per overdue
    // item and leader in charge of the office.
    const expected = (
      await pool.query(
        `WITH people AS (SELECT org_id, role FROM users WHERE disabled_at IS NULL AND role = ANY ($4::text[])),
              items AS (
                SELECT org_id, deadline, $2::text[] AS roles FROM follow_ups WHERE status = 'open' AND deadline <= $1::date + 3
                UNION ALL
                SELECT org_id, deadline, $3::text[] FROM incoming
                WHERE status = 'in_progress' AND cardinality(handler_ids) = 0 AND deadline <= $1::date + 3)
         SELECT (SELECT count(*) FROM items i JOIN people p ON p.org_id = i.org_id AND p.role = ANY (i.roles))::int AS reminders,
                (SELECT count(*) FROM items i JOIN people p ON p.org_id = i.org_id AND p.role = 'leader_in_charge'
                  WHERE i.deadline < $1::date)::int AS escalations,
                (SELECT count(*) FROM items)::int AS items,
                (SELECT count(*) FROM incoming i JOIN people p ON p.org_id = i.org_id AND p.role = ANY ($3::text[])
                  WHERE i.status = 'in_progress' AND cardinality(i.handler_ids) = 0)::int AS news`,
        [today, rolesWith('followUps.manage'), rolesWith('documents.receive'), [...BUSINESS_ROLES]],
      )
    ).rows[0] as { reminders: number; escalations: number; items: number; news: number };

    progress('first sweep');
    const first = await timed(() => runReminderSweep(database.db, now));
    progress('second sweep');
    const second = await timed(() => runReminderSweep(database.db, now));
    progress('checking exactly once');
    const got = (
      await pool.query(
        `SELECT count(*) FILTER (WHERE stage IN ('before', 'due', 'overdue') AND todo_kind IN ('followUp.due', 'incoming.handle'))::int AS reminders,
                count(*) FILTER (WHERE stage = 'escalated')::int AS escalations,
                count(*) FILTER (WHERE stage = 'new' AND todo_kind = 'incoming.handle')::int AS news,
                count(*)::int AS total,
                (SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY user_id, record_id, stage HAVING count(*) > 1) d)::int AS twice
         FROM notifications`,
      )
    ).rows[0] as { reminders: number; escalations: number; news: number; total: number; twice: number };
    const exact =
      got.reminders === expected.reminders &&
      got.escalations === expected.escalations &&
      got.news === expected.news &&
      got.twice === 0 &&
      second.value === 0 &&
      first.value === got.total;

    // Where the time goes: what the engine reads (every person's uncapped to-dos), timed alone.
    progress('reading every to-do alone');
    const actors = await notificationsRepository.businessActors(database.db);
    let todos = 0;
    const read = await timed(async () => {
      for (const a of actors) todos += (await everyTodo(database.db, systemContext(a, 'bench'), now)).length;
    });
    // Baseline: the same number of rows written the plainest way, one INSERT … SELECT into a copy of the table.
    progress('baseline: INSERT … SELECT of as many rows');
    await pool.query(`CREATE TABLE notifications_baseline (LIKE notifications INCLUDING ALL)`);
    const plain = await timed(() =>
      pool.query(
        `INSERT INTO notifications_baseline (org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key)
         SELECT org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key FROM notifications`,
      ),
    );
    await pool.query(`DROP TABLE notifications_baseline`);
    return [
      {
        metric: `first sweep: ${first.value.toLocaleString('en')} notifications written`,
        value: Math.round(first.ms),
        unit: 'ms',
        baseline: Math.round(plain.ms),
        baselineLabel: `one INSERT … SELECT of the same ${got.total.toLocaleString('en')} rows into a copy (indexes, no foreign keys)`,
        goal: '≤ 10 s',
        pass: first.ms <= 10_000,
        note: `${expected.items.toLocaleString('en')} deadlines in a window out of ${DEADLINES.toLocaleString('en')} in ${orgs.length} offices, generated in ${fillS} s`,
      },
      {
        metric: `of which reading every person's to-dos (${actors.length} people, ${todos.toLocaleString('en')} to-dos), timed alone`,
        value: Math.round(read.ms),
        unit: 'ms',
      },
      { metric: 'second sweep (writes nothing)', value: Math.round(second.ms), unit: 'ms', goal: '0 written', pass: second.value === 0 },
      {
        metric: 'exactly once: reminders written = (person, item) pairs in a window, computed in SQL',
        value: got.reminders,
        unit: 'count',
        baseline: expected.reminders,
        baselineLabel: 'pairs in SQL',
        goal: 'equal, no (user, record, stage) twice, escalations and news equal too',
        pass: exact,
        note: `escalations ${got.escalations} (SQL ${expected.escalations}), news ${got.news} (SQL ${expected.news}), (user, record, stage) twice: ${got.twice}, second run wrote ${second.value}`,
      },
    ];
  },
};

export const scenarios: BenchScenario[] = [workbenchPage, sweep];
