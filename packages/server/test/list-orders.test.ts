/**
 * The 值班日志, 信息报送, archives and audit lists at size (issue 14): every order, county-wide and
 * for one office, with each list's main filters, is served by an index (EXPLAIN of exactly the
 * query the endpoint runs: no sequential scan of the big table), and through HTTP each `sort`
 * returns its rows in its order while an unknown one is a 400 a clerk can read.
 */
import type { SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { App } from '../src/platform/app-types.ts';
import type { OrgScope } from '../src/platform/access.ts';
import { verifyAudit } from '../src/platform/audit.ts';
import { dutyLogCountQuery, dutyLogPageQuery, type LogFilter } from '../src/modules/duty/duty.repository.ts';
import { infoItemsCountQuery, infoItemsPageQuery, type ItemListFilter } from '../src/modules/information/information.repository.ts';
import { archiveItemsCountQuery, archiveItemsPageQuery, type ArchiveItemFilter } from '../src/modules/archives/archives.repository.ts';
import { auditCappedCountQuery, auditPageQuery, EXACT_COUNT_LIMIT, type AuditFilter } from '../src/modules/audit/audit.repository.ts';
import { DUTY_LOG_SORTS } from '@township-office/domain/duty';
import { INFO_ITEM_SORTS } from '@township-office/domain/information';
import { ARCHIVE_ITEM_SORTS } from '@township-office/domain/archives';
import { AUDIT_SORTS } from '@township-office/domain/audit.api';
import { as, testApp } from './helpers.ts';
import { scansOf } from './support/explain.ts';

const ROWS = 20_000;
let app: App;
let database: Database;
let office: string;

/** The townships, numbered 0..n-1, each row of a fill going to township g % n. */
const TOWNS = `SELECT id, code, (row_number() OVER (ORDER BY code) - 1)::int AS k, count(*) OVER ()::int AS n FROM orgs WHERE kind = 'township'`;

async function fill(db: Database) {
  const q = (s: string) => db.pool.query(s);
  const user = `(SELECT id FROM users ORDER BY username LIMIT 1)`;
  // 值班日志: one entry every 37 minutes from 2024, `day` the county's day of `at` as addLogEntry keeps it.
  await q(`
    WITH o AS (${TOWNS}), g AS (SELECT g, timestamptz '2024-01-01 08:00+08' + g * interval '37 minutes' AS t FROM generate_series(1, ${ROWS}) g)
    INSERT INTO duty_log_entries (org_id, day, at, kind, content, recorded_by, recorded_by_name)
    SELECT o.id, (g.t AT TIME ZONE 'Asia/Shanghai')::date, g.t, (ARRAY['phone', 'visit', 'document', 'incident', 'other'])[1 + g.g % 5],
           '值班记录 ' || g.g, ${user}, '值班员'
    FROM g JOIN o ON o.k = g.g % o.n`);
  // 信息报送: every status, reviewed ones with their review (the CHECKs).
  await q(`
    WITH o AS (${TOWNS}), g AS (SELECT g, timestamptz '2023-01-01 09:00+08' + g * interval '47 minutes' AS t FROM generate_series(1, ${ROWS}) g)
    INSERT INTO info_items (org_id, title, content, kind, status, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note)
    SELECT o.id, '信息报送 ' || g.g, '这是一条用于列表排序测试的信息内容 ' || g.g,
           (ARRAY['key_situation', 'news', 'good_practice', 'problem_suggestion', 'other'])[1 + g.g % 5],
           s.status, ${user}, g.t,
           CASE WHEN s.status IN ('adopted', 'not_adopted') THEN ${user} END,
           CASE WHEN s.status IN ('adopted', 'not_adopted') THEN g.t + interval '1 day' END,
           CASE WHEN s.status = 'not_adopted' THEN '内容不够具体' END
    FROM g JOIN o ON o.k = g.g % o.n
    CROSS JOIN LATERAL (SELECT (ARRAY['submitted', 'adopted', 'not_adopted', 'withdrawn'])[1 + (g.g / 7) % 4] AS status) s`);
  // Archives: years 1990–2014 (before the demo's own), filed by unit under a class of the fill's.
  await q(`
    INSERT INTO archive_classes (org_id, kind, code, name) SELECT id, 'unit', 'FILL', '测试机构' FROM orgs WHERE kind = 'township' ON CONFLICT DO NOTHING;
    INSERT INTO archive_year_schemes (org_id, year, class_kind)
      SELECT id, y, 'unit' FROM orgs, generate_series(1990, 2014) y WHERE kind = 'township' ON CONFLICT DO NOTHING`);
  await q(`
    WITH o AS (${TOWNS}),
    g AS (SELECT g, g / 25 AS i FROM generate_series(0, ${ROWS - 1}) g),
    x AS (
      SELECT o.id AS org_id, 'FX' || o.k AS fonds, 1990 + (g.i / o.n) % 25 AS year,
             (ARRAY['Y', 'D30', 'D10'])[1 + (g.i / o.n / 25) % 3] AS retention, (g.i / o.n / 75) + 1 + 100 * (g.g % 25) AS item_no, g.g
      FROM g JOIN o ON o.k = g.i % o.n)
    INSERT INTO archive_items (org_id, fonds_code, year, retention, class_kind, class_code, item_no, archival_code, source_kind,
                               responsible, title, doc_date, pages, components, archived_by)
    SELECT org_id, fonds, year, retention, 'unit', 'FILL', item_no,
           fonds || '-WS·' || year || '-' || retention || '-FILL-' || lpad(item_no::text, 4, '0'), 'manual',
           '党政办', '归档文件 ' || g, make_date(year, 1 + g % 12, 1 + g % 28), 1 + g % 20, '[]'::jsonb, ${user}
    FROM x`);
  // The audit trail: each township's chain continued with valid rows (the SM3 chain computed in SQL,
  // the bytes chainHash hashes), so the chain still verifies; 2,000 rows per township.
  const towns = (await q(TOWNS)).rows as { id: string; n: number }[];
  const perTown = Math.ceil(ROWS / towns.length);
  for (const t of towns) {
    await q(`INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES ('${t.id}', 0, repeat('0', 64)) ON CONFLICT DO NOTHING`);
    await q(`
      WITH RECURSIVE h AS (SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain = '${t.id}'),
      r(seq, at, prev_hash, hash) AS (
        SELECT h.last_seq + 1, a.at, h.last_hash, encode(digest(convert_to(h.last_hash || c.canonical, 'UTF8'), 'sm3'), 'hex')
        FROM h, LATERAL (SELECT date_trunc('milliseconds', now()) + (h.last_seq + 1) * interval '1 second' AS at) a,
             LATERAL (SELECT format('{"action":"fill.row","actorRole":null,"actorUserId":null,"actorUsername":"fill.clerk","after":null,"at":"%s","before":null,"chain":"%s","entity":"fill","entityId":null,"ip":null,"orgId":"%s","seq":%s}',
                                    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '${t.id}', '${t.id}', h.last_seq + 1) AS canonical) c
        UNION ALL
        SELECT r.seq + 1, a.at, r.hash, encode(digest(convert_to(r.hash || c.canonical, 'UTF8'), 'sm3'), 'hex')
        FROM r, LATERAL (SELECT r.at + interval '1 second' AS at) a,
             LATERAL (SELECT format('{"action":"fill.row","actorRole":null,"actorUserId":null,"actorUsername":"fill.clerk","after":null,"at":"%s","before":null,"chain":"%s","entity":"fill","entityId":null,"ip":null,"orgId":"%s","seq":%s}',
                                    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '${t.id}', '${t.id}', r.seq + 1) AS canonical) c
        WHERE r.seq < (SELECT last_seq FROM h) + ${perTown}),
      ins AS (
        INSERT INTO audit_log (chain, seq, at, actor_username, org_id, action, entity, prev_hash, hash)
        SELECT '${t.id}', seq, at, 'fill.clerk', '${t.id}', 'fill.row', 'fill', prev_hash, hash FROM r ORDER BY seq)
      UPDATE audit_chain_heads SET last_seq = (SELECT max(seq) FROM r), last_hash = (SELECT hash FROM r ORDER BY seq DESC LIMIT 1)
      WHERE chain = '${t.id}'`);
  }
  await q(`VACUUM ANALYZE duty_log_entries, info_items, archive_items, audit_log`);
}

beforeAll(async () => {
  ({ app, database } = await testApp());
  await fill(database);
  office = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id;
}, 120_000);

async function expectIndexed(table: string, name: string, query: SQL) {
  const s = await scansOf(database.db, query, table);
  expect(s.length, `${name}: reads ${table}`).toBeGreaterThan(0);
  expect(
    s.filter((x) => x.startsWith('Seq Scan')),
    `${name}: ${s.join(', ')}`,
  ).toEqual([]);
}

const county: OrgScope = { kind: 'all' };
const own = (): OrgScope => ({ kind: 'orgs', orgIds: [office] });
const page = { limit: 20, offset: 0 };

describe('every order, county-wide and per office, with the main filters, reads an index', () => {
  it('值班日志', async () => {
    const filters: [string, LogFilter][] = [
      ['no filter', {}],
      ['a month', { from: '2024-03-01', to: '2024-03-31' }],
      ['one kind', { kind: 'incident' }],
    ];
    for (const sort of DUTY_LOG_SORTS)
      for (const [who, scope] of [
        ['county', county],
        ['office', own()],
      ] as const)
        for (const [name, f] of filters) {
          const label = `${sort} ${who} ${name}`;
          await expectIndexed('duty_log_entries', label, dutyLogPageQuery(database.db, scope, { ...f, sort }, page).getSQL());
          // An exact total of the whole county's log, or of one kind (a fifth of it), reads that
          // many rows whatever the plan (the planner rightly reads the heap; the total is not
          // capped, unlike the audit trail's): only the page is asked to be an index walk there.
          if (who === 'office' || name === 'a month')
            await expectIndexed('duty_log_entries', `${label} count`, dutyLogCountQuery(database.db, scope, f).getSQL());
        }
    // The county office picking one township.
    await expectIndexed(
      'duty_log_entries',
      'county picks an office',
      dutyLogPageQuery(database.db, county, { orgId: office }, page).getSQL(),
    );
  });

  it('信息报送', async () => {
    const filters: [string, Partial<ItemListFilter>][] = [
      ['no filter', {}],
      ['a year', { year: 2024 }],
      ['a month of a year', { year: 2024, month: 5 }],
      ['a day range', { from: '2024-02-01', to: '2024-02-29' }],
      ['to review', { status: 'submitted' }],
    ];
    for (const sort of INFO_ITEM_SORTS)
      for (const [who, scope] of [
        ['county', county],
        ['office', own()],
      ] as const)
        for (const [name, f] of filters) {
          const q: ItemListFilter = { scope, ...f, sort, page: 1, pageSize: 20 };
          const label = `${sort} ${who} ${name}`;
          await expectIndexed('info_items', label, infoItemsPageQuery(database.db, q).getSQL());
          // The exact total of the whole county's items counts every row: by its costs the planner
          // may rightly read the heap (fresh-clone CI did, once), as for the duty log and archives.
          if (who === 'office' || name !== 'no filter')
            await expectIndexed('info_items', `${label} count`, infoItemsCountQuery(database.db, q).getSQL());
        }
  });

  it('archives', async () => {
    const filters: [string, Partial<ArchiveItemFilter>][] = [
      ['no filter', {}],
      ['a year', { year: 2005 }],
      ['a year and retention', { year: 2005, retention: 'Y' }],
    ];
    for (const sort of ARCHIVE_ITEM_SORTS)
      for (const [who, scope] of [
        ['county', county],
        ['office', own()],
      ] as const)
        for (const [name, f] of filters) {
          const q: ArchiveItemFilter = { ...f, sort, page: 1, pageSize: 50 };
          const label = `${sort} ${who} ${name}`;
          await expectIndexed('archive_items', label, archiveItemsPageQuery(database.db, scope, q).getSQL());
          // The exact total of the whole county's catalogue counts every row: the planner may
          // rightly read the heap (it did in one run of two, by its costs), so only the page is
          // asked to be an index walk there, as for the duty log's whole-county total.
          if (who === 'office' || name !== 'no filter')
            await expectIndexed('archive_items', `${label} count`, archiveItemsCountQuery(database.db, scope, q).getSQL());
        }
  });

  it('audit trail (pages and the capped count)', async () => {
    const day = new Date(Date.now() + 600_000);
    const filters: [string, Partial<AuditFilter>][] = [
      ['no filter', {}],
      ['a time range', { from: day, to: new Date(day.getTime() + 600_000) }],
      ['one entity', { entity: 'fill' }],
    ];
    for (const sort of AUDIT_SORTS)
      for (const [who, scope] of [
        ['county', {}],
        ['office', { orgId: office }],
      ] as const)
        for (const [name, f] of filters) {
          const q: AuditFilter = { ...scope, ...f, sort, page: 1, pageSize: 20 };
          const label = `${sort} ${who} ${name}`;
          await expectIndexed('audit_log', label, auditPageQuery(database.db, q).getSQL());
          await expectIndexed('audit_log', `${label} count`, auditCappedCountQuery(database.db, q).getSQL());
        }
  });
});

describe('through HTTP, each sort is its order, and an unknown sort is a readable 400', () => {
  const sorted = <T>(xs: T[], cmp: (a: T, b: T) => number) => [...xs].sort(cmp);
  const byStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('值班日志', async () => {
    for (const user of ['county.clerk', 'town01.clerk']) {
      const c = await as(app, user);
      const newest = (await c.get('/api/duty/log?pageSize=50')).json().items as { at: string }[];
      const oldest = (await c.get('/api/duty/log?pageSize=50&sort=oldest')).json().items as { at: string }[];
      expect(newest.length).toBe(50);
      expect(newest.map((e) => e.at)).toEqual(
        sorted(
          newest.map((e) => e.at),
          (a, b) => byStr(b, a),
        ),
      );
      expect(oldest.map((e) => e.at)).toEqual(
        sorted(
          oldest.map((e) => e.at),
          byStr,
        ),
      );
      expect(oldest[0]!.at < newest[0]!.at).toBe(true);
      expect((await c.get('/api/duty/log?sort=oldest&format=xlsx')).statusCode).toBe(200);
    }
  });

  it('信息报送', async () => {
    const c = await as(app, 'county.clerk');
    const newest = (await c.get('/api/info/items?pageSize=50')).json().items as { submittedAt: string }[];
    const oldest = (await c.get('/api/info/items?pageSize=50&sort=oldest')).json();
    expect(newest.map((e) => e.submittedAt)).toEqual(
      sorted(
        newest.map((e) => e.submittedAt),
        (a, b) => byStr(b, a),
      ),
    );
    const old = oldest.items as { submittedAt: string }[];
    expect(old.map((e) => e.submittedAt)).toEqual(
      sorted(
        old.map((e) => e.submittedAt),
        byStr,
      ),
    );
    // The day range is the county's calendar, inclusive of both days.
    const feb = (await c.get('/api/info/items?from=2024-02-01&to=2024-02-29&sort=oldest&pageSize=200')).json();
    const want = await database.pool.query(
      `SELECT count(*)::int AS n FROM info_items WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2024-02-01' AND '2024-02-29'`,
    );
    expect(feb.total).toBe(want.rows[0].n);
    expect(feb.items[0].submittedAt >= '2024-01-31T16:00:00.000Z').toBe(true);
    // The year as a range agrees with the year computed per row.
    const y = (await c.get('/api/info/items?year=2024&month=5')).json();
    const wantY = await database.pool.query(
      `SELECT count(*)::int AS n FROM info_items WHERE extract(year from submitted_at AT TIME ZONE 'Asia/Shanghai') = 2024
         AND extract(month from submitted_at AT TIME ZONE 'Asia/Shanghai') = 5`,
    );
    expect(y.total).toBe(wantY.rows[0].n);
  });

  it('archives', async () => {
    const c = await as(app, 'county.clerk');
    type Item = { archivalCode: string; year: number; retention: string; classCode: string; itemNo: number };
    const cat = (await c.get('/api/archives/items?pageSize=100&year=2005')).json().items as Item[];
    expect(cat.length).toBe(100);
    const key = (i: Item) => [i.retention, i.classCode, String(i.itemNo).padStart(4, '0')].join('|');
    expect(cat.map(key)).toEqual(sorted(cat.map(key), byStr));
    const code = (await c.get('/api/archives/items?pageSize=100&sort=code')).json().items as Item[];
    expect(code.map((i) => i.archivalCode)).toEqual(
      sorted(
        code.map((i) => i.archivalCode),
        byStr,
      ),
    );
  });

  it('audit trail, with the total capped', async () => {
    const c = await as(app, 'auditor');
    const newest = (await c.get('/api/audit?pageSize=50')).json();
    const oldest = (await c.get('/api/audit?pageSize=50&sort=oldest')).json();
    const ids = (p: { items: { id: number }[] }) => p.items.map((i) => i.id);
    expect(ids(newest)).toEqual(sorted(ids(newest), (a, b) => b - a));
    expect(ids(oldest)).toEqual(sorted(ids(oldest), (a, b) => a - b));
    expect(newest.totalExact).toBe(false);
    expect(newest.total).toBeGreaterThan(EXACT_COUNT_LIMIT);
    const all = Number((await database.pool.query(`SELECT count(*) FROM audit_log`)).rows[0].count);
    expect(newest.total / all).toBeGreaterThan(0.5);
    expect(newest.total / all).toBeLessThan(2);
    const few = (await c.get(`/api/audit?entity=fill&orgId=${office}&pageSize=5&sort=oldest`)).json();
    expect(few.totalExact).toBe(false);
    const small = (await c.get('/api/audit?action=audit.browse')).json();
    expect(small.totalExact).toBe(true);
    expect(small.total).toBe(
      Number((await database.pool.query(`SELECT count(*) FROM audit_log WHERE action LIKE 'audit.browse%'`)).rows[0].count) - 1,
    );
    // The filled rows continue the townships' chains: the trail still verifies.
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('refuses an unknown sort with 400, in words', async () => {
    const c = await as(app, 'county.clerk');
    for (const url of ['/api/duty/log', '/api/info/items', '/api/archives/items']) {
      const r = await c.get(`${url}?sort=bogus`, { 'accept-language': 'zh-CN' });
      expect(r.statusCode, url).toBe(400);
      const message = r.json().error.message as string;
      expect(message, url).toContain('“sort”');
      expect(message, url).not.toMatch(/Invalid|enum|bogus/);
    }
    const a = await (await as(app, 'auditor')).get('/api/audit?sort=bogus', { 'accept-language': 'zh-CN' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.message).toContain('“sort”');
  });
});
