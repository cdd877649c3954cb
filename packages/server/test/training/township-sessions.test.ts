/** A township records its own office's training, with attendees from its staff database; coverage follows. */
import { describe, expect, it } from 'vitest';
import { as, tableDigest, testApp } from '../helpers.ts';
import { chinaToday } from '@township-office/domain/dates';

const { app, database } = await testApp();
const today = chinaToday();
const year = Number(today.slice(0, 4));

describe('a township’s training session', () => {
  it('records a session with its own staff, who then show it as their last training', async () => {
    const clerk = await as(app, 'town02.clerk');
    const orgId = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id;
    const staff = (await clerk.get(`/api/personnel/staff?orgId=${orgId}&status=active`)).json().items as { id: string; name: string }[];
    expect(staff.length).toBeGreaterThanOrEqual(2);
    const before = (await clerk.get(`/api/training/coverage?year=${year}&orgId=${orgId}`)).json().people;
    expect(before.every((p: { lastTrained: string | null }) => p.lastTrained !== today)).toBe(true);
    const res = await clerk.post('/api/training/sessions', {
      heldOn: today,
      topic: '公文格式与处理程序',
      organiser: '东坪镇党政办',
      materials: 'GB/T 9704 讲义',
      staffIds: staff.map((s) => s.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await clerk.get(`/api/training/coverage?year=${year}&orgId=${orgId}`)).json().people;
    expect(after.map((p: { lastTrained: string }) => p.lastTrained)).toEqual(staff.map(() => today));
    const mine = (await clerk.get(`/api/training/sessions?year=${year}`)).json().items;
    expect(mine.find((s: { id: string }) => s.id === res.json().id)).toMatchObject({ orgName: '东坪镇', staffAttendees: staff.length });
    // The county's sessions are everyone's; another township's are not.
    expect(mine.some((s: { orgName: string }) => s.orgName === '中共清溪县委办公室')).toBe(true);
    const other = (await (await as(app, 'town03.clerk')).get(`/api/training/sessions?year=${year}`)).json().items;
    expect(other.map((s: { id: string }) => s.id)).not.toContain(res.json().id);
    const county = (await (await as(app, 'county.admin')).get(`/api/training/sessions?year=${year}`)).json().items;
    expect(county.map((s: { id: string }) => s.id)).toContain(res.json().id);
  });

  it('refuses another township’s person as an attendee, without naming a record id, writing nothing', async () => {
    const clerk = await as(app, 'town02.clerk');
    const stranger = (await (await as(app, 'town04.clerk')).get('/api/personnel/staff?status=active')).json().items[0];
    const before = await tableDigest(database);
    const res = await clerk.post('/api/training/sessions', {
      heldOn: today,
      topic: '信息报送培训',
      organiser: '东坪镇党政办',
      staffIds: [stranger.id],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TRAINING_ATTENDEE_UNKNOWN');
    expect(res.json().error.message).not.toContain(stranger.id);
    expect(await tableDigest(database)).toBe(before);
  });

  it('is the office staff’s and the county’s to record: a township leader gets 403; a bad payload a 400 naming the field', async () => {
    const leader = await as(app, 'town02.leader');
    expect((await leader.post('/api/training/sessions', { heldOn: today, topic: '培训', organiser: '党政办' })).statusCode).toBe(403);
    const clerk = await as(app, 'town02.clerk');
    const bad = await clerk.post('/api/training/sessions', { heldOn: '2026-02-30', topic: '训', organiser: '党政办' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/heldOn|topic/);
    expect(bad.json().error.message).not.toMatch(/Invalid|expected/);
  });
});
