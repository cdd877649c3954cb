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
import { workbench } from '../packages/server/src/modules/workbench/workbench.service.ts';
import { systemContext, type Actor } from '../packages/server/src/platform/context.ts';
import { fillDeliveries, fillDrafts, fillFollowUps, fillIncoming, fillPetitions, orgId, userId } from './workbench.fill.ts';
import { capture, explain } from './explain.ts';
import { appFor, round, sample, session } from './http.ts';
import { median, percentile, timed, type BenchResult, type BenchScenario } from './registry.ts';

const ITEMS = Number(process.env.BENCH_WORKBENCH_ITEMS ?? 100_000);
const DEADLINES = Number(process.env.BENCH_REMINDER_DEADLINES ?? 1_000_000);
const RUNS = 60;

/**
 * BENCH_EXPLAIN=1: EXPLAIN ANALYZE of the first sweep's big statement (the longest one it sent), run
 * again in a transaction rolled back, with the engine's state as before that sweep (no last sweep, no
 * keys, no engine notifications). Prints the plan; the bench's figures are the timed run's, not this one's.
 */
async function explainSweep(pool: pg.Pool, sent: { text: string; values: unknown[] }[], progress: (m: string) => void) {
  const big = [...sent].sort((a, b) => b.text.length - a.text.length)[0];
  if (!big) return;
  progress('EXPLAIN ANALYZE of the first sweep (rolled back)');
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`DELETE FROM reminder_sweeps`);
    await c.query(`DELETE FROM notification_digest_events`);
    await c.query(`DELETE FROM notifications WHERE stage IN ('new', 'before', 'due', 'overdue', 'escalated', 'digest')`);
    await c.query(`SET LOCAL work_mem = '256MB'`);
    const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${big.text}`, big.values);
    console.log(`\n--- the first sweep's statement\n${r.rows.map((x) => x['QUERY PLAN'] as string).join('\n')}`);
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
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
    // Swept at the bench's own instant (the records exist by then); deadlines 2 days late … 3 days
    // ahead are in a reminder's window, 5 and 10 days ahead are not.
    const today = chinaToday();
    const s = { orgs, today, offsets: [-2, -1, 0, 1, 2, 3, 5, 10] };
    const t0 = Date.now();
    await fillFollowUps(pool, DEADLINES / 2, s, progress);
    await fillIncoming(pool, DEADLINES / 2, s, ['in_progress'], progress);
    progress('VACUUM ANALYZE');
    await pool.query('VACUUM ANALYZE');
    const fillS = Math.round((Date.now() - t0) / 1000);
    const now = new Date();
    if (chinaToday(now) !== today) throw new Error('the China day changed while the data was generated: run again');
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
                -- The next morning each deadline of day 0, +1, +2 moves to its next stage (overdue, due, 1 day
                -- left) and day 0's are escalated; nothing else is new.
                ((SELECT count(*) FROM items i JOIN people p ON p.org_id = i.org_id AND p.role = ANY (i.roles)
                   WHERE i.deadline BETWEEN $1::date AND $1::date + 2)
                 + (SELECT count(*) FROM items i JOIN people p ON p.org_id = i.org_id AND p.role = 'leader_in_charge'
                   WHERE i.deadline = $1::date))::int AS next_day,
                (SELECT count(*) FROM items i JOIN people p ON p.org_id = i.org_id AND p.role = 'leader_in_charge'
                  WHERE i.deadline < $1::date)::int AS escalations,
                (SELECT count(*) FROM items)::int AS items,
                (SELECT count(*) FROM incoming i JOIN people p ON p.org_id = i.org_id AND p.role = ANY ($3::text[])
                  WHERE i.status = 'in_progress' AND cardinality(i.handler_ids) = 0)::int AS news`,
        [today, rolesWith('followUps.manage'), rolesWith('documents.receive'), [...BUSINESS_ROLES]],
      )
    ).rows[0] as { reminders: number; escalations: number; items: number; news: number; next_day: number };

    progress('first sweep');
    // The statements the first sweep sends (captured only with BENCH_EXPLAIN: the probe below explains the big one).
    let sent: { text: string; values: unknown[] }[] = [];
    const first = await timed(async () => {
      if (!process.env.BENCH_EXPLAIN) return runReminderSweep(database.db, now);
      let n = 0;
      sent = await capture(async () => {
        n = await runReminderSweep(database.db, now);
      });
      return n;
    });
    progress('second sweep');
    const second = await timed(() => runReminderSweep(database.db, now));
    progress('checking exactly once');
    // Every event sent: a notification of its own, or counted in a digest (by stage).
    const got = (
      await pool.query(
        `WITH own AS (
           SELECT split_part(event_key, ':', 1) AS sk, todo_kind AS kind FROM notifications
           WHERE stage IN ('new', 'before', 'due', 'overdue', 'escalated')),
         d AS (SELECT coalesce(sum((digest->>'before')::int), 0) + coalesce(sum((digest->>'due')::int), 0)
                        + coalesce(sum((digest->>'overdue')::int), 0) AS reminders,
                      coalesce(sum((digest->>'escalated')::int), 0) AS escalations, coalesce(sum((digest->>'new')::int), 0) AS news,
                      coalesce(sum(item_count), 0) AS total
               FROM notifications WHERE stage = 'digest')
         SELECT ((SELECT count(*) FROM own WHERE sk IN ('before1', 'before3', 'due', 'overdue') AND kind IN ('followUp.due', 'incoming.handle'))
                   + (SELECT reminders FROM d))::int AS reminders,
                ((SELECT count(*) FROM own WHERE sk = 'escalated') + (SELECT escalations FROM d))::int AS escalations,
                ((SELECT count(*) FROM own WHERE sk = 'new' AND kind = 'incoming.handle') + (SELECT news FROM d))::int AS news,
                ((SELECT count(*) FROM own) + (SELECT total FROM d))::int AS total,
                (SELECT count(*) FROM notifications n JOIN notification_digest_events k USING (user_id, event_key))::int AS twice`,
      )
    ).rows[0] as { reminders: number; escalations: number; news: number; total: number; twice: number };
    if (process.env.BENCH_EXPLAIN) await explainSweep(pool, sent, progress);
    // The next morning: the day changed, so every deadline one day nearer enters its next window.
    progress("next day's first sweep");
    const nextDay = await timed(() => runReminderSweep(database.db, new Date(now.getTime() + 86_400_000)));
    const afterNextDay = await pool.query(`SELECT count(*)::int AS n FROM notification_digest_events`);
    const digests = (await pool.query(`SELECT count(*)::int AS n, sum(item_count)::int AS items FROM notifications WHERE stage = 'digest'`))
      .rows[0] as { n: number; items: number };
    const exact =
      got.reminders === expected.reminders &&
      got.escalations === expected.escalations &&
      got.news === expected.news &&
      got.twice === 0 &&
      second.value === 0 &&
      first.value === got.total;

    // Baselines in the same run, the plainest way to write as many rows as the first sweep found
    // events, generated in SQL over the same people: (1) one notification row per event (what the
    // engine wrote before the digest) into a copy of the table; (2) only a (person, key) pair per
    // event into a copy of notification_digest_events (the narrowest store of "sent" per event).
    const gen = `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(org_id ORDER BY id) AS orgs, count(*)::int AS n
                            FROM users WHERE disabled_at IS NULL AND role = ANY ($2::text[]))
                 SELECT u.orgs[1 + g % u.n] AS org_id, u.ids[1 + g % u.n] AS user_id,
                        'due:followUp.due:' || gen_random_uuid() || '@2026-12-07T15:59:59.999Z' AS event_key
                 FROM generate_series(1, $1::int) g, u`;
    progress('baseline: INSERT … SELECT of one notification row per event');
    await pool.query(`CREATE TABLE notifications_baseline (LIKE notifications INCLUDING ALL)`);
    await pool.query(`CREATE TABLE digest_events_baseline (LIKE notification_digest_events INCLUDING ALL)`);
    const rowsFloor = await timed(() =>
      pool.query(
        `INSERT INTO notifications_baseline (org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key)
         SELECT org_id, user_id, 'followUp.due', 'due', 0, gen_random_uuid(), '关于进一步做好冬季安全生产工作的通知', '县政府办公室',
                '/meetings/follow-ups', now(), event_key FROM (${gen}) x`,
        [first.value, [...BUSINESS_ROLES]],
      ),
    );
    progress('baseline: INSERT … SELECT of one (person, key) row per event');
    const keysFloor = await timed(() =>
      pool.query(`INSERT INTO digest_events_baseline (user_id, event_key) SELECT user_id, event_key FROM (${gen}) x`, [
        first.value,
        [...BUSINESS_ROLES],
      ]),
    );
    await pool.query(`DROP TABLE notifications_baseline`);
    await pool.query(`DROP TABLE digest_events_baseline`);
    const floors = `one INSERT … SELECT of as many rows: ${Math.round(rowsFloor.ms)} ms as notification rows (a copy with its indexes, no foreign keys), ${Math.round(keysFloor.ms)} ms as (person, key) rows`;
    return [
      {
        metric: `first sweep: ${first.value.toLocaleString('en')} events sent (${digests.n} digests)`,
        value: Math.round(first.ms),
        unit: 'ms',
        baseline: Math.round(rowsFloor.ms),
        baselineLabel: `one INSERT … SELECT of ${first.value.toLocaleString('en')} notification rows (one per event) into a copy of the table`,
        goal: '≤ 10 s',
        pass: first.ms <= 10_000,
        note: `${floors}; ${expected.items.toLocaleString('en')} deadlines in a window out of ${DEADLINES.toLocaleString('en')} in ${orgs.length} offices, generated in ${fillS} s`,
      },
      {
        metric: 'second sweep at the same instant (writes nothing)',
        value: Math.round(second.ms),
        unit: 'ms',
        goal: '0 written',
        pass: second.value === 0,
      },
      {
        metric: `next day's first sweep: ${nextDay.value.toLocaleString('en')} events sent`,
        value: Math.round(nextDay.ms),
        unit: 'ms',
        goal: 'events = the stage changes computed in SQL',
        pass: nextDay.value === expected.next_day,
        note: `stage changes in SQL: ${expected.next_day.toLocaleString('en')}; digest keys stored after it: ${afterNextDay.rows[0].n.toLocaleString('en')}`,
      },
      {
        metric: 'exactly once: reminders sent by the first sweep = (person, item) pairs in a window, computed in SQL',
        value: got.reminders,
        unit: 'count',
        baseline: expected.reminders,
        baselineLabel: 'pairs in SQL',
        goal: 'equal, no (user, event) twice, escalations and news equal too',
        pass: exact,
        note: `escalations ${got.escalations} (SQL ${expected.escalations}), news ${got.news} (SQL ${expected.news}), (user, event) twice: ${got.twice}, second run wrote ${second.value}, events stored ${got.total} = sent ${first.value}`,
      },
    ];
  },
};

export const scenarios: BenchScenario[] = [workbenchPage, sweep];
