/**
 * A year of records for every township, in every register the assessment's metrics read, generated
 * in SQL (INSERT … SELECT generate_series) for `bench/assessment.bench.ts`. Per township, at scale 1
 * (env BENCH_REGISTER_SCALE, default 1 = full; 0.05 for a quick try):
 * - 300 county documents delivered to it (签收: 85 % within 24 hours, 10 % later, 5 % pending) and
 *   each acknowledged one registered as 收文 (one in four to be handled by a deadline in the year,
 *   80 % of those closed by it);
 * - 40 outgoing documents of its own sent to the county office (70 % online);
 * - 120 information items (25 % adopted, with 1–2 adoptions each; 10 % refused; 5 % withdrawn; one
 *   in ten a long piece);
 * - 90 % of its closed 收文 archived, half of them before the deadline;
 * - 20 petitions (80 % closed, some after their handling period);
 * - 12 office meetings with 30 follow-ups (督办; 75 % closed), and the county's two exchange meetings
 *   attended by nine townships in ten;
 * - the duty log: one entry a day with one day in 20 missing.
 * Staff, filings, training, rotations, rooms, rules and posts come from the dashboard bench's `fill`.
 * Triggers (the search index's dirty marks, the audit of nothing) are off on the loading connection
 * (session_replication_role = replica); the rows are generated consistent with the constraints.
 */
import type pg from 'pg';

type Progress = (m: string) => void;

export function registerScale(): number {
  const v = Number(process.env.BENCH_REGISTER_SCALE ?? '1');
  if (!Number.isFinite(v) || v <= 0 || v > 1)
    throw new Error(`BENCH_REGISTER_SCALE must be in (0, 1], not ${process.env.BENCH_REGISTER_SCALE}`);
  return v;
}

const per = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

