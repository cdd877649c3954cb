/**
 * Petitions for search: the subject and the case number only. The letter's text, the petitioners'
 * names, ID numbers and phones stay out of the index (who may see them is the petition page's rule).
 */
import { sql } from 'drizzle-orm';
import { onlyIds, type SearchSource } from '../../platform/search-text.ts';
import { petitionSerial } from './reception.presenter.ts';

export const petitionsSearch: SearchSource = {
  module: 'petitions',
  async docs(db, ids) {
    const r = await db.execute<{ id: string; org_id: string; year: number; seq: number; status: string; subject: string }>(
      sql`SELECT id, org_id, year, seq, status, subject FROM petitions ${onlyIds('id', ids)}`,
    );
    return r.rows.map((x) => ({
      recordId: x.id,
      orgId: x.org_id,
      year: Number(x.year),
      status: x.status,
      title: x.subject,
      body: petitionSerial(x),
      href: `/reception/petitions/${x.id}`,
    }));
  },
};
