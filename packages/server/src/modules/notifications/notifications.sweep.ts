/**
 * The reminder engine's sweep, set-based and incremental (issue 11). One SQL statement finds the
 * events of every person at once and writes them, so no to-do crosses into Node:
 *
 * - Each module's provider gives its to-dos of everyone as SQL (`TodoProvider.everyone`). Those with
 *   few rows and nothing to window on (发文 steps, duty, assessment) give them `whole`: every to-do of
 *   every person, checked against the keys like news. A provider without `everyone` is read person by
 *   person as the workbench reads it, and its rows join the same statement as arrays.
 * - Incremental: the instant of the last sweep is kept (`reminder_sweeps`), and a deadline is read
 *   only when one of its reminder points — `REMINDER_DAYS_BEFORE` days before, the day, the moment it
 *   passes — falls in (last, now], or its record was created since (a new record whose point passed
 *   before it existed). News (a delivery, an instruction asked of me) has no date to window on, so
 *   news kinds are read whole. With no last sweep (a new database), or a last sweep after `now` (a
 *   clock set back), every deadline is read.
 * - Exactly once, two ways. An event whose stage began inside the window (its point lies in
 *   (last, now]) is sent by this sweep and by no other: the windows of successive sweeps do not
 *   overlap, and the sweeps run one after another under the advisory lock, each recording its instant
 *   in the same transaction. Every other event (news; a record written since; a clock set back) is
 *   checked against the keys stored — `notifications.event_key`, `notification_digest_events` — and
 *   its key stored. A person's own notification rows keep their keys as before (ON CONFLICT).
 * - Digest: a person with more than `DIGEST_ABOVE` new events in one sweep gets one notification
 *   counting them by stage (nobody reads 500 bell entries; the workbench lists every item). Only the
 *   keys of its checked events are stored, so a county's first sweep (every deadline due, a million
 *   of them) writes a digest per person and no row per event: writing 2.26 M rows costs 30 s or more
 *   on this machine whatever their width (docs/benchmarks.md), ten times the goal.
 *
 * The stage of a deadline in SQL mirrors `reminderStage` (domain/notifications.ts): overdue once the
 * instant has passed, due on its China day, `before<d>` for the tightest configured d ≥ days left.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { chinaToday } from '@township-office/domain/dates';
import { DIGEST_ABOVE, NEWS_KINDS, REMINDER_DAYS_BEFORE } from '@township-office/domain/notifications';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { principalsHolding } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import type { SweepScope, Todo, TodoProvider } from '../../platform/todos.ts';

const DAY_MS = 86_400_000;

/** YYYY-MM-DD `n` days after the China day `day`. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const textArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** The sweep's scope for the providers' set-based queries. */
export function sweepScope(actors: readonly Actor[], now: Date, since: Date | null, auditSince: Date | null): SweepScope {
  const today = chinaToday(now);
  // A last sweep after now (a clock set back, a test replaying an earlier instant): read everything, the keys decide.
  const last = since && since.getTime() <= now.getTime() ? since : null;
  const lastDay = last ? chinaToday(last) : null;
  const before = [...REMINDER_DAYS_BEFORE].sort((a, b) => a - b);
  const maxBefore = before.at(-1) ?? 0;
  const idsMay = (action: Action, delegated: boolean) =>
    actors.filter((a) => roleMay(a.role, action) || (delegated && principalsHolding(a, action).length > 0)).map((a) => a.userId);
  return {
    now,
    today,
    people: (action, opts) =>
      sql`(SELECT sp.user_id, sp.org_id, sp.role, sp.display_name FROM sweep_people sp WHERE sp.user_id = ANY (${`{${idsMay(action, !!opts?.delegated).join(',')}}`}::uuid[]))`,
    everybody: sql`sweep_people`,
    dayDue: (day) => {
      if (!lastDay) return sql`(${day} <= ${addDays(today, maxBefore)}::date)`;
      // The day ends (it is overdue) between the two sweeps: day in [lastDay, today - 1].
      const ranges = [sql`(${day} >= ${lastDay}::date AND ${day} < ${today}::date)`];
      // Its day, or d days before it, begins between them: day - d in (lastDay, today].
      for (const d of [0, ...before]) ranges.push(sql`(${day} > ${addDays(lastDay, d)}::date AND ${day} <= ${addDays(today, d)}::date)`);
      return sql`(${sql.join(ranges, sql` OR `)})`;
    },
    instantDue: (at, plusHours) => {
      const shift = (iso: string) => new Date(Date.parse(iso) - plusHours * 3600_000).toISOString();
      if (!lastDay) return sql`(${at} < ${shift(`${addDays(today, maxBefore + 1)}T00:00:00+08:00`)}::timestamptz)`;
      const dayStart = (day: string) => shift(`${day}T00:00:00+08:00`);
      // It passes between the two sweeps; or its China day, or d days before it, begins between them.
      const ranges = [sql`(${at} >= ${shift(last!.toISOString())}::timestamptz AND ${at} < ${shift(now.toISOString())}::timestamptz)`];
      for (const d of [0, ...before])
        ranges.push(
          sql`(${at} >= ${dayStart(addDays(lastDay, 1 + d))}::timestamptz AND ${at} < ${dayStart(addDays(today, 1 + d))}::timestamptz)`,
        );
      return sql`(${sql.join(ranges, sql` OR `)})`;
    },
    changedSince: (entities, id) =>
      last && auditSince
        ? sql`(${id} IN (SELECT CASE WHEN a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.entity_id::uuid END
                         FROM audit_log a WHERE a.at > ${auditSince.toISOString()}::timestamptz - interval '1 hour'
                           AND a.entity = ANY (${textArray(entities)})))`
        : sql`true`,
    createdSince: (at) => (last ? sql`(${at} > ${last.toISOString()}::timestamptz)` : sql`true`),
    endOfDay: (day) => sql`((((${day}) + 1)::timestamp AT TIME ZONE 'UTC') - interval '8 hours 1 millisecond')`,
  };
}

