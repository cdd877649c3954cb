/** Duty log entries (content and handling) for search; the caller's name and phone stay out. */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchSource } from '../../platform/search-text.ts';

export const dutySearch: SearchSource = {
  module: 'duty',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; content: string; body: string }>(sql`
      SELECT id, org_id, extract(year FROM day)::int AS year, content, concat_ws(' ', caller_unit, handling, result) AS body FROM duty_log_entries ${onlyIds('id', ids)}`);
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: null,
      title: x.content.slice(0, 80),
      body: `${x.content} ${x.body}`,
      href: '/duty/log',
    }));
  },
};
