/** Minutes (title and agenda text) and follow-ups (the decision) for search. */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchSource } from '../../platform/search-text.ts';

export const meetingsSearch: SearchSource = {
  module: 'meetings',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; status: string; title: string; body: string }>(sql`
      SELECT id, org_id, extract(year FROM starts_at AT TIME ZONE 'Asia/Shanghai')::int AS year, status, title,
             COALESCE((SELECT string_agg(v, ' ') FROM jsonb_path_query(items, 'strict $.**') AS j(x), LATERAL (SELECT x #>> '{}' AS v) s
                       WHERE jsonb_typeof(x) = 'string'), '') AS body
      FROM meetings ${onlyIds('id', ids)}`);
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: x.status,
      title: x.title,
      body: x.body,
      href: `/meetings/${x.id}`,
    }));
  },
};

export const followUpsSearch: SearchSource = {
  module: 'followUps',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; status: string; title: string; body: string }>(sql`
      SELECT id, org_id, extract(year FROM deadline)::int AS year, status, decision_text AS title, concat_ws(' ', owner_name, owner_unit, result) AS body
      FROM follow_ups ${onlyIds('id', ids)}`);
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: x.status,
      title: x.title,
      body: x.body,
      href: '/meetings/follow-ups',
    }));
  },
};
