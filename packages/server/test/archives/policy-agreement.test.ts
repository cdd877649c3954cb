/**
 * The buttons and the guard agree: for filed items (free and on loan) and loans (open and
 * returned), each demo role's offered actions are accepted by the service and hidden ones refused.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import type { Db } from '../../src/db/client.ts';
import { systemContext, type Actor } from '../../src/platform/context.ts';
import { archiveItemPolicy, archiveLoanPolicy } from '../../src/modules/archives/archives.policy.ts';
import * as archives from '../../src/modules/archives/archives.service.ts';
import * as registers from '../../src/modules/archives/archives.register.service.ts';
import { as, testApp } from '../helpers.ts';
import { expectPolicyAgreement, type AgreementCase } from '../support/policy-agreement.ts';

const { app, database } = await testApp();
const db = database.db as Db;
const usernames = ['town03.clerk', 'town03.leader', 'town04.clerk', 'county.clerk', 'county.leader'] as const;
type Username = (typeof usernames)[number];

const r = await db.execute<{ id: string; username: string; display_name: string; role: Actor['role']; org_id: string }>(
  sql`SELECT id, username, display_name, role, org_id FROM users WHERE username IN (${sql.join(
    usernames.map((u) => sql`${u}`),
    sql`, `,
  )})`,
);
const actors = new Map<string, Actor>(
  r.rows.map((u) => [u.username, { userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id }]),
);
const clients = new Map<Username, Awaited<ReturnType<typeof as>>>();
for (const u of usernames) clients.set(u, await as(app, u));
const year = Number(chinaToday().slice(0, 4));

interface Rec {
  id: string;
  who: Username;
}

describe('archives: allowedActions agree with the service', () => {
  it('items and loans in every state, for every demo role', async () => {
    const clerk = clients.get('town03.clerk')!;
    const config = await clerk.put('/api/archives/config', {
      fondsCode: 'Z103',
      scheme: 'unit',
      classes: [{ kind: 'unit', code: 'BGS', name: '办公室' }],
    });
    expect(config.statusCode, config.body).toBe(200);
    const file = async (title: string) => {
      const res = await clerk.post('/api/archives/items', {
        retention: 'Y',
        classCode: 'BGS',
        source: { kind: 'manual', year, responsible: '乡人民政府', title, date: `${year}-03-01`, pages: 2 },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const lend = async (itemId: string) => {
      const res = await clerk.post('/api/archives/loans', { itemId, borrower: '张三', purpose: '查阅', dueOn: '2099-01-15' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const free = await file('关于春季植树的通知');
    const lent = await file('关于防汛值班的通知');
    const openLoan = await lend(lent);
    const returnedItem = await file('关于秋季征兵的通知');
    const returnedLoan = await lend(returnedItem);
    expect((await clerk.post(`/api/archives/loans/${returnedLoan}/return`)).statusCode).toBe(200);

    const itemCases: AgreementCase<Rec>[] = [];
    const loanCases: AgreementCase<Rec>[] = [];
    for (const who of usernames) {
      const c = clients.get(who)!;
      for (const [state, id] of Object.entries({ free, 'on loan': lent })) {
        const res = await c.get(`/api/archives/items/${id}`);
        itemCases.push({
          label: `${who} on ${state} item`,
          record: { id, who },
          offered: res.statusCode === 200 ? res.json().allowedActions : [],
        });
      }
      const loans = (await c.get('/api/archives/loans')).json().items as { id: string; allowedActions: string[] }[];
      for (const [state, id] of Object.entries({ open: openLoan, returned: returnedLoan }))
        loanCases.push({
          label: `${who} on ${state} loan`,
          record: { id, who },
          offered: loans.find((l) => l.id === id)?.allowedActions ?? [],
        });
    }
    const ctxOf = (rec: Rec) => systemContext(actors.get(rec.who)!);

    await expectPolicyAgreement({
      db,
      actions: archiveItemPolicy.actions,
      cases: itemCases,
      attempt: (tx, rec, action) => {
        const ctx = ctxOf(rec);
        if (action === 'annotate') return archives.annotate(tx, ctx, rec.id, { note: '题名有误，应为“关于春季植树活动的通知”' });
        if (action === 'lend')
          return registers.lend(tx, ctx, { itemId: rec.id, borrower: '李四', purpose: '查阅', dueOn: '2099-02-01' }, chinaToday());
        if (action === 'edit') return archives.refuseEdit(tx, ctx, rec.id);
        throw new Error(`no attempt for ${action}`);
      },
    });
    await expectPolicyAgreement({
      db,
      actions: archiveLoanPolicy.actions,
      cases: loanCases,
      attempt: (tx, rec, action) => {
        if (action === 'return') return registers.returnLoan(tx, ctxOf(rec), rec.id);
        throw new Error(`no attempt for ${action}`);
      },
    });
  });
});
