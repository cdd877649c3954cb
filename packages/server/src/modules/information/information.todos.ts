/** The information module's to-dos: for the county office, submitted info items (信息报送) waiting for its review. */
import { sql } from 'drizzle-orm';
import { roleMay } from '@township-office/domain/permissions';
import { seesAllTownships } from '@township-office/domain/roles';
import { uuidArray } from '../../db/sql.ts';
import { TODO_LIMIT, type TodoLimit, type TodoProvider } from '../../platform/todos.ts';

export const informationTodos: TodoProvider = {
  module: 'information',
  async todos(db, actor, _now, limit: TodoLimit = TODO_LIMIT) {
    if (!roleMay(actor.role, 'info.review')) return [];
    const r = await db.execute<{ id: string; title: string; org_name: string }>(sql`
      SELECT i.id, i.title, o.name AS org_name FROM info_items i JOIN orgs o ON o.id = i.org_id
      WHERE i.status = 'submitted' ORDER BY i.urgency = 'none', i.submitted_at LIMIT ${limit}`);
    return r.rows.map((x) => ({
      kind: 'info.review',
      title: x.title,
      subject: x.org_name,
      recordId: x.id,
      href: '/information/submissions',
      dueAt: null,
    }));
  },
  // 审核 has no deadline and is not news: nothing for the reminder engine to send.
  everyone: { queries: () => [] },
  entities: ['info_item'],
  async describe(db, actor, _entity, ids) {
    const r = await db.execute<{ id: string; title: string }>(
      sql`SELECT id, title FROM info_items WHERE id = ANY (${uuidArray(ids)}) AND (org_id = ${actor.orgId} OR ${seesAllTownships(actor.role)}::boolean)`,
    );
    return new Map(r.rows.map((x) => [x.id, { title: x.title, href: '/information/submissions' }]));
  },
};
