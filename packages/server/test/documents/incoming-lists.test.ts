/**
 * The 收文 lists at size (issue 14): every hot query is served by an index (EXPLAIN: no sequential
 * scan of `incoming`), the pages and totals agree with the plainest SQL over the same rows, and
 * concurrent creates in one office keep the 收文编号 gap-free and unique and the audit chain whole.
 */
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import { verifyAudit } from '../../src/platform/audit.ts';
import {
  EXACT_COUNT_LIMIT,
  cappedCountSql,
  incomingPage,
  indexKeys,
  indexedKeywordPageSql,
  plainPageSql,
  walkedKeywordPageSql,
  type IncomingFilter,
} from '../../src/modules/documents/incoming.pages.ts';
import { fillIncoming } from '../../../../bench/registers.fill.ts';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.ts';
import { actorOf } from '../../src/modules/accounts/auth.service.ts';
import { registerPaper } from '../../src/modules/documents/incoming.service.ts';
import { incomingPaperSchema } from '@township-office/domain/documents';
import { systemContext } from '../../src/platform/context.ts';
import { as, testApp } from '../helpers.ts';
import { scansOf } from '../support/explain.ts';

const ROWS = 40_000;
let app: App;
let database: Database;
let office: string;

beforeAll(async () => {
  ({ app, database } = await testApp());
  await fillIncoming(database.pool, ROWS);
  office = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id;
});

const scans = (q: SQL) => scansOf(database.db, q, 'incoming');

const cols = sql`i.id`;

describe('收文 lists: every hot query reads an index', () => {
  const cases = (): [string, IncomingFilter][] => [
    ['county, received order', { orgIds: null }],
    ['office, received order', { orgIds: [office] }],
    ['county, register order', { orgIds: null, sort: 'serial' }],
    ['office, register order', { orgIds: [office], sort: 'serial' }],
    ['county, register of one year', { orgIds: null, sort: 'serial', year: 2024 }],
    ['office, one status', { orgIds: [office], status: 'received' }],
    ['county, one status', { orgIds: null, status: 'in_progress' }],
  ];

  it('pages and capped counts without a keyword', async () => {
    for (const [name, f] of cases()) {
      for (const q of [plainPageSql(cols, f, 20, 0), cappedCountSql(f)]) {
        const s = await scans(q);
        expect(s.length, name).toBeGreaterThan(0);
        expect(
          s.filter((x) => x.startsWith('Seq Scan')),
          `${name}: ${s.join(', ')}`,
        ).toEqual([]);
      }
    }
  });

  it('keyword pages of two and more characters, both ways', async () => {
    for (const q of ['防汛', '森林防火', '县财发']) {
      for (const orgIds of [null, [office]]) {
        const f = { orgIds, q };
        for (const query of [walkedKeywordPageSql(cols, f, 20, 0), indexedKeywordPageSql(cols, f, 20, 0), cappedCountSql(f)]) {
          const s = await scans(query);
          expect(
            s.filter((x) => x.startsWith('Seq Scan')),
            `${q}: ${s.join(', ')}`,
          ).toEqual([]);
        }
        // The index path does read the bigram index.
        expect(await scans(indexedKeywordPageSql(cols, f, 20, 0))).toContain('Bitmap Index Scan incoming_keyword_idx');
      }
    }
  });
});

