/** Two small ones seen (issue 12): research topic cards said "报告数 0" whatever the count; a month with no points ranked everyone 第1名. */
import { describe, expect, it } from 'vitest';
import { defaultScoringConfig, isLongPiece } from '@township-office/domain/information';
import { informationRepository } from '../../src/modules/information/information.repository.ts';
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

describe('a long piece (信息 of at least longPieceMinChars characters, whitespace aside)', () => {
  it('is counted in SQL exactly as isLongPiece counts it: spaces of every kind stripped, the letter s kept', async () => {
    const cfg = defaultScoringConfig(2001);
    const min = cfg.longPieceMinChars;
    const { rows } = await database.pool.query(`SELECT u.id AS user_id, u.org_id FROM users u WHERE u.username = 'town01.clerk'`);
    const { user_id: userId, org_id: orgId } = rows[0];
    const contents = [
      's'.repeat(min), // long: nothing to strip (the old pattern stripped every s)
      `${'信'.repeat(min - 1)}s`, // long
      `\u3000\u3000${'信'.repeat(min - 1)}`, // short: the indent is whitespace
      `${'信'.repeat(min - 1)}\u00a0\ufeff \t`, // short: no-break space and BOM are whitespace to JavaScript
      `${'信'.repeat(min / 2)}\u00a0${'息'.repeat(min / 2)}`, // long
    ];
    for (const [i, content] of contents.entries())
      await database.pool.query(
        `INSERT INTO info_items (org_id, title, content, kind, submitted_by, submitted_at)
         VALUES ($1, $2, $3, 'news', $4, make_timestamptz(2001, 1 + $5::int, 1, 10, 0, 0, 'Asia/Shanghai'))`,
        [orgId, `长信息测试${i}`, content, userId, i],
      );
    const activity = await informationRepository.activityByOrgMonth(database.db, 2001, min);
    // One piece a month, so each piece's verdict is compared, not only how many there are.
    const expected = contents.map((c, i) => ({ orgId, month: i + 1, items: 1, long: isLongPiece(c, cfg) ? 1 : 0, adopted: 0 }));
    expect(expected.map((e) => e.long)).toEqual([1, 1, 0, 0, 1]);
    expect([...activity].sort((x, y) => x.month - y.month)).toEqual(expected);
  });
});
