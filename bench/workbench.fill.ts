/**
 * Open work of any size for the workbench and reminder benchmarks, generated in SQL
 * (INSERT … SELECT generate_series): 收文 entries waiting at each step, pending deliveries of county
 * documents, outgoing drafts in review, open follow-ups (督办) and petitions with their deadlines. Each
 * row's deadline is a day offset from "today" (China calendar) taken round-robin from `offsets`.
 */
import type pg from 'pg';

type Progress = (m: string) => void;

const CHUNK = 100_000;

/** Runs `insert(from, to)` over [0, n) in chunks, with progress. */
async function chunked(n: number, what: string, progress: Progress, insert: (from: number, to: number) => Promise<unknown>) {
  for (let from = 0; from < n; from += CHUNK) {
    progress(`${what}: ${from.toLocaleString('en')} / ${n.toLocaleString('en')}`);
    await insert(from, Math.min(n, from + CHUNK) - 1);
  }
}

export async function userId(pool: pg.Pool, username: string): Promise<string> {
  return (await pool.query(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id as string;
}

export async function orgId(pool: pg.Pool, code: string): Promise<string> {
  return (await pool.query(`SELECT id FROM orgs WHERE code = $1`, [code])).rows[0].id as string;
}

/** Each org's first active account (the recorder of its meeting, the clerk of its entries). */
async function someoneOf(pool: pg.Pool, orgs: string[]): Promise<string[]> {
  const r = await pool.query(
    `SELECT DISTINCT ON (org_id) org_id, id FROM users WHERE org_id = ANY ($1::uuid[]) AND disabled_at IS NULL ORDER BY org_id, username`,
    [orgs],
  );
  const by = new Map(r.rows.map((x) => [x.org_id as string, x.id as string]));
  return orgs.map((o) => by.get(o)!);
}

/** One confirmed meeting per org, to hang its follow-ups on. */
async function meetingsOf(pool: pg.Pool, orgs: string[], people: string[]): Promise<string[]> {
  const r = await pool.query(
    `INSERT INTO meetings (org_id, kind, title, starts_at, place, host_user_id, host_name, recorder_user_id, recorder_name, created_by)
     SELECT o, 'executive', '压测办公会', now() - interval '60 days', '会议室', p, '主持人', p, '记录人', p
     FROM unnest($1::uuid[], $2::uuid[]) AS x(o, p) RETURNING id, org_id`,
    [orgs, people],
  );
  const by = new Map(r.rows.map((x) => [x.org_id as string, x.id as string]));
  return orgs.map((o) => by.get(o)!);
}

export interface Spread {
  orgs: string[];
  today: string;
  offsets: number[];
}

/** `n` open follow-ups, row g in org g % orgs, deadline today + offsets[g % offsets]. */
export async function fillFollowUps(pool: pg.Pool, n: number, s: Spread, progress: Progress) {
  const people = await someoneOf(pool, s.orgs);
  const meetings = await meetingsOf(pool, s.orgs, people);
  await chunked(n, 'follow-ups', progress, (from, to) =>
    pool.query(
      `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
       SELECT ($1::uuid[])[1 + g % $6], ($2::uuid[])[1 + g % $6], g, 0, '压测督办事项 ' || g, '责任人' || (g % 50),
              $3::date + ($4::int[])[1 + g % cardinality($4::int[])], ($5::uuid[])[1 + g % $6]
       FROM generate_series($7::int, $8::int) g`,
      [s.orgs, meetings, s.today, s.offsets, people, s.orgs.length, from, to],
    ),
  );
}

/**
 * `n` 收文 entries, row g in org g % orgs; `statuses` round-robin (g / orgs) % statuses; an
 * in_progress entry has no named handler (the office's clerks handle it) and the offset's deadline.
 */
export async function fillIncoming(pool: pg.Pool, n: number, s: Spread, statuses: string[], progress: Progress, seqBase = 500_000) {
  const people = await someoneOf(pool, s.orgs);
  const year = Number(s.today.slice(0, 4));
  await chunked(n, `收文 entries (${statuses.join(', ')})`, progress, (from, to) =>
    pool.query(
      `INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, sender_name, title, received_date, received_by, status,
                             mode, handler_ids, deadline, closed_at, result, closed_by)
       SELECT ($1::uuid[])[1 + g % $2], $3::int, $4::int + g, '收〔' || $3 || '〕' || ($4::int + g) || '号', 'paper', '县人民政府办公室',
              '关于压测事项的通知 ' || g, $5::date - 10, ($6::uuid[])[1 + g % $2], st,
              CASE WHEN st IN ('instructed', 'in_progress', 'closed') THEN 'act' END, '{}',
              CASE WHEN st = 'in_progress' THEN $5::date + ($7::int[])[1 + g % cardinality($7::int[])] END,
              CASE WHEN st = 'closed' THEN now() END, CASE WHEN st = 'closed' THEN '已办结' END,
              CASE WHEN st = 'closed' THEN ($6::uuid[])[1 + g % $2] END
       FROM generate_series($9::int, $10::int) g, LATERAL (SELECT ($8::text[])[1 + (g / $2) % cardinality($8::text[])] AS st) x`,
      [s.orgs, s.orgs.length, year, seqBase, s.today, people, s.offsets, statuses, from, to],
    ),
  );
}

/** `n` pending deliveries to `org`, each of its own dispatched county document (one delivery per document and org). */
export async function fillDeliveries(pool: pg.Pool, n: number, org: string, progress: Progress) {
  const county = await orgId(pool, 'XWB');
  const clerk = await userId(pool, 'county.clerk');
  const leader = await userId(pool, 'county.leader');
  await chunked(n, 'dispatched documents and their pending deliveries', progress, async (from, to) => {
    await pool.query(
      `WITH d AS (
         INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, signer_id, signer_name, written_date,
                                number_prefix, number_year, number_seq, doc_number, channel, dispatched_by, dispatched_at, copies)
         SELECT $1, '通知', '关于压测下发事项的通知 ' || g, 'dispatched', ARRAY[$2::uuid], $3, $4, '签发人', current_date - 1,
                '压测发', 2099, g + 1, '压测发〔2099〕' || (g + 1) || '号', 'online', $3, now() - make_interval(mins => g % 2880), 1
         FROM generate_series($5::int, $6::int) g RETURNING id, dispatched_at)
       INSERT INTO deliveries (org_id, sender_org_id, document_id, recipient_kind, status, sent_at)
       SELECT $2, $1, d.id, 'main', 'pending', d.dispatched_at FROM d`,
      [county, org, clerk, leader, from, to],
    );
  });
}

/** `n` outgoing drafts of `org` drafted by `drafter`: half in review (核稿), half reviewed and waiting for sign-off. */
export async function fillDrafts(pool: pg.Pool, n: number, org: string, drafter: string, progress: Progress) {
  await chunked(n, 'outgoing drafts in review', progress, (from, to) =>
    pool.query(
      `INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, submitted_at, updated_at)
       SELECT $1, '请示', '关于压测事项的请示 ' || g, CASE WHEN g % 2 = 0 THEN 'in_review' ELSE 'reviewed' END, ARRAY[$1::uuid], $2,
              now() - make_interval(mins => g), now() - make_interval(mins => g)
       FROM generate_series($3::int, $4::int) g`,
      [org, drafter, from, to],
    ),
  );
}

/** `n` petitions of `org` registered and waiting for the acceptance decision, handled by `handler`, due today + offset. */
export async function fillPetitions(pool: pg.Pool, n: number, org: string, handler: string, s: Spread, progress: Progress) {
  const year = Number(s.today.slice(0, 4));
  await chunked(n, 'petitions', progress, (from, to) =>
    pool.query(
      `INSERT INTO petitions (org_id, year, seq, received_on, channel, petitioners, subject, content, category, status, due_kind, due_on,
                              handler_user_ids, registered_by)
       SELECT $1, $2::int, 100000 + g, $3::date - 10, 'letter', '[{"name":"某某"}]'::jsonb, '压测信访事项 ' || g, '反映的问题', '其他',
              'registered', 'accept', $3::date + ($4::int[])[1 + g % cardinality($4::int[])], ARRAY[$5::uuid], $5
       FROM generate_series($6::int, $7::int) g`,
      [org, year, s.today, s.offsets, handler, from, to],
    ),
  );
}
