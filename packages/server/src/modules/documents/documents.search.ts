/** The documents registers for search: outgoing (title, number, body, opinions) and incoming (title, number, sender, body, opinions). */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchDoc, type SearchSource } from '../../platform/search-text.ts';

type Row = { id: string; org_id: string; year: number | null; status: string; title: string; body: string | null };
const toDoc =
  (href: (id: string) => string) =>
  (r: Row): SearchDoc => ({
    recordId: r.id,
    orgId: r.org_id,
    year: r.year === null ? null : Number(r.year),
    status: r.status,
    title: r.title,
    body: r.body ?? '',
    href: href(r.id),
  });

export const outgoingSearch: SearchSource = {
  module: 'outgoing',
  async docs(db, ids) {
    const r = await db.execute<Row>(sql`
      SELECT id, org_id, COALESCE(number_year, extract(year FROM drafted_at AT TIME ZONE 'Asia/Shanghai')::int) AS year, status, title,
             concat_ws(' ', doc_number, body, review_comment, sign_off_opinion, attachment_note) AS body
      FROM documents ${onlyIds('id', ids)}`);
    return r.rows.map(toDoc((id) => `/documents/outgoing/${id}`));
  },
};

export const incomingSearch: SearchSource = {
  module: 'incoming',
  async docs(db, ids) {
    const r = await db.execute<Row>(sql`
      SELECT i.id, i.org_id, i.serial_year AS year, i.status, i.title,
             concat_ws(' ', i.doc_number, i.sender_name, i.serial, COALESCE(i.body, d.body), i.proposal, i.instruction, i.result, i.reply) AS body
      FROM incoming i LEFT JOIN documents d ON d.id = i.document_id ${onlyIds('i.id', ids)}`);
    return r.rows.map(toDoc((id) => `/documents/incoming/${id}`));
  },
};
