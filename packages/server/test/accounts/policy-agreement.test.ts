/**
 * The account policy (三员分立) drives both the users page's buttons and the guard: every action
 * `/api/users` offers on an account is accepted by users.service, every hidden one is refused (4xx).
 */
import { sql } from 'drizzle-orm';
import { describe, it } from 'vitest';
import { BUSINESS_ROLES, roleFitsOrg, type BusinessRole } from '@township-office/domain/roles';
import { assignRole, resetPassword, resetSecondFactor, setUserDisabled, unlockUser } from '../../src/modules/accounts/users.service.ts';
import { userPolicy } from '../../src/modules/accounts/accounts.policy.ts';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { as, testApp } from '../helpers.ts';
import { expectPolicyAgreement, type AgreementCase } from '../support/policy-agreement.ts';

const { app, database } = await testApp();
const db = database.db;
const ACTORS = ['sysadmin', 'secadmin', 'auditor', 'county.admin'] as const;
const TARGETS = ['town01.clerk', 'county.clerk', 'auditor', 'sysadmin', 'secadmin'] as const;

type UserFacts = Actor & { orgKind: 'county' | 'county_office' | 'township' | 'county_department' };
async function userFacts(username: string): Promise<UserFacts> {
  const { rows } = await db.execute<{ id: string; display_name: string; role: Actor['role']; org_id: string; kind: UserFacts['orgKind'] }>(
    sql`select u.id, u.display_name, u.role, u.org_id, o.kind from users u join orgs o on o.id = u.org_id where u.username = ${username}`,
  );
  const r = rows[0]!;
  return { userId: r.id, username, displayName: r.display_name, role: r.role, orgId: r.org_id, orgKind: r.kind };
}

describe('accounts policy agreement', () => {
  it('user administration: offered ⇒ accepted, hidden ⇒ refused, for every administrator and target', async () => {
    const targets = await Promise.all(TARGETS.map(userFacts));
    // Two targets with an authenticator bound, so resetTotp is offered somewhere as well as hidden.
    await db.execute(
      sql`update users set totp_enabled = true, totp_secret = 'JBSWY3DPEHPK3PXP' where username in ('town01.clerk', 'county.clerk')`,
    );
    type Rec = { ctx: RequestContext; target: UserFacts };
    const cases: AgreementCase<Rec>[] = [];
    for (const username of ACTORS) {
      const actor = await userFacts(username);
      const res = await (await as(app, username)).get('/api/users');
      const listed = res.statusCode === 200 ? (res.json().items as { id: string; allowedActions: string[] }[]) : [];
      for (const target of targets) {
        cases.push({
          label: `${username} on ${target.username}`,
          record: { ctx: { actor, ip: null, requestId: 'policy', locale: 'zh-CN' }, target },
          offered: listed.find((u) => u.id === target.userId)?.allowedActions ?? [],
        });
      }
    }
    await expectPolicyAgreement({
      db,
      actions: userPolicy.actions,
      cases,
      attempt: (tx, { ctx, target }, action) => {
        if (action === 'assignRole') {
          const role = BUSINESS_ROLES.find((r) => r !== target.role && roleFitsOrg(r, target.orgKind)) as BusinessRole;
          return assignRole(tx, ctx, target.userId, role);
        }
        if (action === 'unlock') return unlockUser(tx, ctx, target.userId);
        if (action === 'resetTotp') return resetSecondFactor(tx, ctx, target.userId);
        if (action === 'setDisabled') return setUserDisabled(tx, ctx, target.userId, true);
        return resetPassword(tx, ctx, target.userId, 'Reset#2026x');
      },
    });
  });
});
