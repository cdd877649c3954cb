/**
 * GET /api/search: one Chinese-aware search over every register, scoped like the lists; bad
 * queries are a 4xx or an empty result, never a 5xx; petitioners' names and phones are not searchable.
 */
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { as, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice } from '../documents/fixtures.ts';
import { rebuildSearchIndex, refreshSearchIndex } from '../../src/modules/search/search.service.ts';
import { searchEntries } from '../../src/modules/search/search.repository.ts';
import { foldText, searchWords } from '../../src/platform/search-text.ts';
import { fillIncoming } from '../../../../bench/registers.fill.ts';

const { app, database } = await testApp();
const county = await countyActors(app);
const orgs = await orgIds(county.clerk);
const t08 = orgs.townships[7]!;
const town08 = await as(app, 'town08.clerk');
const town09 = await as(app, 'town09.clerk');

type Hit = { module: string; recordId: string; title: string; snippet: string; href: string };
const hits = async (c: typeof town08, q: string, extra = ''): Promise<{ total: number; items: Hit[] }> => {
  const r = await c.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expectStatus(r, 200);
  return r.json();
};

describe('search', () => {
  it('finds a notice by a word of its body in simplified and traditional characters, for the recipient and the sender only', async () => {
    const title = '关于开展冬季农村饮水安全排查的通知';
    const id = await signedNotice(county, [t08], { title });
    await database.pool.query(
      "UPDATE documents SET body = '请各乡镇对辖区内集中供水工程开展一次全面排查，重点检查蓄水池防冻措施。' WHERE id = $1",
      [id],
    );
    expectStatus(await county.clerk.post(`/api/documents/${id}/recheck`), 200);
    expectStatus(await county.clerk.post(`/api/documents/${id}/number`), 200);
    expectStatus(await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const delivery = (await (await town08.get('/api/inbox')).json()).items.find((d: { title: string }) => d.title === title);
    const inc = (await town08.post(`/api/deliveries/${delivery.id}/acknowledge`)).json().incomingId as string;
    await refreshSearchIndex(database.db);

    for (const q of ['蓄水池', '蓄水池防凍', '集中供水', '防冻措施']) {
      const r = await hits(town08, q);
      expect(
        r.items.map((h) => h.recordId),
        q,
      ).toContain(inc);
      const hit = r.items.find((h) => h.recordId === inc)!;
      expect(hit).toMatchObject({ module: 'incoming', title, href: `/documents/incoming/${inc}` });
      expect(hit.snippet).toContain('蓄水池');
    }
    // The sender finds its outgoing document; another township finds neither.
    expect((await hits(county.clerk, '蓄水池', '&module=outgoing')).items.map((h) => h.recordId)).toContain(id);
    const other = await hits(town09, '蓄水池');
    expect(other.items.some((h) => h.recordId === inc || h.recordId === id)).toBe(false);
    // Filters narrow: module and year.
    expect((await hits(town08, '蓄水池', '&module=petitions')).total).toBe(0);
    expect((await hits(town08, '蓄水池', `&year=${chinaToday().slice(0, 4)}`)).items.map((h) => h.recordId)).toContain(inc);
  });

  it('searches petitions by subject, never by a petitioner’s name or phone', async () => {
    const p = await town08.post('/api/petitions', {
      receivedOn: chinaToday(),
      channel: 'visit',
      petitioners: [{ name: '欧阳明轩', phone: '13912345678' }],
      subject: '反映灌溉渠道渗漏问题',
      content: '欧阳明轩来访反映灌溉渠道渗漏。',
      category: 'rural_affairs',
    });
    expectStatus(p, 201);
    const pid = p.json().id as string;
    await refreshSearchIndex(database.db);
    expect((await hits(town08, '灌溉渠道')).items.map((h) => h.recordId)).toContain(pid);
    expect((await hits(town08, '欧阳明轩')).items.some((h) => h.recordId === pid)).toBe(false);
    expect((await hits(town08, '13912345678')).items.some((h) => h.recordId === pid)).toBe(false);
  });

  it('answers bad queries with a 4xx or an empty result, never a 5xx; the 三员 get 403', async () => {
    for (const q of ['&|!:*()', "'; DROP TABLE documents; --", '!!!', '😀😀', 'a:* & !b', '\\', '%_%', '"""']) {
      const r = await town08.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q).toBe(200);
    }
    expect((await hits(town08, '&|!:*()')).total).toBe(0);
    for (const q of ['x'.repeat(1000), '\u0000', ''])
      expect((await town08.get(`/api/search?q=${encodeURIComponent(q)}`)).statusCode, q.slice(0, 5)).toBe(400);
    for (const bad of ['&module=nope', '&page=0', '&year=abc', '&orgId=1', '&extra=1'])
      expect((await town08.get(`/api/search?q=通知${bad}`)).statusCode, bad).toBe(400);
    for (const u of ['sysadmin', 'secadmin', 'auditor']) expect((await (await as(app, u)).get('/api/search?q=通知')).statusCode).toBe(403);
  });

  it('is written through: a write marks its record in the same transaction, the indexer reads only what was marked', async () => {
    const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);
    const marks = async (id: string) =>
      Number((await q('SELECT count(*)::int AS n FROM search_dirty WHERE record_id = $1', [id])).rows[0].n);
    await refreshSearchIndex(database.db);
    expect(Number((await q('SELECT count(*)::int AS n FROM search_dirty')).rows[0].n)).toBe(0);

    const p = await town08.post('/api/petitions', {
      receivedOn: chinaToday(),
      channel: 'letter',
      petitioners: [{ name: '李四' }],
      subject: '反映村道路灯损坏问题',
      content: '来信反映村道路灯损坏。',
      category: 'rural_affairs',
    });
    expectStatus(p, 201);
    const pid = p.json().id as string;
    expect(await marks(pid)).toBeGreaterThan(0);
    await refreshSearchIndex(database.db);
    expect(await marks(pid)).toBe(0);
    expect((await hits(town08, '路灯损坏')).items.map((h) => h.recordId)).toContain(pid);

    // An update is indexed with its new text, the old words no longer find it.
    await q("UPDATE petitions SET subject = '反映村道排水沟堵塞问题' WHERE id = $1", [pid]);
    await refreshSearchIndex(database.db);
    expect((await hits(town08, '排水沟堵塞')).items.map((h) => h.recordId)).toContain(pid);
    expect((await hits(town08, '路灯损坏')).items.map((h) => h.recordId)).not.toContain(pid);

    // A write that rolls back leaves no mark (and nothing in the index).
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE petitions SET subject = '回滚的标题' WHERE id = $1", [pid]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await marks(pid)).toBe(0);

    // A deleted record leaves the index at the next run.
    const entry = (await q('SELECT id FROM duty_log_entries WHERE org_id = $1 LIMIT 1', [t08])).rows[0]!.id as string;
    const indexed = async () =>
      Number((await q("SELECT count(*)::int AS n FROM search_entries WHERE module = 'duty' AND record_id = $1", [entry])).rows[0].n);
    expect(await indexed()).toBe(1);
    await q('DELETE FROM duty_log_entries WHERE id = $1', [entry]);
    await refreshSearchIndex(database.db);
    expect(await indexed()).toBe(0);
    // The full rebuild finds nothing the marks missed.
    expect(await rebuildSearchIndex(database.db)).toBe(0);
  });

  it('counts up to 1,000 matches; beyond, says so and shows the newest first', async () => {
    await fillIncoming(database.pool, 3_000);
    await refreshSearchIndex(database.db);
    const common = await county.clerk.get(`/api/search?q=${encodeURIComponent('工作')}&module=incoming`);
    expectStatus(common, 200);
    const r = common.json() as { total: number; totalExact: boolean; items: { year: number | null }[] };
    expect(r).toMatchObject({ total: 1000, totalExact: false });
    expect(r.items).toHaveLength(20);
    const years = r.items.map((i) => i.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    // A rarer word in one office is counted exactly.
    const few = (await town08.get(`/api/search?q=${encodeURIComponent('防汛')}&module=incoming`)).json();
    expect(few.totalExact).toBe(true);
    expect(few.total).toBeGreaterThan(0);
    expect(few.total).toBeLessThan(1000);

    // A compound of correlated words (森林 & 防火: the planner's independent-AND estimate is far below
    // what holds both): counted by its words alone once they pass the cap, exactly below it — the
    // same totals as counting the words OR the substring.
    const f = { words: searchWords('森林防火'), substring: foldText('森林防火'), orgId: null, module: 'incoming', limit: 20, offset: 0 };
    expect(f.words.length).toBeGreaterThan(1);
    const countOf = async (where: string, params: unknown[]) =>
      Number(
        (await database.pool.query(`SELECT count(*)::int AS n FROM search_entries WHERE module = 'incoming' AND ${where}`, params)).rows[0]
          .n,
      );
    const real = await countOf(`(words @@ to_tsquery('simple', $1) OR folded LIKE $2)`, [
      f.words.map((w) => `'${w}'`).join(' & '),
      `%${f.substring}%`,
    ]);
    expect(real).toBeGreaterThan(20);
    const capped = await searchEntries(database.db, f, 20);
    expect([capped.total, capped.exact, capped.rows.length]).toEqual([20, false, 20]);
    // Past the cap with each word that common, the page walks the year index: the newest 20 matches, as sorting them all gives.
    const newest = (
      await database.pool.query(
        `SELECT record_id FROM search_entries WHERE module = 'incoming' AND (words @@ to_tsquery('simple', $1) OR folded LIKE $2)
         ORDER BY year DESC NULLS LAST, record_id LIMIT 20`,
        [f.words.map((w) => `'${w}'`).join(' & '), `%${f.substring}%`],
      )
    ).rows.map((x) => x.record_id as string);
    for (const cap of [20, 2]) expect((await searchEntries(database.db, f, cap)).rows.map((x) => x.record_id)).toEqual(newest);
    const exact = await searchEntries(database.db, f, real);
    expect([exact.total, exact.exact]).toEqual([real, true]);
    // A substring no word holds: counted through the trigram index.
    const sub = await searchEntries(database.db, { ...f, words: ['不存在的词'], substring: foldText('森林防火') }, real);
    expect([sub.total, sub.exact]).toEqual([await countOf('folded LIKE $1', [`%${f.substring}%`]), true]);
  });
});
