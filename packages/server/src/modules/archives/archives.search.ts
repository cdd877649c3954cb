/** Archive items (title and 档号) for search. */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchSource } from '../../platform/search-text.ts';

export const archivesSearch: SearchSource = {
  module: 'archives',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; title: string; archival_code: string }>(
      sql`SELECT id, org_id, year, title, archival_code FROM archive_items ${onlyIds('id', ids)}`,
    );
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: null,
      title: x.title,
      body: x.archival_code,
      href: '/archives/catalogue',
    }));
  },
};
