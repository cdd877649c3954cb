/** Info items (信息报送) for search: title and text, under the submitting org. */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchSource } from '../../platform/search-text.ts';

export const informationSearch: SearchSource = {
  module: 'information',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; status: string; title: string; content: string }>(sql`
      SELECT id, org_id, extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::int AS year, status, title, content FROM info_items ${onlyIds('id', ids)}`);
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: x.status,
      title: x.title,
      body: x.content,
      href: '/information/submissions',
    }));
  },
};