describe('收文 lists: the pages are the plain query’s pages', () => {
  const ORDER = { received: 'received_date DESC, serial_seq DESC, id DESC', serial: 'serial_year DESC, org_id, serial_seq DESC' };
  async function naive(f: IncomingFilter, limit: number, offset: number) {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (f.orgIds) where.push(`org_id = ANY($${params.push(f.orgIds)}::uuid[])`);
    if (f.year) where.push(`serial_year = $${params.push(f.year)}`);
    if (f.status) where.push(`status = $${params.push(f.status)}`);
    // A substring test, independent of the LIKE escaping under test: % and _ are plain characters.
    if (f.q) where.push(`strpos(lower(title || ' ' || coalesce(doc_number, '') || ' ' || sender_name), lower($${params.push(f.q)})) > 0`);
    const w = where.join(' AND ');
    const ids = await database.pool.query(
      `SELECT id FROM incoming WHERE ${w} ORDER BY ${ORDER[f.sort ?? 'received']} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const n = await database.pool.query(`SELECT count(*)::int AS n FROM incoming WHERE ${w}`, params);
    return { ids: ids.rows.map((r) => r.id as string), total: n.rows[0].n as number };
  }

  it('for every sort, scope, filter and keyword, on page 1 and further on', async () => {
    const filters: IncomingFilter[] = [
      { orgIds: null },
      { orgIds: [office] },
      { orgIds: null, sort: 'serial' },
      { orgIds: [office], sort: 'serial', year: 2021 },
      { orgIds: [office], status: 'received' },
      { orgIds: [], q: '防汛' },
      { orgIds: null, q: '防汛' },
      { orgIds: [office], q: '防汛', sort: 'serial' },
      { orgIds: null, q: '森林防火' },
      { orgIds: null, q: '汛' },
      { orgIds: null, q: '发〔2019〕12号' },
      { orgIds: [office], q: '没有这个词' },
      { orgIds: null, q: '100%_' },
    ];
    for (const f of filters) {
      for (const [limit, offset] of [
        [20, 0],
        [20, 40],
        [50, 950],
      ] as const) {
        const got = await incomingPage<{ id: string }>(database.db, cols, f, limit, offset);
        const want = await naive(f, limit, offset);
        const label = `${JSON.stringify(f)} ${limit}@${offset}`;
        expect(
          got.rows.map((r) => r.id),
          label,
        ).toEqual(want.ids);
        if (got.totalExact) expect(got.total, label).toBe(want.total);
        else {
          // Estimated only beyond the threshold, never below what the pager has shown, and within a
          // factor of three of the truth (a keyword's is its density among the newest entries).
          expect(want.total, label).toBeGreaterThan(EXACT_COUNT_LIMIT);
          expect(got.total, label).toBeGreaterThan(offset + got.rows.length);
          expect(got.total / want.total, label).toBeGreaterThan(1 / 3);
          expect(got.total / want.total, label).toBeLessThan(3);
        }
      }
    }
  });

  it('with statistics, a long keyword asks the index for its three rarest bigrams only, and the pages stay the plain query’s', async () => {
    await database.pool.query('ANALYZE incoming');
    const q = '县财发〔2019〕12号';
    const keys = await indexKeys(database.db, q);
    expect(keys).toHaveLength(3);
    // 〔2 and 20 are in every generated 来文字号: never among the rarest.
    expect(keys).not.toContain('〔2');
    expect(keys).not.toContain('20');
    for (const orgIds of [null, [office]]) {
      const f = { orgIds, q, keys };
      expect(await scans(indexedKeywordPageSql(cols, f, 20, 0))).toContain('Bitmap Index Scan incoming_keyword_idx');
      for (const kw of [q, '发〔2019〕12号', '防汛', '没有这个词']) {
        const got = await incomingPage<{ id: string }>(database.db, cols, { orgIds, q: kw }, 20, 0);
        const want = await naive({ orgIds, q: kw }, 20, 0);
        expect(
          got.rows.map((r) => r.id),
          kw,
        ).toEqual(want.ids);
        if (got.totalExact) expect(got.total, kw).toBe(want.total);
      }
    }
  });

  it('over HTTP: a township sees only its own entries, in the order asked, with the total flagged', async () => {
    const town = await as(app, 'town01.clerk');
    const list = await town.get('/api/incoming?q=%E9%98%B2%E6%B1%9B&sort=serial&pageSize=20');
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: { orgId: string; title: string }[]; total: number; totalExact: boolean };
    expect(body.items).toHaveLength(20);
    expect(body.items.every((i) => i.orgId === office && i.title.includes('防汛'))).toBe(true);
    expect(typeof body.totalExact).toBe('boolean');
    const reg = await town.get('/api/registers/incoming?year=2024&pageSize=20');
    expect(reg.statusCode).toBe(200);
    const r = reg.json() as { items: { orgId: string; serial: string }[]; total: number; totalExact: boolean };
    expect(r.items.every((i) => i.orgId === office && i.serial.startsWith('收〔2024〕'))).toBe(true);
    expect(r.total).toBeGreaterThan(0);
    expect((await town.get('/api/incoming?sort=size')).statusCode).toBe(400);
  });
});

describe('收文 create under concurrency', () => {
  it('20 clerks of one office at once: serials gap-free and unique, each create audited, the chain whole', async () => {
    const clerks = await Promise.all(Array.from({ length: 20 }, () => as(app, 'town02.clerk')));
    const orgId = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id as string;
    const before = Number(
      (
        await database.pool.query(`SELECT coalesce(max(serial_seq), 0) AS n FROM incoming WHERE org_id = $1 AND serial_year = 2030`, [
          orgId,
        ])
      ).rows[0].n,
    );
    const res = await Promise.all(
      clerks.flatMap((c, k) =>
        [0, 1, 2].map((j) => c.post('/api/incoming', { senderName: '县政府办', title: `并发登记 ${k}-${j}`, receivedDate: '2030-05-06' })),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 201));
    const serials = res.map((r) => r.json().serial as string);
    expect(new Set(serials).size).toBe(60);
    const seqs = (
      await database.pool.query(`SELECT serial_seq FROM incoming WHERE org_id = $1 AND serial_year = 2030 ORDER BY serial_seq`, [orgId])
    ).rows.map((r) => Number(r.serial_seq));
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => before + i + 1));
    const audited = await database.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'incoming.registerPaper' AND entity_id = ANY($1::text[])`,
      [res.map((r) => r.json().id)],
    );
    expect(audited.rows[0].n).toBe(60);
    // The response is the slip as GET shows it.
    const first = res[0]!.json();
    const again = (await clerks[0]!.get(`/api/incoming/${first.id}`)).json();
    expect(first).toEqual(again);
    const v = await verifyAudit(database.db);
    expect(v.firstBroken).toBeUndefined();
    expect(v.ok).toBe(true);
  });

  it("an office's first create ever (no audit chain head yet) takes serial 1: the statement that found no head wrote nothing", async () => {
    // A township just added (a copy of 第一镇 under a new id and code): no audit row, no chain head.
    const org = (
      await database.pool.query<{ id: string }>(
        `INSERT INTO orgs SELECT (jsonb_populate_record(o, jsonb_build_object('id', gen_random_uuid(), 'code', 'T98', 'name', '新设镇'))).*
           FROM orgs o WHERE code = 'T01' RETURNING id`,
      )
    ).rows[0]!;
    const heads = await database.pool.query(`SELECT 1 FROM audit_chain_heads WHERE chain = $1`, [org.id]);
    expect(heads.rows).toEqual([]);
    // Through the service, not HTTP: signing in would write the office's first audit row (its head).
    const user = (await database.pool.query(`SELECT id FROM users WHERE username = 'town01.clerk'`)).rows[0].id as string;
    const found = await accountsRepository.userWithOrg(database.db, user);
    const ctx = systemContext({ ...actorOf(found!.user, found!.org), orgId: org.id });
    const made = await registerPaper(
      database.db,
      ctx,
      incomingPaperSchema.parse({ senderName: '县政府办', title: '第一份来文', receivedDate: '2031-01-05' }),
    );
    expect(made.serial).toBe('收〔2031〕1号');
    expect(made.serialSeq).toBe(1);
    const counter = await database.pool.query(`SELECT last_seq FROM incoming_serial_counters WHERE org_id = $1 AND year = 2031`, [org.id]);
    expect(counter.rows).toEqual([{ last_seq: 1 }]);
    const v = await verifyAudit(database.db);
    expect(v.ok).toBe(true);
  });
});
