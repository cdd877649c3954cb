/**
 * The dashboard's own queries: the townships it ranks and the counties above them (orgs, which
 * every repository may read), and its summary rows and write marks (dashboard.tables.ts). Every
 * figure comes from the owning module's metrics (personnel/training/environment.metrics.ts in the
 * service, the other modules through dashboard.sources), never from another module's tables.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];
// One array parameter, however many ids (a list of parameters stops at 65,535).
const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export type OrgBrief = { id: string; code: string; name: string; kind: string; parent_id: string | null };

export const dashboardRepository = {
  townships: (db: DbOrTx, orgIds: string[] | null) =>
    rows<{ id: string; code: string; name: string }>(
      db.execute(sql`SELECT id, code, name FROM orgs WHERE kind = 'township' AND disabled_at IS NULL
        ${orgIds ? (orgIds.length ? sql`AND id = ANY(${uuids(orgIds)})` : sql`AND false`) : sql``} ORDER BY sort_order, name`),
    ),

  /** The active townships under a county, in the county's order. */
  townshipsOfCounty: (db: DbOrTx, countyId: string) =>
    rows<{ id: string; code: string; name: string }>(
      db.execute(sql`WITH RECURSIVE sub AS (SELECT id FROM orgs WHERE parent_id = ${countyId}::uuid
          UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id WHERE o.kind <> 'county')
        SELECT o.id, o.code, o.name FROM orgs o JOIN sub USING (id)
        WHERE o.kind = 'township' AND o.disabled_at IS NULL ORDER BY o.sort_order, o.name`),
    ),

  /**
   * The county's active townships in its order (as townshipsOfCounty), each with its summary row of
   * `year` when that row is fresh (same freshness as freshSummaries, the marks anti-joined in the
   * CTE, not tested per row in the outer join), else nulls: one statement, so the county grid needs
   * one round trip and no list of 2,000 ids.
   */
  countySummaries: (db: DbOrTx, countyId: string, year: number, today: string) =>
    rows<{ id: string; code: string; name: string; cells: string | null; figures: string | null }>(
      db.execute(sql`WITH RECURSIVE sub AS (SELECT id FROM orgs WHERE parent_id = ${countyId}::uuid
          UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id WHERE o.kind <> 'county'),
        fresh AS (SELECT s.org_id, s.cells, s.figures FROM dashboard_summaries s
          WHERE s.year = ${year} AND s.org_id IN (SELECT id FROM sub) AND s.as_of = ${today}::date
            AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id = s.org_id)
            AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id IS NULL))
        SELECT o.id, o.code, o.name, f.cells, f.figures
        FROM orgs o JOIN sub USING (id) LEFT JOIN fresh f ON f.org_id = o.id
        WHERE o.kind = 'township' AND o.disabled_at IS NULL ORDER BY o.sort_order, o.name`),
    ),

  /** The org and its ancestors, nearest first. */
  ancestry: (db: DbOrTx, orgId: string) =>
    rows<OrgBrief>(
      db.execute(sql`WITH RECURSIVE up AS (SELECT id, code, name, kind, parent_id, 0 AS depth FROM orgs WHERE id = ${orgId}::uuid
          UNION ALL SELECT o.id, o.code, o.name, o.kind, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id)
        SELECT id, code, name, kind, parent_id FROM up ORDER BY depth`),
    ),

  /**
   * The summary rows of `year` for these townships that are fresh: computed for `today` and not
   * marked by a write since. One statement, so the rows and the marks are read in one snapshot (a
   * refresh committing in between can never pair old rows with its removal of their marks). Two
   * NOT EXISTS, not one with OR: a hash anti-join over many marks (after an import) instead of a
   * nested loop of rows × marks.
   */
  freshSummaries: (db: DbOrTx, year: number, today: string, orgIds: string[]) =>
    orgIds.length === 0
      ? Promise.resolve([])
      : rows<{ org_id: string; cells: string; figures: string }>(
          db.execute(sql`SELECT s.org_id, s.cells, s.figures FROM dashboard_summaries s
            WHERE s.year = ${year} AND s.org_id = ANY(${uuids(orgIds)}) AND s.as_of = ${today}::date
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id = s.org_id)
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id IS NULL)`),
        ),

  /**
   * The province's lines, counted in SQL from the fresh summary rows' statuses (STANDARD_COLUMNS
   * order, `columns` of them): per active county directly under the province, in its order, how
   * many townships were kept, how many of those meet every standard, their gaps and warnings, and
   * per standard how many meet it; and the townships whose row is stale or missing, for the caller
   * to measure and add. 100 lines instead of 2,000 rows. Same freshness as freshSummaries.
   */
  provinceLines: (db: DbOrTx, provinceId: string, year: number, today: string, columns: number) =>
    rows<{
      id: string;
      code: string;
      name: string;
      kept: number;
      all_met: number;
      gaps: number;
      ok: number[] | null;
      stale: { id: string; code: string; name: string }[] | null;
    }>(
      db.execute(sql`WITH c AS (SELECT id, code, name, sort_order FROM orgs
            WHERE parent_id = ${provinceId}::uuid AND kind = 'county' AND disabled_at IS NULL),
          t AS (SELECT o.id, o.code, o.name, o.parent_id AS county_id FROM orgs o
            WHERE o.parent_id IN (SELECT id FROM c) AND o.kind = 'township' AND o.disabled_at IS NULL),
          f AS (SELECT s.org_id, s.statuses, cardinality(array_positions(s.statuses, 'gap')) + cardinality(array_positions(s.statuses, 'warn')) AS gaps
            FROM dashboard_summaries s
            WHERE s.year = ${year} AND s.org_id IN (SELECT id FROM t) AND s.as_of = ${today}::date
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id = s.org_id)
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id IS NULL)),
          k AS (SELECT t.county_id, count(f.org_id)::int AS kept, count(*) FILTER (WHERE f.gaps = 0)::int AS all_met,
              coalesce(sum(f.gaps), 0)::int AS gaps,
              json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name)) FILTER (WHERE f.org_id IS NULL) AS stale
            FROM t LEFT JOIN f ON f.org_id = t.id GROUP BY t.county_id),
          ok AS (SELECT county_id, array_agg(n ORDER BY i) AS ok FROM (
              SELECT t.county_id, g.i, count(*) FILTER (WHERE f.statuses[g.i] = 'ok')::int AS n
              FROM t JOIN f ON f.org_id = t.id CROSS JOIN generate_series(1, ${columns}::int) g(i) GROUP BY 1, 2) x
            GROUP BY county_id)
        SELECT c.id, c.code, c.name, coalesce(k.kept, 0) AS kept, coalesce(k.all_met, 0) AS all_met, coalesce(k.gaps, 0) AS gaps, ok.ok, k.stale
        FROM c LEFT JOIN k ON k.county_id = c.id LEFT JOIN ok ON ok.county_id = c.id
        ORDER BY c.sort_order, c.name`),
    ),

  /** The marks of writes so far, and the database's clock when they were read. */
  async readMarks(db: DbOrTx) {
    const r = await rows<{ id: number; org_id: string | null; at: string }>(
      db.execute(sql`SELECT d.id, d.org_id, clock_timestamp()::text AS at FROM dashboard_dirty d
        UNION ALL SELECT NULL, NULL, clock_timestamp()::text ORDER BY 1 NULLS LAST`),
    );
    const at = r[r.length - 1]!.at;
    return { at, marks: r.filter((x) => x.id !== null).map((x) => ({ id: Number(x.id), org_id: x.org_id })) };
  },

  summaryDays: (db: DbOrTx, year: number) =>
    rows<{ org_id: string; as_of: string }>(
      db.execute(sql`SELECT org_id, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM dashboard_summaries WHERE year = ${year}`),
    ),

  /** Upserts rows computed from reads made after `at`; a row computed later is never replaced. */
  async upsertSummaries(
    db: DbOrTx,
    year: number,
    today: string,
    at: string,
    list: { orgId: string; cells: string; figures: string; statuses: string[] }[],
  ) {
    let n = 0;
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const json = JSON.stringify(chunk.map((c) => ({ org_id: c.orgId, cells: c.cells, figures: c.figures, statuses: c.statuses })));
      const r = await db.execute(sql`INSERT INTO dashboard_summaries (org_id, year, as_of, cells, figures, statuses, computed_at)
        SELECT x.org_id, ${year}, ${today}::date, x.cells, x.figures, x.statuses, ${at}::timestamptz
        FROM jsonb_to_recordset(${json}::jsonb) AS x(org_id uuid, cells text, figures text, statuses text[])
        ON CONFLICT (year, org_id) DO UPDATE SET as_of = EXCLUDED.as_of, cells = EXCLUDED.cells, figures = EXCLUDED.figures,
          statuses = EXCLUDED.statuses, computed_at = EXCLUDED.computed_at
        WHERE dashboard_summaries.computed_at < EXCLUDED.computed_at`);
      n += r.rowCount ?? 0;
    }
    return n;
  },

  async removeMarks(db: DbOrTx, ids: number[]) {
    if (!ids.length) return;
    await db.execute(sql`DELETE FROM dashboard_dirty WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
  },
};
