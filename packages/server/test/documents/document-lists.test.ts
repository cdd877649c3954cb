/**
 * The outgoing lists at size (issue 14): the documents list, the 发文登记本 and the inbox are served
 * by an index for every sort, county-wide and per office, with and without their usual filters
 * (EXPLAIN: no sequential scan of `documents` or `deliveries`), and over HTTP each sort returns the
 * rows in its order, a filter keeps only its rows, and an unknown sort is refused in words.
 */
import type { SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import {
  documentListCountSql,
  documentListPageSql,
  inboxCountSql,
  inboxPageSql,
  inboxPendingSql,
  type DocumentListFilter,
  type InboxFilter,
} from '../../src/modules/documents/documents.pages.ts';
import {
  outgoingRegisterCountSql,
  outgoingRegisterPageSql,
  type OutgoingRegisterFilter,
} from '../../src/modules/documents/registers.repository.ts';
import { DOCUMENT_SORTS, INBOX_SORTS, OUTGOING_REGISTER_SORTS } from '@township-office/domain/documents';
import { as, testApp } from '../helpers.ts';
import { scansOf } from '../support/explain.ts';

const DOCUMENTS = 24_000;
let app: App;
let database: Database;
let office: string;

/**
 * DOCUMENTS documents over every org and eight years (a quarter each draft, in review, numbered,
 * dispatched; the numbered and dispatched ones with a 发文字号 unique per org prefix and year), and
 * two deliveries of each, to the next two orgs (a tenth pending, some returned or withdrawn).
 */
async function fill(pool: Database['pool']) {
  const orgs = (await pool.query(`SELECT id FROM orgs ORDER BY sort_order, id`)).rows.map((r) => r.id as string);
  const clerk = (await pool.query(`SELECT id FROM users WHERE username = 'county.clerk'`)).rows[0].id as string;
  await pool.query(
    `INSERT INTO documents (org_id, doc_type, title, status, main_recipient_org_ids, drafter_id, drafted_at, signer_id, signer_name,
                            written_date, number_prefix, number_year, number_seq, doc_number, channel)
     SELECT o.orgs[1 + g % o.n], (ARRAY['通知','意见','报告','函'])[1 + g % 4 / 1], '关于第' || g || '号事项的通知',
            (ARRAY['draft','in_review','numbered','dispatched'])[1 + (g / 7) % 4], ARRAY[o.orgs[1 + (g + 1) % o.n]], $2,
            t, CASE WHEN k.numbered THEN $2::uuid END, CASE WHEN k.numbered THEN '县长' END,
            CASE WHEN k.numbered THEN (t AT TIME ZONE 'Asia/Shanghai')::date END,
            CASE WHEN k.numbered THEN 'P' || (g % o.n) END, CASE WHEN k.numbered THEN extract(year FROM t AT TIME ZONE 'Asia/Shanghai')::int END,
            CASE WHEN k.numbered THEN g + 1 END,
            CASE WHEN k.numbered THEN 'P' || (g % o.n) || '〔' || extract(year FROM t AT TIME ZONE 'Asia/Shanghai') || '〕' || (g + 1) || '号' END,
            CASE WHEN (g / 7) % 4 = 3 THEN 'paper' END
     FROM (SELECT $3::uuid[] AS orgs, cardinality($3::uuid[]) AS n) o, generate_series(0, $1::int - 1) g,
          LATERAL (SELECT timestamptz '2017-01-01 08:00+08' + g * interval '173 minutes' AS t, (g / 7) % 4 >= 2 AS numbered) k`,
    [DOCUMENTS, clerk, orgs],
  );
  await pool.query(
    `INSERT INTO deliveries (org_id, sender_org_id, document_id, recipient_kind, status, created_at, sent_at, acknowledged_at, return_reason)
     SELECT o.orgs[1 + (array_position(o.orgs, d.org_id) + r.k) % o.n], d.org_id, d.id, CASE WHEN r.k = 0 THEN 'main' ELSE 'copy' END,
            s.status, d.drafted_at + interval '1 day', d.drafted_at + interval '1 day',
            CASE WHEN s.status = 'acknowledged' THEN d.drafted_at + interval '2 days' END, CASE WHEN s.status = 'returned' THEN '附件缺失' END
     FROM (SELECT $1::uuid[] AS orgs, cardinality($1::uuid[]) AS n) o,
          (SELECT d.*, row_number() OVER (ORDER BY d.drafted_at) AS g FROM documents d WHERE d.title LIKE '关于第%号事项的通知') d,
          (VALUES (0), (1)) r(k),
          LATERAL (SELECT CASE (d.g * 2 + r.k) % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'returned' WHEN 2 THEN 'withdrawn' ELSE 'acknowledged' END AS status) s
     ON CONFLICT (document_id, org_id) DO NOTHING`,
    [orgs],
  );
  await pool.query(`VACUUM ANALYZE documents`);
  await pool.query(`VACUUM ANALYZE deliveries`);
}

beforeAll(async () => {
  ({ app, database } = await testApp());
  await fill(database.pool);
  office = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id;
}, 120_000);

async function expectIndexed(label: string, query: SQL, tables: string[]) {
  for (const table of tables) {
    const s = await scansOf(database.db, query, table);
    expect(
      s.filter((x) => x.startsWith('Seq Scan')),
      `${label} (${table}): ${s.join(', ')}`,
    ).toEqual([]);
  }
  // The query does read the table under test, so an empty list above means something.
  expect((await scansOf(database.db, query, tables[0]!)).length, label).toBeGreaterThan(0);
}

describe('outgoing lists: every order, scope and filter reads an index', () => {
  it('has rows enough for the planner to mean it', async () => {
    const n = await database.pool.query(`SELECT (SELECT count(*) FROM documents)::int AS d, (SELECT count(*) FROM deliveries)::int AS v`);
    expect(n.rows[0].d).toBeGreaterThanOrEqual(20_000);
    expect(n.rows[0].v).toBeGreaterThanOrEqual(20_000);
  });

  it('the documents list: page and capped count', async () => {
    const filters: Omit<DocumentListFilter, 'orgIds'>[] = [
      {},
      { status: 'in_review' },
      { year: 2021 },
      { from: '2020-03-01', to: '2020-06-30' },
    ];
    for (const sort of DOCUMENT_SORTS)
      for (const orgIds of [null, [office]])
        for (const filter of filters) {
          const f = { ...filter, orgIds, sort };
          const label = `documents ${JSON.stringify({ ...f, orgIds: orgIds && 'office' })}`;
          await expectIndexed(`${label} page`, documentListPageSql(f, 20, 0), ['documents']);
          await expectIndexed(`${label} count`, documentListCountSql(f), ['documents']);
        }
  });

  it('the 发文登记本: page and capped count', async () => {
    const filters: Omit<OutgoingRegisterFilter, 'orgIds'>[] = [
      {},
      { year: 2021 },
      { from: '2020-03-01', to: '2020-06-30' },
      { docType: '通知' },
    ];
    for (const sort of OUTGOING_REGISTER_SORTS)
      for (const orgIds of [null, [office]])
        for (const filter of filters) {
          const f = { ...filter, orgIds, sort };
          const label = `register ${JSON.stringify({ ...f, orgIds: orgIds && 'office' })}`;
          await expectIndexed(`${label} page`, outgoingRegisterPageSql(f, 20, 0), ['documents']);
          await expectIndexed(`${label} count`, outgoingRegisterCountSql(f), ['documents']);
        }
  });

  it('the inbox (always one office’s): page, capped count and the pending count', async () => {
    const filters: Omit<InboxFilter, 'orgId'>[] = [
      {},
      { status: 'pending' },
      { status: 'acknowledged' },
      { year: 2021 },
      { from: '2020-03-01', to: '2020-06-30' },
    ];
    for (const sort of INBOX_SORTS)
      for (const filter of filters) {
        const f = { ...filter, orgId: office, sort };
        const label = `inbox ${JSON.stringify({ ...filter, sort })}`;
        await expectIndexed(`${label} page`, inboxPageSql(f, 20, 0), ['deliveries', 'documents']);
        await expectIndexed(`${label} count`, inboxCountSql(f), ['deliveries']);
      }
    await expectIndexed('inbox pending', inboxPendingSql(office), ['deliveries']);
  });
});

describe('outgoing lists over HTTP', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  const rows = async (q: string, params: unknown[] = []) => (await database.pool.query(q, params)).rows.map((r) => r.id as string);

  it('the documents list: each sort in its order, the office and date filters, the total flagged', async () => {
    const county = await as(app, 'county.clerk');
    const ORDER = { drafted: 'drafted_at DESC, id DESC', draftedAsc: 'drafted_at, id' };
    for (const sort of DOCUMENT_SORTS) {
      const res = await county.get(`/api/documents?sort=${sort}&pageSize=50&page=3`);
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res.json()), sort).toEqual(await rows(`SELECT id FROM documents ORDER BY ${ORDER[sort]} LIMIT 50 OFFSET 100`));
      expect(res.json().totalExact).toBe(false);
      expect(res.json().total).toBeGreaterThan(1000);
    }
    // The default is today's order.
    expect(ids((await county.get('/api/documents?pageSize=30')).json())).toEqual(
      await rows(`SELECT id FROM documents ORDER BY ${ORDER.drafted} LIMIT 30`),
    );
    const res = await county.get(`/api/documents?orgId=${office}&year=2021&status=numbered&sort=draftedAsc&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const want = await rows(
      `SELECT id FROM documents WHERE org_id = $1 AND status = 'numbered'
         AND (drafted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2021-01-01' AND '2021-12-31' ORDER BY drafted_at, id`,
      [office],
    );
    expect(want.length).toBeGreaterThan(0);
    expect(ids(res.json())).toEqual(want.slice(0, 200));
    expect(res.json()).toMatchObject({ total: want.length, totalExact: true });
    const days = await county.get(`/api/documents?from=2020-03-01&to=2020-03-31&pageSize=200`);
    const dates = (days.json().items as { draftedAt: string }[]).map((i) => new Date(new Date(i.draftedAt).getTime() + 8 * 3600_000));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d.toISOString().slice(0, 7) === '2020-03')).toBe(true);
    // A township asking for another office's documents sees none.
    const town = await as(app, 'town01.clerk');
    const other = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id as string;
    expect((await town.get(`/api/documents?orgId=${other}`)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('the 发文登记本: by 成文日期 both ways and by 发文字号', async () => {
    const county = await as(app, 'county.clerk');
    const ORDER = {
      written: 'written_date DESC, number_prefix, number_seq DESC',
      writtenAsc: 'written_date, number_prefix DESC, number_seq',
      number: 'number_year DESC, number_prefix, number_seq DESC',
    };
    for (const sort of OUTGOING_REGISTER_SORTS) {
      for (const scope of [
        { q: '', sql: 'true', params: [] },
        { q: `&orgId=${office}`, sql: 'org_id = $1', params: [office] },
      ]) {
        const res = await county.get(`/api/registers/outgoing?sort=${sort}&pageSize=40&page=2${scope.q}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(ids(res.json()), sort).toEqual(
          await rows(
            `SELECT id FROM documents WHERE doc_number IS NOT NULL AND ${scope.sql} ORDER BY ${ORDER[sort]} LIMIT 40 OFFSET 40`,
            scope.params,
          ),
        );
      }
    }
    const y = await county.get(`/api/registers/outgoing?sort=number&year=2019&orgId=${office}&pageSize=200`);
    const want = await rows(
      `SELECT id FROM documents WHERE doc_number IS NOT NULL AND number_year = 2019 AND org_id = $1 ORDER BY ${ORDER.number}`,
      [office],
    );
    expect(ids(y.json())).toEqual(want.slice(0, 200));
    expect(y.json()).toMatchObject({ total: want.length, totalExact: true });
  });

  it('the inbox: both orders, the status and date filters, pending always exact', async () => {
    const town = await as(app, 'town01.clerk');
    const ORDER = { delivered: 'created_at DESC, id DESC', deliveredAsc: 'created_at, id' };
    for (const sort of INBOX_SORTS) {
      const res = await town.get(`/api/inbox?sort=${sort}&pageSize=30&page=2`);
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res.json()), sort).toEqual(
        await rows(`SELECT id FROM deliveries WHERE org_id = $1 ORDER BY ${ORDER[sort]} LIMIT 30 OFFSET 30`, [office]),
      );
      const pending = await database.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE org_id = $1 AND status = 'pending'`, [
        office,
      ]);
      expect(res.json().pending).toBe(pending.rows[0].n);
    }
    const f = await town.get(`/api/inbox?status=returned&from=2019-01-01&to=2019-12-31&sort=deliveredAsc&pageSize=200`);
    expect(f.statusCode, f.body).toBe(200);
    const want = await rows(
      `SELECT id FROM deliveries WHERE org_id = $1 AND status = 'returned'
         AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2019-01-01' AND '2019-12-31' ORDER BY created_at, id`,
      [office],
    );
    expect(want.length).toBeGreaterThan(0);
    expect(ids(f.json())).toEqual(want.slice(0, 200));
    expect(f.json()).toMatchObject({ total: want.length, totalExact: true });
  });

  it('refuses an unknown sort with a 400 a clerk can read, in Chinese and in English', async () => {
    const county = await as(app, 'county.clerk');
    for (const url of ['/api/documents?sort=bogus', '/api/registers/outgoing?sort=bogus', '/api/inbox?sort=bogus']) {
      const zh = await county.get(url, { 'accept-language': 'zh-CN' });
      expect(zh.statusCode, url).toBe(400);
      const message = zh.json().error.message as string;
      expect(message, url).toMatch(/[\u4e00-\u9fff]/);
      expect(message, url).toContain('sort');
      expect(message, url).not.toMatch(/Invalid|expected|enum/i);
      const en = await county.get(url, { 'accept-language': 'en' });
      expect(en.statusCode, url).toBe(400);
      expect(en.json().error.message, url).toContain('sort');
    }
  });
});
