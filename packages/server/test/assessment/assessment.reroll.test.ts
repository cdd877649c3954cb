/**
 * A score write re-rolls the one office it concerns (and re-ranks the scheme in SQL) instead of
 * marking every office's standings stale: what it leaves stored must equal a full computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { as, testApp } from '../helpers.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';

let app: App;
let database: Database;
type Client = Awaited<ReturnType<typeof as>>;
let admin: Client, clerk: Client, town1: Client;
const year = chinaYear();

beforeAll(async () => {
  ({ app, database } = await testApp());
  [admin, clerk, town1] = await Promise.all([as(app, 'county.admin'), as(app, 'county.clerk'), as(app, 'town01.clerk')]);
});

interface Indicator {
  code: string;
  parentCode: string | null;
  weight: number;
  method: string;
}

async function scheme() {
  const list = (await admin.get(`/api/assessment/schemes?year=${year}`)).json().items;
  const s = list.find((i: { targetKind: string }) => i.targetKind === 'township');
  const d = (await admin.get(`/api/assessment/schemes/${s.id}`)).json();
  return { id: s.id as string, indicators: d.indicators as Indicator[] };
}

/** What is stored: every office's row (without the measured part's order mattering) and the state. */
async function stored(id: string) {
  const rows = (
    await database.pool.query(
      'SELECT org_id, total, rank, scores, measured FROM assessment_standings WHERE scheme_id = $1 ORDER BY org_id',
      [id],
    )
  ).rows;
  const state = (
    await database.pool.query(
      'SELECT generation, computed_at, averages, offices, mean_total FROM assessment_standings_state WHERE scheme_id = $1',
      [id],
    )
  ).rows[0];
  return { rows, state };
}

/** Marks the standings stale and reads them, so that the read computes every office again. */
async function fullRecompute(id: string) {
  await database.pool.query('UPDATE assessment_standings_state SET computed_at = NULL WHERE scheme_id = $1', [id]);
  expect((await admin.get(`/api/assessment/schemes/${id}/results`)).statusCode).toBe(200);
  return stored(id);
}

describe('a score write re-rolls only its office', () => {
  it('after one score and after a sheet, the standings and every rank equal a full recompute', async () => {
    const { id, indicators } = await scheme();
    const leaves = indicators.filter((i) => i.method === 'manual' && !indicators.some((c) => c.parentCode === i.code));
    expect(leaves.length).toBeGreaterThan(0);
    const first = (await admin.get(`/api/assessment/schemes/${id}/results`)).json().items as {
      orgId: string;
      rank: number;
      total: number;
    }[];
    const before = await stored(id);
    expect(before.state.computed_at).not.toBeNull();
    expect(before.rows).toHaveLength(first.length);
    // The measured part is stored beside each office's standing.
    expect(Object.keys(before.rows[0].measured).length).toBeGreaterThan(0);

    // The last office gets every manual leaf's full points: it climbs, the offices it passes move down.
    const last = [...first].sort((a, b) => b.rank - a.rank)[0]!;
    for (const l of leaves) {
      const r = await clerk.post(`/api/assessment/schemes/${id}/scores`, {
        orgId: last.orgId,
        code: l.code,
        score: l.weight,
        reason: '核定',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const after = await stored(id);
    // Not marked stale: kept computed, the generation moved on (one per write).
    expect(after.state.computed_at).toEqual(before.state.computed_at);
    expect(Number(after.state.generation)).toBe(Number(before.state.generation) + leaves.length);
    const climbed = after.rows.find((r) => r.org_id === last.orgId)!;
    expect(climbed.rank).toBeLessThan(last.rank);
    expect(climbed.total).toBeGreaterThan(last.total);
    // Others' ranks shifted too (the office passed at least one).
    const shifted = after.rows.filter((r) => r.org_id !== last.orgId && r.rank !== before.rows.find((b) => b.org_id === r.org_id)!.rank);
    expect(shifted.length).toBeGreaterThan(0);
    // The office's own page shows the new figure at once.
    const mine = (await town1.get(`/api/assessment/schemes/${id}/results`)).json();
    const t1 = mine.items[0].orgId;
    expect(mine.items[0].rank).toBe(after.rows.find((r) => r.org_id === t1)!.rank);

    const full = await fullRecompute(id);
    expect(after.rows).toEqual(full.rows);
    expect(after.state.averages).toEqual(full.state.averages);
    expect(after.state.offices).toBe(full.state.offices);
    expect(after.state.mean_total).toBe(full.state.mean_total);

    // A sheet for two offices: both re-rolled, ties ranked alike (1, 2, 2, 4), again equal to a full recompute.
    const [a, b] = first;
    const entries = [a!, b!].flatMap((o) => leaves.map((l) => ({ orgId: o.orgId, code: l.code, score: 0, reason: '复核' })));
    const sheet = await clerk.post(`/api/assessment/schemes/${id}/score-sheet`, { entries });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const afterSheet = await stored(id);
    expect(afterSheet.state.computed_at).toEqual(full.state.computed_at);
    expect(afterSheet.rows).not.toEqual(full.rows);
    const again = await fullRecompute(id);
    expect(afterSheet.rows).toEqual(again.rows);
    expect(afterSheet.state.averages).toEqual(again.state.averages);
    expect(afterSheet.state.mean_total).toBe(again.state.mean_total);
  });

  it('a tree change on a published scheme (a revision) still marks every office stale', async () => {
    const { id } = await scheme();
    await admin.get(`/api/assessment/schemes/${id}/results`);
    const d = (await admin.get(`/api/assessment/schemes/${id}`)).json();
    const r = await admin.post(`/api/assessment/schemes/${id}/revisions`, {
      reason: '调整说明',
      indicators: d.indicators.map((i: { description?: string }, n: number) =>
        n === 0 ? { ...i, description: `${i.description ?? ''}（修订）` } : i,
      ),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await stored(id)).state.computed_at).toBeNull();
  });
});
