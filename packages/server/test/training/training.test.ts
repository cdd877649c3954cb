import { describe, expect, it } from 'vitest';
import { as, tableDigest, testApp } from '../helpers.ts';
import { chinaYear } from '@township-office/domain/dates';

const { app, database } = await testApp();
const year = chinaYear();

describe('training coverage', () => {
  it('counts everyone trained at least once in three years and lists the never-trained', async () => {
    const admin = await as(app, 'county.admin');
    const cov = (await admin.get(`/api/training/coverage?year=${year}`)).json();
    expect(cov.total).toBe(42);
    expect(cov.trained).toBe(42);
    expect(cov.neverTrained).toEqual([]);
    // Five years on, the three sessions fall out of the window and everyone is listed as never trained.
    const later = (await admin.get(`/api/training/coverage?year=${year + 5}`)).json();
    expect(later.trained).toBe(0);
    expect(later.neverTrained).toHaveLength(42);
    expect((await admin.get(`/api/training/sessions?year=${year}`)).json().items).toHaveLength(3);
  });

  it('records a session with its attendees and refuses an unknown attendee', async () => {
    const admin = await as(app, 'county.admin');
    const staff = (await admin.get('/api/personnel/staff')).json().items.slice(0, 3);
    const ok = await admin.post('/api/training/sessions', {
      heldOn: `${year}-06-01`,
      topic: '保密工作专题培训',
      organiser: '县委办秘书科',
      staffIds: staff.map((s: { id: string }) => s.id),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const before = await tableDigest(database);
    const bad = await admin.post('/api/training/sessions', {
      heldOn: `${year}-06-02`,
      topic: '专题培训',
      organiser: '县委办',
      staffIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(bad.statusCode).toBe(422);
    expect(await tableDigest(database)).toBe(before);
  });
});

describe('rotation planner', () => {
  it('proposes the longest-waiting cadres, one per township, and the county confirms and evaluates them', async () => {
    const admin = await as(app, 'county.admin');
    const proposal = (await admin.get(`/api/training/rotations/proposal?year=${year + 1}&quarter=1`)).json();
    expect(proposal.candidates).toHaveLength(3);
    const orgs = new Set(proposal.candidates.map((c: { orgId: string }) => c.orgId));
    expect(orgs.size).toBe(3);
    for (const c of proposal.candidates) expect(c.townshipStaffCount).toBeGreaterThanOrEqual(2);
    // Nobody outside the proposal waited longer than the proposed.
    const all = (await admin.get('/api/training/rotations')).json().items;
    const lastOf = (id: string) =>
      all
        .filter((r: { staffId: string }) => r.staffId === id)
        .map((r: { periodStart: string }) => r.periodStart)
        .sort()
        .pop() ?? null;
    const proposedLast = proposal.candidates.map((c: { staffId: string }) => lastOf(c.staffId));
    const staff = (await admin.get('/api/personnel/staff?status=active')).json().items;
    const neverRotated = staff.filter((s: { id: string }) => lastOf(s.id) === null);
    if (neverRotated.length >= 3) expect(proposedLast).toEqual([null, null, null]);

    const confirmed = await admin.post('/api/training/rotations', {
      year: year + 1,
      quarter: 1,
      staffIds: proposal.candidates.map((c: { staffId: string }) => c.staffId),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const rot = confirmed.json().items[0];
    expect(rot).toMatchObject({ state: 'confirmed', periodStart: `${year + 1}-01-01`, periodEnd: `${year + 1}-03-31` });
    const full = await admin.post('/api/training/rotations', { year: year + 1, quarter: 1, staffIds: [staff[0].id] });
    expect(full.statusCode).toBe(409);
    const done = await admin.post(`/api/training/rotations/${rot.id}/complete`, {
      topics: ['documents_meetings', 'duty_petitions'],
      evaluation: '熟悉了办文办会流程',
      rating: 'good',
    });
    expect(done.json()).toMatchObject({ state: 'completed', topics: ['documents_meetings', 'duty_petitions'] });
    expect(
      (await admin.post(`/api/training/rotations/${rot.id}/complete`, { topics: ['follow_up'], evaluation: '再次登记', rating: 'good' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a rotation for someone with no filed record, writing nothing', async () => {
    const admin = await as(app, 'county.admin');
    const before = await tableDigest(database);
    const res = await admin.post('/api/training/rotations', {
      year: year + 1,
      quarter: 2,
      staffIds: ['00000000-0000-4000-8000-000000000002'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ROTATION_STAFF_NOT_FILED');
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses two cadres of one township in a quarter, and the planner is the county’s', async () => {
    const admin = await as(app, 'county.admin');
    const staff = (await admin.get('/api/personnel/staff?status=active')).json().items;
    const orgId = staff[0].orgId;
    const two = staff
      .filter((s: { orgId: string }) => s.orgId === orgId)
      .slice(0, 2)
      .map((s: { id: string }) => s.id);
    const res = await admin.post('/api/training/rotations', { year: year + 1, quarter: 3, staffIds: two });
    expect(res.statusCode).toBe(422);
    expect((await (await as(app, 'town01.clerk')).get(`/api/training/rotations/proposal?year=${year}&quarter=1`)).statusCode).toBe(403);
  });
});
