/** Staff filings of every kind, and the rule that a filing changes only the particulars it names. */
import { describe, expect, it } from 'vitest';
import { CHANGEABLE_PARTICULARS } from '@township-office/domain/personnel';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The stored row, every column (the API masks the ID number). */
async function staffRow(id: string): Promise<Record<string, unknown>> {
  const r = await database.pool.query(
    `SELECT id, org_id, id_number, name, gender, birth_date::text, ethnicity, political_status, education, major, post,
            office_role, phone, start_date::text, status, left_on::text, designation_reason FROM staff WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}
const COLUMN: Record<(typeof CHANGEABLE_PARTICULARS)[number], string> = {
  name: 'name',
  gender: 'gender',
  birthDate: 'birth_date',
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  education: 'education',
  major: 'major',
  post: 'post',
  officeRole: 'office_role',
  phone: 'phone',
  startDate: 'start_date',
};
/** A value different from the stored one, valid for the field. */
function changed(key: (typeof CHANGEABLE_PARTICULARS)[number], current: unknown): string {
  switch (key) {
    case 'gender':
      return current === 'male' ? 'female' : 'male';
    case 'politicalStatus':
      return current === 'masses' ? 'cpc_member' : 'masses';
    case 'education':
      return current === 'postgraduate' ? 'bachelor' : 'postgraduate';
    case 'birthDate':
      return current === '1985-03-04' ? '1985-03-05' : '1985-03-04';
    case 'startDate':
      return current === '2015-06-01' ? '2015-06-02' : '2015-06-01';
    case 'phone':
      return current === '0745-2999999' ? '0745-2888888' : '0745-2999999';
    default:
      return `${String(current).slice(0, 10)}改`;
  }
}

describe('a change of particulars (信息变更)', () => {
  it('changes only the field it names: for each particular in turn, every other field survives the filing', async () => {
    const clerk = await as(app, 'town03.clerk');
    const county = await as(app, 'county.clerk');
    const person = (await clerk.get('/api/personnel/staff?status=active')).json().items[0];
    // The demo's people have a major; the bug erased it on any change.
    expect((await staffRow(person.id)).major).not.toBe('');
    for (const key of CHANGEABLE_PARTICULARS) {
      const before = await staffRow(person.id);
      const value = changed(key, before[COLUMN[key]]);
      const filed = await clerk.post('/api/personnel/filings', {
        kind: 'particulars',
        changeDate: daysAgo(1),
        staffId: person.id,
        particulars: { [key]: value },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json().particulars).toEqual({ [key]: value });
      const ack = await county.post(`/api/personnel/filings/${filed.json().id}/decision`, { decision: 'acknowledge' });
      expect(ack.statusCode, ack.body).toBe(200);
      const after = await staffRow(person.id);
      expect(after, key).toEqual({ ...before, [COLUMN[key]]: value });
    }
  });

  it('refuses a change that names no particular, writing nothing, with a message naming what to do', async () => {
    const clerk = await as(app, 'town04.clerk');
    const person = (await clerk.get('/api/personnel/staff?status=active')).json().items[0];
    const before = await tableDigest(database);
    const res = await clerk.post('/api/personnel/filings', {
      kind: 'particulars',
      changeDate: daysAgo(1),
      staffId: person.id,
      particulars: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('至少填写一项');
    expect(await tableDigest(database)).toBe(before);
  });
});
