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

describe('the leader in charge, linked to the leader’s account', () => {
  it('names in the demo the same person as the township’s leader account (城关镇: one person, one record)', async () => {
    const admin = await as(app, 'county.admin');
    const leaders = (await admin.get('/api/personnel/leaders')).json().items as { orgName: string; name: string; username: string }[];
    expect(leaders).toHaveLength(18);
    const names = await database.pool.query(`SELECT username, display_name FROM users WHERE username LIKE 'town%.leader'`);
    const byUser = new Map(names.rows.map((r: { username: string; display_name: string }) => [r.username, r.display_name]));
    for (const l of leaders) expect(l.name, l.orgName).toBe(byUser.get(l.username));
    expect(leaders.find((l) => l.orgName === '城关镇')!.username).toBe('town01.leader');
  });

  it('records a change to another account of the township, keeping the previous leader as history', async () => {
    const admin = await as(app, 'county.admin');
    const orgId = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T06'`)).rows[0].id;
    // A second leader account in the township: the newly appointed member.
    const other = await database.pool.query(
      `INSERT INTO users (username, display_name, org_id, role, password_hash) VALUES ('town06.leader2', '韩志远', $1, 'leader_in_charge', 'x') RETURNING id`,
      [orgId],
    );
    const candidates = (await admin.get(`/api/personnel/leaders/candidates?orgId=${orgId}`)).json().items;
    expect(candidates.map((c: { displayName: string }) => c.displayName)).toContain('韩志远');
    const res = await admin.post('/api/personnel/leaders', {
      orgId,
      userId: other.rows[0].id,
      position: '党委委员、党政办主任',
      since: daysAgo(2),
      familiar: true,
      basis: '曾任党政办主任两年',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '韩志远', userId: other.rows[0].id, until: null });
    const hist = (await admin.get(`/api/personnel/leaders?orgId=${orgId}&history=true`)).json().items;
    expect(hist[0]).toMatchObject({ name: '韩志远', until: null });
    expect(hist[1]).toMatchObject({ username: 'town06.leader', until: daysAgo(2) });
  });

  it('refuses an account that is not one of the township’s leaders, writing nothing; a township clerk may not list them', async () => {
    const admin = await as(app, 'county.admin');
    const orgId = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T07'`)).rows[0].id;
    const stranger = (await database.pool.query(`SELECT id FROM users WHERE username = 'town08.leader'`)).rows[0].id;
    const before = await tableDigest(database);
    const res = await admin.post('/api/personnel/leaders', {
      orgId,
      userId: stranger,
      position: '党委委员',
      since: daysAgo(1),
      familiar: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LEADER_ACCOUNT_INVALID');
    const neither = await admin.post('/api/personnel/leaders', { orgId, position: '党委委员', since: daysAgo(1), familiar: false });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.message).toContain('请选择分管领导的账号或填写姓名');
    expect(await tableDigest(database)).toBe(before);
    const clerk = await as(app, 'town07.clerk');
    expect((await clerk.get(`/api/personnel/leaders/candidates?orgId=${orgId}`)).statusCode).toBe(403);
  });
});
