/** Two small ones seen (issue 12): research topic cards said "报告数 0" whatever the count; a month with no points ranked everyone 第1名. */
import { describe, expect, it } from 'vitest';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();

describe('research topics', () => {
  it('count the reports each topic has, for the county and for a township (its own)', async () => {
    const county = await as(app, 'county.admin');
    const topic = (await county.post('/api/research/topics', { title: '基层治理调研', description: '', deadline: '2099-12-31' })).json();
    for (const town of ['town05.clerk', 'town06.clerk']) {
      const r = await (
        await as(app, town)
      ).post(`/api/research/topics/${topic.id}/reports`, { title: '关于基层治理的调研报告', content: '调研内容'.repeat(20) });
      expect(r.statusCode, r.body).toBe(201);
    }
    const all = (await county.get('/api/research/topics')).json().items;
    for (const t of all) {
      const n = (await database.pool.query('SELECT count(*)::int AS n FROM research_reports WHERE topic_id = $1', [t.id])).rows[0].n;
      expect(t.reports, t.title).toBe(n);
    }
    expect(all.find((t: { id: string }) => t.id === topic.id).reports).toBe(2);
    const mine = (await (await as(app, 'town05.clerk')).get('/api/research/topics')).json().items;
    expect(mine.find((t: { id: string }) => t.id === topic.id).reports).toBe(1);
  });
});

describe('the information ranking', () => {
  it('gives no township a place in a month nobody scored', async () => {
    const county = await as(app, 'county.admin');
    const res = (await county.get('/api/info/ranking?year=2000&month=1')).json();
    expect(res.items).toHaveLength(18);
    expect(res.items.every((r: { points: number; rank: number | null }) => r.points === 0 && r.rank === null)).toBe(true);
    const town = (await (await as(app, 'town03.clerk')).get('/api/info/ranking?year=2000&month=1')).json();
    expect(town.mine.rank).toBeNull();
  });
});
