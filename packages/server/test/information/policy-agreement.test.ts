/**
 * The information policies drive both the buttons and the guard: for every actor and every record
 * state, each action the API offers in `allowedActions` is accepted by the service, and each one it
 * hides is refused with a 4xx.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ADOPTION_LEVELS } from '@township-office/domain/information';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { addAdoption, reviewItem, withdrawItem } from '../../src/modules/information/information.service.ts';
import { evaluateReport } from '../../src/modules/information/research.service.ts';
import { infoReportPolicy, researchReportPolicy } from '../../src/modules/information/information.policy.ts';
import { as, testApp } from '../helpers.ts';
import { expectPolicyAgreement, type AgreementCase } from '../support/policy-agreement.ts';

const { app, database } = await testApp();
const db = database.db;
const USERS = ['town05.clerk', 'town06.clerk', 'county.clerk', 'county.admin'] as const;
const clients = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await as(app, u)] as const)));

async function actorOf(username: string): Promise<Actor> {
  const { rows } = await db.execute<{ id: string; display_name: string; role: Actor['role']; org_id: string }>(
    sql`select id, display_name, role, org_id from users where username = ${username}`,
  );
  const r = rows[0]!;
  return { userId: r.id, username, displayName: r.display_name, role: r.role, orgId: r.org_id };
}
const actors = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await actorOf(u)] as const)));
const ctxOf = (username: string): RequestContext => ({ actor: actors[username]!, ip: null, requestId: 'policy', locale: 'zh-CN' });

async function submitted(title: string) {
  const res = await clients['town05.clerk']!.post('/api/info/items', {
    title,
    content: '今日上午，镇防汛指挥部组织开展防汛应急演练，参演人员120余人。',
    kind: 'news',
    urgency: 'none',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('information policy agreement', () => {
  it('info reports: offered ⇒ accepted, hidden ⇒ refused, in every state for every actor', async () => {
    const county = clients['county.clerk']!;
    const open = await submitted('待审核的信息');
    const adopted = await submitted('已部分采用的信息');
    await county.post(`/api/info/items/${adopted}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    const full = await submitted('各级均已采用的信息');
    await county.post(`/api/info/items/${full}/review`, { decision: 'adopt', levels: [...ADOPTION_LEVELS] });
    const rejected = await submitted('未采用的信息');
    await county.post(`/api/info/items/${rejected}/review`, { decision: 'reject', note: '内容较为常规，暂不采用。' });
    const withdrawn = await submitted('已撤回的信息');
    await clients['town05.clerk']!.post(`/api/info/items/${withdrawn}/withdraw`);

    type Rec = { user: string; id: string; levels: string[] };
    const cases: AgreementCase<Rec>[] = [];
    for (const user of USERS) {
      for (const id of [open, adopted, full, rejected, withdrawn]) {
        const res = await clients[user]!.get(`/api/info/items/${id}`);
        const body = res.statusCode === 200 ? res.json() : null;
        const levels = ((await county.get(`/api/info/items/${id}`)).json().adoptions as { level: string }[]).map((a) => a.level);
        cases.push({
          label: `${user} on ${id.slice(0, 8)} (${body?.status ?? res.statusCode})`,
          record: { user, id, levels },
          offered: body?.allowedActions ?? [],
        });
      }
    }
    await expectPolicyAgreement({
      db,
      actions: infoReportPolicy.actions,
      cases,
      attempt: (tx, r, action) => {
        const ctx = ctxOf(r.user);
        const freeLevel = ADOPTION_LEVELS.find((l) => !r.levels.includes(l)) ?? ADOPTION_LEVELS[0];
        if (action === 'withdraw') return withdrawItem(tx, ctx, r.id);
        if (action === 'review') return reviewItem(tx, ctx, r.id, { decision: 'adopt', levels: [freeLevel] });
        return addAdoption(tx, ctx, r.id, { level: freeLevel });
      },
    });
  });

  it('research reports: evaluate is offered exactly when the service accepts it', async () => {
    const county = clients['county.clerk']!;
    const topic = await county.post('/api/research/topics', { title: '乡村振兴调研', description: '', deadline: '2099-12-31' });
    expect(topic.statusCode, topic.body).toBe(201);
    const topicId = topic.json().id as string;
    const report = await clients['town05.clerk']!.post(`/api/research/topics/${topicId}/reports`, {
      title: '东坪镇乡村振兴调研报告',
      content: '本镇围绕产业发展、人才培育开展调研，形成如下报告。',
    });
    expect(report.statusCode, report.body).toBe(201);
    const graded = await clients['town06.clerk']!.post(`/api/research/topics/${topicId}/reports`, {
      title: '西岭镇乡村振兴调研报告',
      content: '本镇围绕产业发展、人才培育开展调研，形成如下报告。',
    });
    await county.post(`/api/research/reports/${graded.json().id}/evaluate`, { grade: 'good', comment: '调研扎实。' });

    type Rec = { user: string; id: string };
    const cases: AgreementCase<Rec>[] = [];
    for (const user of USERS) {
      for (const id of [report.json().id as string, graded.json().id as string]) {
        const res = await clients[user]!.get(`/api/research/reports/${id}`);
        cases.push({
          label: `${user} on ${id.slice(0, 8)}`,
          record: { user, id },
          offered: res.statusCode === 200 ? res.json().allowedActions : [],
        });
      }
    }
    await expectPolicyAgreement({
      db,
      actions: researchReportPolicy.actions,
      cases,
      attempt: (tx, r) => evaluateReport(tx, ctxOf(r.user), r.id, { grade: 'pass', comment: '符合要求。' }),
    });
  });
});