export async function fillRegisters(pool: pg.Pool, year: number, scale: number, progress: Progress): Promise<Record<string, number>> {
  const c = await pool.connect();
  try {
    await c.query(`SET session_replication_role = replica`);
    const q = (text: string, values: unknown[] = []) => c.query(text, values);
    const one = async (text: string, values: unknown[] = []) => (await q(text, values)).rows[0];
    const towns: string[] = (await q(`SELECT id FROM orgs WHERE kind = 'township' ORDER BY sort_order, id`)).rows.map((r) => r.id);
    const county: string = (await one(`SELECT id FROM orgs WHERE kind = 'county_office'`)).id;
    const clerk: string = (await one(`SELECT id FROM users WHERE username = 'county.clerk'`)).id;
    const n = towns.length;
    // Days of the year up to yesterday (China time): records fall on day 0 … days − 1.
    const days: number = Number(
      (await one(`SELECT greatest(1, ((now() AT TIME ZONE 'Asia/Shanghai')::date - make_date($1, 1, 1)))::int AS d`, [year])).d,
    );
    const day0 = `${year}-01-01`;
    await q(`CREATE TEMP TABLE bt AS SELECT id, (row_number() OVER (ORDER BY sort_order, id))::int AS n FROM orgs WHERE kind = 'township'`);
    await q(`CREATE INDEX ON bt (n)`);

    // County documents, each delivered to every township.
    const countyDocs = per(300, scale);
    progress(`county documents: ${countyDocs}`);
    await q(
      `INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, signer_id, signer_name, written_date,
                              number_prefix, number_year, number_seq, doc_number, channel, dispatched_by, dispatched_at, copies, drafted_at)
       SELECT $1, '通知', '关于做好基准工作的通知（第' || g || '号）', 'dispatched', $2::uuid[], $3, $3, '县委办主任', $4::date + (g * 7 % $5),
              '基准县办发', $6::int, g, '基准县办发〔' || $6::int || '〕' || g || '号', 'online', $3,
              ($4::date + (g * 7 % $5))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours', 1,
              ($4::date + (g * 7 % $5))::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM generate_series(1, $7::int) g`,
      [county, towns, clerk, day0, days, year, countyDocs],
    );
    const docIds: string[] = (
      await q(`SELECT id FROM documents WHERE org_id = $1 AND number_prefix = '基准县办发' ORDER BY number_seq`, [county])
    ).rows.map((r) => r.id);
    const step = Math.max(1, Math.floor(100_000 / n));
    for (let i = 0; i < docIds.length; i += step) {
      progress(`deliveries: ${(i * n).toLocaleString('en')} / ${(docIds.length * n).toLocaleString('en')}`);
      // h: a hash of (document, township) picking the acknowledgement: 85 % within 24 h, 10 % later, 5 % pending.
      await q(
        `INSERT INTO deliveries (org_id, sender_org_id, document_id, recipient_kind, status, created_at, sent_at, acknowledged_at, acknowledged_by)
         SELECT t.id, $1, d.id, 'main', CASE WHEN h < 95 THEN 'acknowledged' ELSE 'pending' END, d.dispatched_at, d.dispatched_at,
                CASE WHEN h < 85 THEN d.dispatched_at + (h % 20) * interval '1 hour'
                     WHEN h < 95 THEN d.dispatched_at + interval '30 hours' + (h % 48) * interval '1 hour' END,
                CASE WHEN h < 95 THEN $2::uuid END
         FROM documents d CROSS JOIN bt t, LATERAL (SELECT abs(hashtext(d.id::text || t.n)) % 100 AS h) x
         WHERE d.id = ANY ($3::uuid[])`,
        [county, clerk, docIds.slice(i, i + step)],
      );
    }
    progress('收文 from the acknowledged deliveries');
    await q(
      `INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, delivery_id, document_id, sender_org_id, sender_name, doc_number,
                             title, doc_type, received_date, received_by, received_at, status, mode, deadline, closed_at, closed_by, result)
       SELECT org_id, $1::int, s, '收〔' || $1::int || '〕' || s || '号', 'online', id, document_id, $2, '县委办', doc_number, title, '通知',
              (acknowledged_at AT TIME ZONE 'Asia/Shanghai')::date, $3, acknowledged_at,
              CASE WHEN s % 4 = 0 AND s % 20 = 0 THEN 'in_progress' ELSE 'closed' END,
              CASE WHEN s % 4 = 0 THEN 'act' ELSE 'read' END,
              CASE WHEN s % 4 = 0 THEN (acknowledged_at AT TIME ZONE 'Asia/Shanghai')::date + 10 END,
              CASE WHEN s % 4 = 0 AND s % 20 = 0 THEN NULL
                   WHEN s % 4 = 0 AND s % 5 = 0 THEN acknowledged_at + interval '14 days'
                   ELSE acknowledged_at + interval '3 days' END,
              CASE WHEN NOT (s % 4 = 0 AND s % 20 = 0) THEN $3::uuid END,
              CASE WHEN NOT (s % 4 = 0 AND s % 20 = 0) THEN '已办结' END
       FROM (SELECT dl.*, d.doc_number, d.title, (row_number() OVER (PARTITION BY dl.org_id ORDER BY dl.acknowledged_at, dl.id))::int AS s
             FROM deliveries dl JOIN documents d ON d.id = dl.document_id
             WHERE dl.status = 'acknowledged' AND d.number_prefix = '基准县办发') x`,
      [year, county, clerk],
    );
    await q(`INSERT INTO incoming_serial_counters (org_id, year, last_seq)
      SELECT org_id, serial_year, max(serial_seq) FROM incoming GROUP BY 1, 2
      ON CONFLICT (org_id, year) DO UPDATE SET last_seq = EXCLUDED.last_seq`);

    // Each township's own outgoing documents to the county office.
    const ownDocs = per(40, scale);
    progress(`outgoing documents: ${(ownDocs * n).toLocaleString('en')}`);
    await q(
      `INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, signer_id, signer_name, written_date,
                              number_prefix, number_year, number_seq, doc_number, channel, dispatched_by, dispatched_at, copies, drafted_at)
       SELECT t.id, '报告', '关于基准工作情况的报告（' || k || '）', 'dispatched', ARRAY[$1::uuid], $2, $2, '党政办主任', $3::date + (k * 11 % $4),
              '基准' || t.n || '报', $5::int, k, '基准' || t.n || '报〔' || $5::int || '〕' || k || '号',
              CASE WHEN abs(hashtext(t.id::text || k)) % 10 < 7 THEN 'online' ELSE 'paper' END, $2,
              ($3::date + (k * 11 % $4))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', 1,
              ($3::date + (k * 11 % $4))::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM bt t, generate_series(1, $6::int) k`,
      [county, clerk, day0, days, year, ownDocs],
    );

    // Information items and their adoptions.
    const items = per(120, scale);
    progress(`information items: ${(items * n).toLocaleString('en')}`);
    await q(
      `INSERT INTO info_items (org_id, title, content, kind, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note)
       SELECT t.id, '基准信息' || k, CASE WHEN k % 10 = 0 THEN repeat('基层工作动态与经验做法。', 140) ELSE repeat('基层工作动态。', 12) END,
              'news', st, $1, ts, CASE WHEN st IN ('adopted', 'not_adopted') THEN $1::uuid END,
              CASE WHEN st IN ('adopted', 'not_adopted') THEN ts + interval '2 days' END,
              CASE WHEN st = 'not_adopted' THEN '内容重复' END
       FROM bt t, generate_series(1, $2::int) k,
            LATERAL (SELECT CASE WHEN h < 25 THEN 'adopted' WHEN h < 35 THEN 'not_adopted' WHEN h < 40 THEN 'withdrawn' ELSE 'submitted' END AS st,
                            ($3::date + (k * 13 % $4))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '15 hours' AS ts
                     FROM (SELECT abs(hashtext(t.id::text || '-' || k)) % 100 AS h) hh) x`,
      [clerk, items, day0, days],
    );
    progress('information adoptions');
    await q(
      `INSERT INTO info_adoptions (org_id, item_id, level, points, adopted_by, adopted_at)
       SELECT i.org_id, i.id, l.level, l.points, $1, i.reviewed_at
       FROM info_items i, LATERAL (VALUES ('county_bulletin', 2, true), ('city_bulletin', 5, abs(hashtext(i.id::text)) % 5 = 0)) l(level, points, keep)
       WHERE i.status = 'adopted' AND l.keep`,
      [clerk],
    );

    // Archives: 90 % of each township's closed 收文, half before the deadline (30 June next year).
    progress('archive items');
    await q(`INSERT INTO archive_classes (org_id, kind, code, name) SELECT id, 'unit', 'BGS', '办公室' FROM bt ON CONFLICT DO NOTHING`);
    await q(`INSERT INTO archive_year_schemes (org_id, year, class_kind) SELECT id, $1, 'unit' FROM bt ON CONFLICT DO NOTHING`, [year]);
    await q(
      `INSERT INTO archive_items (org_id, fonds_code, year, retention, class_kind, class_code, item_no, archival_code, source_kind, source_id,
                                  doc_number, responsible, title, doc_date, pages, components, archived_by, archived_at)
       SELECT org_id, fonds, $1::int, 'D10', 'unit', 'BGS', no, fonds || '-WS·' || $1::int || '-D10-BGS-' || lpad(no::text, 4, '0'), 'incoming', id,
              doc_number, '县委办', title, received_date, 2, '[]', $2,
              CASE WHEN no % 2 = 0 THEN closed_at + interval '5 days' ELSE make_timestamptz($1::int + 1, 8, 1, 9, 0, 0, 'Asia/Shanghai') END
       FROM (SELECT i.*, 'JZ' || t.n AS fonds, (row_number() OVER (PARTITION BY i.org_id ORDER BY i.serial_seq))::int AS no
             FROM incoming i JOIN bt t ON t.id = i.org_id
             WHERE i.serial_year = $1::int AND i.status = 'closed' AND i.serial_seq % 10 <> 0) x
       WHERE no <= 9999`,
      [year, clerk],
    );

    // Petitions: accepted five days after receipt; 80 % closed, one in eight of those late.
    const pets = per(20, scale);
    progress(`petitions: ${(pets * n).toLocaleString('en')}`);
    await q(
      `INSERT INTO petitions (org_id, year, seq, received_on, channel, petitioners, subject, content, category, status, due_kind, due_on,
                              handler_user_ids, registered_by, decided_on, closed_on, result)
       SELECT t.id, $1, k, r, 'visit', '[{"name":"来访人"}]', '基准信访事项' || k, '反映基层问题。', '其他',
              CASE WHEN closed THEN 'closed' ELSE 'accepted' END,
              CASE WHEN closed THEN NULL ELSE 'handle' END, CASE WHEN closed THEN NULL ELSE r + 65 END,
              ARRAY[$2::uuid], $2, r + 5,
              CASE WHEN closed THEN r + 5 + CASE WHEN k % 8 = 0 THEN 75 ELSE 30 END END,
              CASE WHEN closed THEN '已答复' END
       FROM bt t, generate_series(1, $3::int) k,
            LATERAL (SELECT $4::date + (k * 17 % greatest(1, $5 - 80)) AS r, abs(hashtext(t.id::text || k)) % 10 < 8 AS closed) x`,
      [year, clerk, pets, day0, days],
    );

    // Office meetings with their follow-ups; the county's exchange meetings.
    const meetings = per(12, scale);
    const follow = per(30, scale);
    progress(`meetings: ${(meetings * n).toLocaleString('en')}, follow-ups: ${(follow * n).toLocaleString('en')}`);
    await q(
      `INSERT INTO meetings (org_id, kind, title, starts_at, place, host_user_id, host_name, recorder_user_id, recorder_name, status,
                             finalised_at, confirmed_at, created_by)
       SELECT t.id, 'executive', '基准办公会' || k, ($2::date + (k * 29 % $3))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours',
              '会议室', $1, '主持人', $1, '记录人', 'confirmed', now(), now(), $1
       FROM bt t, generate_series(1, $4::int) k`,
      [clerk, day0, days, meetings],
    );
    await q(
      `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, status, result, closed_on,
                               closed_by, created_by)
       SELECT m.org_id, m.id, f, 0, '督办事项' || f, '责任人', dl, CASE WHEN closed THEN 'closed' ELSE 'open' END,
              CASE WHEN closed THEN '已办结' END, CASE WHEN closed THEN dl + CASE WHEN f % 7 = 0 THEN 5 ELSE -3 END END,
              CASE WHEN closed THEN $1::uuid END, $1
       FROM meetings m, generate_series(0, $2::int - 1) f,
            LATERAL (SELECT least((m.starts_at AT TIME ZONE 'Asia/Shanghai')::date + 20 + f, $3::date + $4::int - 1) AS dl,
                            abs(hashtext(m.id::text || f)) % 4 <> 0 AS closed) x
       WHERE m.kind = 'executive' AND m.title LIKE '基准办公会%'`,
      [clerk, Math.ceil(follow / meetings), day0, days],
    );
    await q(
      `INSERT INTO meetings (org_id, kind, title, starts_at, place, host_user_id, host_name, recorder_user_id, recorder_name, status,
                             finalised_at, confirmed_at, created_by, attending_org_ids)
       SELECT $1, 'exchange', '全县办公室业务交流会（' || k || '）', ($3::date + k * ($4::int / 3))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours',
              '县委会议室', $2, '主持人', $2, '记录人', 'confirmed', now(), now(), $2,
              ARRAY(SELECT id FROM bt WHERE (n + k) % 10 <> 0 ORDER BY n)
       FROM generate_series(1, 2) k`,
      [county, clerk, day0, days],
    );

    // Duty log: one entry a day, one day in 20 missing.
    progress('duty log');
    await q(
      `INSERT INTO duty_log_entries (org_id, day, at, kind, content, recorded_by, recorded_by_name)
       SELECT t.id, d::date, d + interval '9 hours', 'phone', '值班电话登记', $1, '值班员'
       FROM bt t, generate_series(make_date($2, 1, 1), (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '1 day') d
       WHERE (abs(hashtext(t.id::text || d::text)) % 20) <> 0`,
      [clerk, year],
    );
    await q(`DROP TABLE bt`);
    await q(`RESET session_replication_role`);
    progress('ANALYZE');
    await q('ANALYZE');
    const counts: Record<string, number> = {};
    for (const t of [
      'documents',
      'deliveries',
      'incoming',
      'info_items',
      'info_adoptions',
      'archive_items',
      'petitions',
      'meetings',
      'follow_ups',
      'duty_log_entries',
    ])
      counts[t] = Number((await one(`SELECT count(*)::int AS n FROM ${t}`)).n);
    return counts;
  } finally {
    c.release();
  }
}