/** The reminder key of a deadline's stage at `now` (`before3`, `due`, `overdue`), or NULL: `reminderStage` in SQL. */
function stageKeySql(dueAt: SQL, now: Date, today: string): SQL {
  const before = [...REMINDER_DAYS_BEFORE].sort((a, b) => a - b);
  const left = sql`((((${dueAt}) AT TIME ZONE 'UTC') + interval '8 hours')::date - ${today}::date)`;
  const whens = before.map((d) => sql`WHEN ${left} <= ${d}::int THEN ${`before${d}`}`);
  return sql`CASE WHEN ${dueAt} IS NULL THEN NULL WHEN ${dueAt} < ${now.toISOString()}::timestamptz THEN 'overdue'
    WHEN ${left} <= 0 THEN 'due' ${sql.join(whens, sql` `)} END`;
}

/** Whether the point of the stage `s.sk` reached at now lies after `last` (the stage's start: the deadline day's start, d days before it, or the deadline). */
function inWindowSql(last: Date): SQL {
  const day = sql`(((s.due_at AT TIME ZONE 'UTC') + interval '8 hours')::date)`;
  const dayStart = (d: SQL) => sql`((${d})::timestamp AT TIME ZONE 'UTC' - interval '8 hours')`;
  const at = sql`${last.toISOString()}::timestamptz`;
  return sql`CASE WHEN s.sk = 'overdue' THEN s.due_at >= ${at}
    WHEN s.sk = 'due' THEN ${dayStart(day)} > ${at}
    ELSE ${dayStart(sql`${day} - substr(s.sk, 7)::int`)} > ${at} END`;
}

