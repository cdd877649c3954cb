/**
 * The personnel module's to-dos: for the county office, staff filings (人员备案) waiting for its
 * acknowledgement, county-wide as its filing list shows them; for a township's office staff, its
 * filings the county returned for correction.
 */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { TODO_LIMIT, type TodoLimit, type Todo, type TodoProvider } from '../../platform/todos.ts';

const KIND_ZH: Record<string, string> = {
  join: '新进人员备案',
  leave: '调离人员备案',
  transfer: '调动人员备案',
  particulars: '信息变更备案',
};

/** KIND_ZH as a CASE over f.kind, for the set-based query. */
const KIND_SQL = `CASE f.kind ${Object.entries(KIND_ZH)
  .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
  .join(' ')} END`;

type Row = { id: string; kind: string; name: string | null; org_name: string };

export const personnelTodos: TodoProvider = {
  module: 'personnel',
  async todos(db, actor, _now, limit: TodoLimit = TODO_LIMIT) {
    const title = (x: Row) => `${KIND_ZH[x.kind] ?? x.kind}${x.name ? `：${x.name}` : ''}`;
    const out: Todo[] = [];
    if (roleMay(actor.role, 'personnel.acknowledge')) {
      const r = await db.execute<Row>(sql`
        SELECT f.id, f.kind, COALESCE(s.name, f.particulars->>'name') AS name, o.name AS org_name
        FROM staff_filings f JOIN orgs o ON o.id = f.org_id LEFT JOIN staff s ON s.id = f.staff_id
        WHERE f.state = 'submitted' ORDER BY f.filed_at LIMIT ${limit}`);
      for (const x of r.rows)
        out.push({
          kind: 'filing.acknowledge',
          title: title(x),
          subject: x.org_name,
          recordId: x.id,
          href: '/supervision/team',
          dueAt: null,
        });
    }
    if (roleMay(actor.role, 'personnel.file')) {
      const r = await db.execute<Row>(sql`
        SELECT f.id, f.kind, COALESCE(s.name, f.particulars->>'name') AS name, o.name AS org_name
        FROM staff_filings f JOIN orgs o ON o.id = f.org_id LEFT JOIN staff s ON s.id = f.staff_id
        WHERE f.org_id = ${actor.orgId} AND f.state = 'returned'
          AND NOT EXISTS (SELECT 1 FROM staff_filings n WHERE n.org_id = f.org_id AND n.staff_id = f.staff_id AND n.filed_at > f.filed_at)
        ORDER BY f.decided_at DESC LIMIT ${limit}`);
      for (const x of r.rows)
        out.push({ kind: 'filing.returned', title: title(x), subject: null, recordId: x.id, href: '/supervision/my-office', dueAt: null });
    }
    return out;
  },
  everyone: {
    // Only a filing returned for correction is an event (news); the county's 备案 to acknowledge has no deadline.
    queries: (s) => [
      sql`SELECT p.user_id, p.org_id, p.role, 'filing.returned' AS todo_kind, f.id AS record_id,
                 COALESCE(${sql.raw(KIND_SQL)}, f.kind) || COALESCE('：' || COALESCE(st.name, f.particulars->>'name'), '') AS title,
                 NULL::text AS subject, '/supervision/my-office' AS href, NULL::timestamptz AS due_at, true AS news
          FROM staff_filings f LEFT JOIN staff st ON st.id = f.staff_id JOIN ${s.people('personnel.file')} p ON p.org_id = f.org_id
          WHERE f.state = 'returned' AND ${s.changedSince(['staff_filing'], sql`f.id`)}
            AND NOT EXISTS (SELECT 1 FROM staff_filings n WHERE n.org_id = f.org_id AND n.staff_id = f.staff_id AND n.filed_at > f.filed_at)`,
    ],
  },
};
