/**
 * The dashboard's aggregates: one GROUP BY query per standard, each over its own indexes, run in
 * parallel. No query touches another module's tables; those figures come from dashboard.sources.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];

export const dashboardRepository = {
  townships: (db: DbOrTx, orgIds: string[] | null) =>
    rows<{ id: string; code: string; name: string }>(
      db.execute(sql`SELECT id, code, name FROM orgs WHERE kind = 'township' AND disabled_at IS NULL
        ${
          orgIds
            ? sql`AND id IN (${sql.join(
                orgIds.map((x) => sql`${x}::uuid`),
                sql`, `,
              )})`
            : sql``
        } ORDER BY sort_order, name`),
    ),
  /** The leader in charge on `asOf`. */
  leaders: (db: DbOrTx, asOf: string) =>
    rows<{ org_id: string; familiar: boolean }>(
      db.execute(sql`SELECT org_id, bool_or(familiar) AS familiar FROM leaders_in_charge
      WHERE since <= ${asOf} AND (until IS NULL OR until > ${asOf}) GROUP BY org_id`),
    ),
  staffCounts: (db: DbOrTx) =>
    rows<{ org_id: string; n: number }>(
      db.execute(sql`SELECT org_id, count(*)::int AS n FROM staff WHERE status = 'active' GROUP BY org_id`),
    ),
  filings: (db: DbOrTx, year: number) =>
    rows<{ org_id: string; n: number; late: number; open: number }>(
      db.execute(sql`SELECT org_id, count(*)::int AS n, count(*) FILTER (WHERE late)::int AS late, count(*) FILTER (WHERE state = 'submitted')::int AS open
        FROM staff_filings WHERE filed_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND filed_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        GROUP BY org_id`),
    ),
  trainingSessions: (db: DbOrTx, from: string, to: string) =>
    rows<{ n: number }>(
      db.execute(sql`SELECT count(*)::int AS n FROM training_sessions WHERE state = 'held' AND held_on BETWEEN ${from} AND ${to}`),
    ),
  staffCoverage: (db: DbOrTx, from: string, to: string) =>
    rows<{ org_id: string; total: number; trained: number }>(
      db.execute(sql`WITH attended AS (
          SELECT DISTINCT a.staff_id FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
          WHERE t.state = 'held' AND t.held_on BETWEEN ${from} AND ${to} AND a.staff_id IS NOT NULL)
        SELECT s.org_id, count(*)::int AS total, count(at.staff_id)::int AS trained
        FROM staff s LEFT JOIN attended at ON at.staff_id = s.id WHERE s.status = 'active' GROUP BY s.org_id`),
    ),
  leaderCoverage: (db: DbOrTx, from: string, to: string) =>
    rows<{ total: number; trained: number }>(
      db.execute(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
          WHERE a.leader_id = l.id AND t.state = 'held' AND t.held_on BETWEEN ${from} AND ${to}))::int AS trained
        FROM leaders_in_charge l WHERE l.until IS NULL`),
    ),
  rotationsByQuarter: (db: DbOrTx, year: number) =>
    rows<{ quarter: number; n: number }>(
      db.execute(sql`SELECT quarter, count(*)::int AS n FROM rotations WHERE year = ${year} AND state <> 'cancelled' GROUP BY quarter`),
    ),
  rotationsInWindow: (db: DbOrTx, fromYear: number, toYear: number) =>
    rows<{ org_id: string; n: number }>(
      db.execute(
        sql`SELECT org_id, count(*)::int AS n FROM rotations WHERE year BETWEEN ${fromYear} AND ${toYear} AND state <> 'cancelled' GROUP BY org_id`,
      ),
    ),
  posts: (db: DbOrTx) =>
    rows<{ org_id: string; n: number }>(
      db.execute(sql`SELECT p.org_id, count(DISTINCT p.post)::int AS n FROM post_assignments p JOIN staff s ON s.id = p.staff_id
        WHERE p.until IS NULL AND s.status = 'active' AND s.org_id = p.org_id GROUP BY p.org_id`),
    ),
  rooms: (db: DbOrTx) =>
    rows<{ org_id: string; n: number }>(
      db.execute(sql`SELECT org_id, count(*) FILTER (WHERE status <> 'missing')::int AS n FROM rooms GROUP BY org_id`),
    ),
  equipment: (db: DbOrTx) =>
    rows<{ org_id: string; computers: number; printers: number; doc_system_access: boolean }>(
      db.execute(sql`SELECT org_id, computers, printers, doc_system_access FROM equipment`),
    ),
  rules: (db: DbOrTx) =>
    rows<{ org_id: string; n: number }>(
      db.execute(sql`SELECT org_id, count(DISTINCT kind)::int AS n FROM township_rules WHERE state = 'in_force' GROUP BY org_id`),
    ),
  ruleAcks: (db: DbOrTx) =>
    rows<{ org_id: string; n: number; docs: number }>(
      db.execute(sql`SELECT a.org_id, count(*)::int AS n, (SELECT count(*) FROM rule_documents WHERE state = 'in_force')::int AS docs
        FROM rule_acknowledgements a JOIN rule_documents d ON d.id = a.document_id AND d.state = 'in_force' GROUP BY a.org_id`),
    ),
  ruleDocumentCount: (db: DbOrTx) =>
    rows<{ n: number }>(db.execute(sql`SELECT count(*)::int AS n FROM rule_documents WHERE state = 'in_force'`)),
  expenseTotals: (db: DbOrTx, years: number[]) =>
    rows<{ org_id: string; year: number; amount: number }>(
      db.execute(
        sql`SELECT org_id, year, sum(amount_yuan) AS amount FROM expenses WHERE year IN (${sql.join(
          years.map((y) => sql`${y}`),
          sql`, `,
        )}) GROUP BY org_id, year`,
      ),
    ),
  expensesByCategory: (db: DbOrTx, year: number) =>
    rows<{ org_id: string; category: string; amount: number }>(
      db.execute(sql`SELECT org_id, category, amount_yuan AS amount FROM expenses WHERE year = ${year}`),
    ),
  /** Staff structure for the charts (age band and education), computed in SQL for the county. */
  structure: (db: DbOrTx, asOf: string) =>
    rows<{ band: string; education: string; n: number }>(
      db.execute(sql`SELECT CASE WHEN a < 30 THEN 'under30' WHEN a < 40 THEN '30to39' WHEN a < 50 THEN '40to49' ELSE '50plus' END AS band, education, count(*)::int AS n
        FROM (SELECT extract(year FROM age(${asOf}::date, birth_date))::int AS a, education FROM staff s JOIN orgs o ON o.id = s.org_id
              WHERE s.status = 'active' AND o.kind = 'township') x GROUP BY 1, 2`),
    ),
};