/** The instant as JavaScript's toISOString writes it, as the keys have it (`deadlineKey`, migration 1150). */
const isoSql = (at: SQL) => sql`to_char((${at}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An event's key from the narrow columns of `e` (head, todo_kind, record_id, due_at), as `deadlineKey` and the news keys have it. */
const eventKeySql = (e: SQL) =>
  sql`${e}.head || ':' || ${e}.todo_kind || ':' || ${e}.record_id || CASE WHEN ${e}.head = 'new' THEN '' ELSE '@' || ${isoSql(sql`${e}.due_at`)} END`;

/** The sweep's people, `(user_id, org_id, role, display_name)`: the body of the `sweep_people` CTE the scope's pieces name. */
function sweepPeopleSql(actors: readonly Actor[]): SQL {
  const col = <T>(f: (a: Actor) => T) => sql.param(actors.map(f));
  return sql`SELECT * FROM unnest(${col((a) => a.userId)}::uuid[], ${col((a) => a.orgId)}::uuid[], ${col((a) => a.role)}::text[],
                                  ${col((a) => a.displayName)}::text[])`;
}

/** A to-do row of the set-based queries, as `EveryoneTodos` has them. */
export type EveryoneRow = {
  user_id: string;
  org_id: string;
  role: string;
  todo_kind: string;
  record_id: string;
  title: string;
  subject: string | null;
  href: string;
  due_at: Date | null;
  news: boolean;
};

/** The rows of one provider's set-based queries for `actors` at `now`, as a sweep with no last sweep reads them (for tests). */
export async function everyoneRows(tx: DbOrTx, provider: TodoProvider, actors: readonly Actor[], now: Date): Promise<EveryoneRow[]> {
  const queries = provider.everyone?.queries(sweepScope(actors, now, null, null)) ?? [];
  if (queries.length === 0) return [];
  const r = await tx.execute<EveryoneRow>(sql`
    WITH sweep_people(user_id, org_id, role, display_name) AS (${sweepPeopleSql(actors)})
    ${sql.join(
      queries.map((q) => sql`(${q})`),
      sql` UNION ALL `,
    )}`);
  return r.rows.map((x) => ({ ...x, due_at: x.due_at === null ? null : new Date(x.due_at) }));
}

type PersonTodo = Todo & { actor: Actor };

/** Rows of the providers read person by person, as one derived table of arrays (one parameter per column). */
function rowsAsTable(rows: PersonTodo[]): SQL {
  const col = <T>(f: (r: PersonTodo) => T) => sql.param(rows.map(f));
  return sql`SELECT * FROM unnest(${col((r) => r.actor.userId)}::uuid[], ${col((r) => r.actor.orgId)}::uuid[], ${col((r) => r.actor.role)}::text[],
      ${col((r) => r.kind)}::text[], ${col((r) => r.recordId)}::uuid[], ${col((r) => r.title)}::text[], ${col((r) => r.subject)}::text[],
      ${col((r) => r.href)}::text[], ${col((r) => (r.dueAt ? r.dueAt.toISOString() : null))}::timestamptz[],
      ${col(() => true)}::boolean[], ${col(() => true)}::boolean[])`;
}

export interface SweepOutcome {
  /** Events sent: one per notification row, and each event a digest stands for. */
  events: number;
  /** Who was told, per office (for the bell's live update). */
  told: Map<string, Set<string>>;
  /** Notifications written (rows), digests among them. */
  rows: number;
  digests: number;
}

/**
 * One sweep inside the caller's transaction (which holds the advisory lock): reads the last sweep's
 * instant, writes every new event of `actors` at `now`, records `now` as the last sweep.
 */
export async function sweepEveryone(tx: Tx, providers: readonly TodoProvider[], actors: Actor[], now: Date): Promise<SweepOutcome> {
  const state = await tx.execute<{ swept_at: Date; audit_at: Date | null }>(sql`SELECT swept_at, audit_at FROM reminder_sweeps`);
  const since = state.rows[0] ? new Date(state.rows[0].swept_at) : null;
  const auditSince = state.rows[0]?.audit_at ? new Date(state.rows[0].audit_at) : null;
  const scope = sweepScope(actors, now, since, auditSince);

  // The providers without a set-based form, person by person (one query after another: allOn's rule).
  const personRows: PersonTodo[] = [];
  for (const p of providers.filter((x) => !x.everyone))
    for (const actor of actors) for (const t of await p.todos(tx, actor, now, null)) personRows.push({ ...t, actor });
  // full_read: the rows read whole every sweep (person by person, or set-based `whole`): their events are always checked against the keys.
  const queries = providers.flatMap((p) =>
    (p.everyone?.queries(scope) ?? []).map((q) =>
      p.everyone?.whole ? sql`(SELECT *, true FROM (${q}) q)` : sql`(SELECT *, false FROM (${q}) q)`,
    ),
  );
  if (personRows.length > 0) queries.push(sql`(${rowsAsTable(personRows)})`);

  const sweepId = randomUUID();
  const leaders = actors.filter((a) => a.role === 'leader_in_charge');
  // The first sweep of a database: every deadline due now, each person's backlog in one digest when
  // it is long (no keys kept for a digest's events: later sweeps' windows begin after it).
  const initial = since === null;
  const last = since && since.getTime() <= now.getTime() ? since : null;
  const inWindow = last ? inWindowSql(last) : sql`false`;
  const sk = stageKeySql(sql`t.due_at`, now, scope.today);
  const news = textArray(NEWS_KINDS);
  // One statement over every person's to-dos: room to hash and sort them in memory.
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  const r = await tx.execute<{ user_id: string; org_id: string; n: number; digest: boolean }>(sql`
    WITH sweep_people(user_id, org_id, role, display_name) AS (${sweepPeopleSql(actors)}),
    sweep_leaders(user_id, org_id) AS (
      SELECT * FROM unnest(${sql.param(leaders.map((a) => a.userId))}::uuid[], ${sql.param(leaders.map((a) => a.orgId))}::uuid[])),
    todos(user_id, org_id, role, todo_kind, record_id, title, subject, href, due_at, news, full_read) AS (
      ${sql.join(queries, sql` UNION ALL `)}),
    -- The only CTE with the wide columns (title, subject, href): everything up to the choice between
    -- single rows and a digest is narrow, and the wide columns are read back from here for the people
    -- who get single rows (a digest needs only each event's person and stage).
    staged AS MATERIALIZED (SELECT t.*, ${sk} AS sk FROM todos t),
    -- in_window: the point of the stage reached now (the deadline itself once overdue, else the start
    -- of its China day, or of d days before it) lies after the last sweep. Such an event is sent
    -- exactly once by the windows alone: each point lies in one sweep's (last, now], the sweeps one
    -- after another under the lock. The others (news, records written since, a clock set back) are
    -- checked against the keys stored, and their keys are stored; so are all the events of the rows
    -- read person by person (read whole every sweep, not by window).
    windowed AS NOT MATERIALIZED (
      SELECT s.user_id, s.org_id, s.role, s.todo_kind, s.record_id, s.due_at, s.full_read, s.sk,
             (${inWindow}) AND NOT s.full_read AS in_window
      FROM staged s WHERE s.sk IS NOT NULL),
    -- head: the key's first part (new, before3, due, overdue, escalated).
    events AS (
      SELECT user_id, org_id, todo_kind, 'new' AS stage, 'new' AS head, NULL::int AS days_left, record_id, due_at, false AS in_window, full_read
      FROM staged WHERE todo_kind = ANY (${news}) AND news
      UNION ALL
      SELECT user_id, org_id, todo_kind, CASE WHEN sk LIKE 'before%' THEN 'before' ELSE sk END, sk,
             CASE WHEN sk = 'due' THEN 0 WHEN sk LIKE 'before%' THEN substr(sk, 7)::int END, record_id, due_at, in_window, full_read
      FROM windowed
      UNION ALL
      -- Overdue for someone of an office who is not its leader in charge: the office's leaders in charge
      -- hear of it too, once per item (grouped on the narrow rows).
      SELECT l.user_id, s.org_id, s.todo_kind, 'escalated', 'escalated', NULL::int, s.record_id, s.due_at, s.in_window, s.full_read
      FROM (SELECT org_id, todo_kind, record_id, due_at, bool_and(in_window) AS in_window, bool_or(full_read) AS full_read
            FROM windowed WHERE sk = 'overdue' AND role <> 'leader_in_charge' GROUP BY org_id, todo_kind, record_id, due_at) s
        JOIN sweep_leaders l ON l.org_id = s.org_id),
    -- keyed: checked against the keys stored, and its key stored (its key text built only then; OFFSET 0
    -- keeps it built once per row).
    keyed AS (
      SELECT e.*, CASE WHEN e.keyed THEN ${eventKeySql(sql`e`)} END AS event_key
      FROM (SELECT e.*, NOT e.in_window AND (e.full_read OR ${initial}::boolean IS FALSE) AS keyed FROM events e OFFSET 0) e),
    fresh AS MATERIALIZED (
      SELECT e.user_id, e.org_id, e.todo_kind, e.stage, e.head, e.days_left, e.record_id, e.due_at, e.keyed, e.event_key FROM keyed e
      WHERE NOT e.keyed
         OR NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = e.user_id AND n.event_key = e.event_key)
        AND NOT EXISTS (SELECT 1 FROM notification_digest_events d WHERE d.user_id = e.user_id AND d.event_key = e.event_key)),
    -- Each person's events counted by kind and stage (a hash of a few groups, no sort).
    counts AS MATERIALIZED (
      SELECT user_id, org_id, todo_kind, stage, count(*) AS n, min(due_at) AS min_due FROM fresh GROUP BY user_id, org_id, todo_kind, stage),
    per_user AS MATERIALIZED (SELECT user_id, sum(n) > ${DIGEST_ABOVE}::int AS digest FROM counts GROUP BY user_id),
    single_events AS (SELECT f.* FROM fresh f JOIN per_user u ON u.user_id = f.user_id AND NOT u.digest),
    -- The wide columns of a single row: from the person's own to-do, or for an escalation from the
    -- overdue to-do of someone of the office (any of them: ON CONFLICT keeps one row per key).
    single AS (
      INSERT INTO notifications (org_id, user_id, todo_kind, stage, days_left, record_id, title, subject, href, due_at, event_key, read_at)
      SELECT f.org_id, f.user_id, f.todo_kind, f.stage, f.days_left, f.record_id, left(s.title, 400), s.subject, s.href, f.due_at,
             coalesce(f.event_key, ${eventKeySql(sql`f`)}),
             -- A reminder arriving with its item's announcement (sent in this sweep) is stored read: one line in the bell, not two.
             CASE WHEN f.stage IN ('before', 'due') AND f.todo_kind = ANY (${news})
                   AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = f.user_id AND n.event_key = 'new:' || f.todo_kind || ':' || f.record_id)
                   AND NOT EXISTS (SELECT 1 FROM notification_digest_events d WHERE d.user_id = f.user_id AND d.event_key = 'new:' || f.todo_kind || ':' || f.record_id)
                  THEN now() END
      FROM single_events f
        JOIN staged s ON s.todo_kind = f.todo_kind AND s.record_id = f.record_id AND s.due_at IS NOT DISTINCT FROM f.due_at
         AND CASE WHEN f.stage = 'escalated' THEN s.org_id = f.org_id AND s.sk = 'overdue' AND s.role <> 'leader_in_charge'
                  ELSE s.user_id = f.user_id END
      ON CONFLICT (user_id, event_key) DO NOTHING
      RETURNING user_id, org_id),
    digest_keys AS (
      INSERT INTO notification_digest_events (user_id, event_key)
      SELECT f.user_id, f.event_key FROM fresh f JOIN per_user u ON u.user_id = f.user_id AND u.digest WHERE f.keyed
      ON CONFLICT DO NOTHING),
    -- A digest's kind: its person's most frequent kind, the first in order among equals (what mode() gives).
    digest_kind AS (
      SELECT DISTINCT ON (k.user_id) k.user_id, k.todo_kind
      FROM (SELECT user_id, todo_kind, sum(n) AS n FROM counts GROUP BY user_id, todo_kind) k ORDER BY k.user_id, k.n DESC, k.todo_kind),
    digests AS (
      INSERT INTO notifications (org_id, user_id, todo_kind, stage, record_id, title, href, due_at, event_key, item_count, digest)
      SELECT (array_agg(c.org_id))[1], c.user_id, k.todo_kind, 'digest', ${sweepId}::uuid, '待办汇总', '/',
             min(c.min_due), 'digest:' || ${sweepId}, sum(c.n)::int,
             jsonb_strip_nulls(jsonb_build_object(
               'overdue', sum(c.n) FILTER (WHERE c.stage = 'overdue'), 'escalated', sum(c.n) FILTER (WHERE c.stage = 'escalated'),
               'due', sum(c.n) FILTER (WHERE c.stage = 'due'), 'before', sum(c.n) FILTER (WHERE c.stage = 'before'),
               'new', sum(c.n) FILTER (WHERE c.stage = 'new')))
      FROM counts c JOIN per_user u ON u.user_id = c.user_id AND u.digest JOIN digest_kind k ON k.user_id = c.user_id
      GROUP BY c.user_id, k.todo_kind
      RETURNING user_id, org_id, item_count)
    SELECT user_id, org_id, count(*)::int AS n, false AS digest FROM single GROUP BY user_id, org_id
    UNION ALL
    SELECT user_id, org_id, item_count, true FROM digests`);

  await tx.execute(sql`
    INSERT INTO reminder_sweeps (id, swept_at, audit_at) VALUES (true, ${now.toISOString()}::timestamptz, now())
    ON CONFLICT (id) DO UPDATE SET swept_at = EXCLUDED.swept_at, audit_at = EXCLUDED.audit_at`);

  const told = new Map<string, Set<string>>();
  let events = 0;
  let rows = 0;
  let digests = 0;
  for (const x of r.rows) {
    events += Number(x.n);
    rows += x.digest ? 1 : Number(x.n);
    if (x.digest) digests += 1;
    const users = told.get(x.org_id);
    if (users) users.add(x.user_id);
    else told.set(x.org_id, new Set([x.user_id]));
  }
  return { events, told, rows, digests };
}
