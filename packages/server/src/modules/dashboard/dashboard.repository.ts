/**
 * The dashboard's own queries: the townships it ranks and the counties above them (orgs, which
 * every repository may read), and its summary rows and write marks (dashboard.tables.ts). Every
 * figure comes from the owning module's metrics (personnel/training/environment.metrics.ts in the
 * service, the other modules through dashboard.sources), never from another module's tables.
 */
import { sql } from 'drizzle-orm';
import type { CellStatus } from '@township-office/domain/dashboard';
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

  /** The org and its ancestors, nearest first. */
  ancestry: (db: DbOrTx, orgId: string) =>
    rows<OrgBrief>(
      db.execute(sql`WITH RECURSIVE up AS (SELECT id, code, name, kind, parent_id, 0 AS depth FROM orgs WHERE id = ${orgId}::uuid
          UNION ALL SELECT o.id, o.code, o.name, o.kind, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id)
        SELECT id, code, name, kind, parent_id FROM up ORDER BY depth`),
    ),

  /** The active counties directly under a province, and every active township under each. */
  provinceTownships: (db: DbOrTx, provinceId: string) =>
    rows<{ county_id: string; county_code: string; county_name: string; id: string | null; code: string | null; name: string | null }>(
      db.execute(sql`SELECT c.id AS county_id, c.code AS county_code, c.name AS county_name, t.id, t.code, t.name
        FROM orgs c LEFT JOIN orgs t ON t.parent_id = c.id AND t.kind = 'township' AND t.disabled_at IS NULL
        WHERE c.parent_id = ${provinceId}::uuid AND c.kind = 'county' AND c.disabled_at IS NULL
        ORDER BY c.sort_order, c.name, t.sort_order, t.name`),
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
   * Only each fresh row's cell statuses, in STANDARD_COLUMNS order (the province's counts need no
   * more): a dozen short strings per township. Same freshness as freshSummaries.
   */
  freshStatuses: (db: DbOrTx, year: number, today: string, orgIds: string[]) =>
    orgIds.length === 0
      ? Promise.resolve([])
      : rows<{ org_id: string; statuses: CellStatus[] }>(
          db.execute(sql`SELECT s.org_id, s.statuses
            FROM dashboard_summaries s
            WHERE s.year = ${year} AND s.org_id = ANY(${uuids(orgIds)}) AND s.as_of = ${today}::date
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id = s.org_id)
              AND NOT EXISTS (SELECT 1 FROM dashboard_dirty d WHERE d.org_id IS NULL)`),
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
