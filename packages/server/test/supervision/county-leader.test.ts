/** The county office's leader in charge (county.leader) reads the county dashboard and the supervision pages, and writes none of them. */
import { describe, expect, it } from 'vitest';
import { as, tableDigest, testApp } from '../helpers.ts';
import { chinaYear } from '@township-office/domain/dates';

const { app, database } = await testApp();
const year = chinaYear();

describe('county.leader', () => {
  it('is offered supervision, and reads the dashboard, a township’s standing and the team and environment lists', async () => {
    const leader = await as(app, 'county.leader');
    expect((await leader.get('/api/me')).json().allowedActions).toContain('supervision.read');
    const dash = await leader.get(`/api/dashboard/county?year=${year}`);
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().rows).toHaveLength(18);
    const town = dash.json().rows[0].orgId;
    expect((await leader.get(`/api/dashboard/townships/${town}?year=${year}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/dashboard/county/charts?year=${year}`)).statusCode).toBe(200);
    const staff = (await leader.get('/api/personnel/staff?status=active')).json().items;
    expect(staff).toHaveLength(42);
    // Read, masked, without the reveal: ID numbers are for those who manage filing.
    expect(
      staff.every((s: { idNumber: string; allowedActions: string[] }) => /\*{8}/.test(s.idNumber) && s.allowedActions.length === 0),
    ).toBe(true);
    expect((await leader.get('/api/personnel/leaders')).json().items).toHaveLength(18);
    expect((await leader.get(`/api/training/coverage?year=${year}`)).json().total).toBe(42);
    expect((await leader.get('/api/environment/rooms')).json().items.length).toBe(54);
    expect((await leader.get(`/api/environment/expenses?year=${year}`)).json().townships).toHaveLength(18);
  });

  it('writes nothing there: assigning a leader, confirming a rotation, revealing an ID number are refused', async () => {
    const leader = await as(app, 'county.leader');
    const before = await tableDigest(database);
    const orgId = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id;
    const assign = await leader.post('/api/personnel/leaders', {
      orgId,
      name: '某某某',
      position: '党委委员',
      since: `${year}-01-02`,
      familiar: false,
    });
    expect(assign.statusCode).toBe(403);
    const staffId = (await leader.get('/api/personnel/staff')).json().items[0].id;
    // The reveal follows the business records' own scope, where another township's person does not exist.
    expect((await leader.post(`/api/personnel/staff/${staffId}/reveal`)).statusCode).toBe(404);
    expect((await leader.post('/api/training/rotations', { year, quarter: 4, staffIds: [staffId] })).statusCode).toBe(403);
    expect(await tableDigest(database)).toBe(before);
  });

  it('is the county office’s seat, not the role: a township’s leader in charge still gets 403 on the county dashboard', async () => {
    const town = await as(app, 'town01.leader');
    expect((await town.get('/api/me')).json().allowedActions).not.toContain('supervision.read');
    expect((await town.get(`/api/dashboard/county?year=${year}`)).statusCode).toBe(403);
    const other = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id;
    expect((await town.get(`/api/personnel/staff?orgId=${other}`)).statusCode).toBe(404);
  });
});
