/** Work-environment figures the dashboard reads, over environment's own tables only. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];

/** Current post assignments (the caller keeps those whose holder is still active in that township). */
export const currentPosts = (db: DbOrTx) =>
  rows<{ org_id: string; post: string; staff_id: string }>(
    db.execute(sql`SELECT org_id, post, staff_id FROM post_assignments WHERE until IS NULL`),
  );

export const roomsInUse = (db: DbOrTx) =>
  rows<{ org_id: string; n: number }>(
    db.execute(sql`SELECT org_id, count(*) FILTER (WHERE status <> 'missing')::int AS n FROM rooms GROUP BY org_id`),
  );

export const equipmentByOrg = (db: DbOrTx) =>
  rows<{ org_id: string; computers: number; printers: number; doc_system_access: boolean }>(
    db.execute(sql`SELECT org_id, computers, printers, doc_system_access FROM equipment`),
  );

export const rulesInForce = (db: DbOrTx) =>
  rows<{ org_id: string; n: number }>(
    db.execute(sql`SELECT org_id, count(DISTINCT kind)::int AS n FROM township_rules WHERE state = 'in_force' GROUP BY org_id`),
  );

export const ruleAcknowledgementCounts = (db: DbOrTx) =>
  rows<{ org_id: string; n: number; docs: number }>(
    db.execute(sql`SELECT a.org_id, count(*)::int AS n, (SELECT count(*) FROM rule_documents WHERE state = 'in_force')::int AS docs
        FROM rule_acknowledgements a JOIN rule_documents d ON d.id = a.document_id AND d.state = 'in_force' GROUP BY a.org_id`),
  );

export const ruleDocumentCount = (db: DbOrTx) =>
  rows<{ n: number }>(db.execute(sql`SELECT count(*)::int AS n FROM rule_documents WHERE state = 'in_force'`));

export const expenseTotals = (db: DbOrTx, years: number[]) =>
  rows<{ org_id: string; year: number; amount: number }>(
    db.execute(
      sql`SELECT org_id, year, sum(amount_yuan) AS amount FROM expenses WHERE year IN (${sql.join(
        years.map((y) => sql`${y}`),
        sql`, `,
      )}) GROUP BY org_id, year`,
    ),
  );

export const expensesByCategory = (db: DbOrTx, year: number) =>
  rows<{ org_id: string; category: string; amount: number }>(
    db.execute(sql`SELECT org_id, category, amount_yuan AS amount FROM expenses WHERE year = ${year}`),
  );
