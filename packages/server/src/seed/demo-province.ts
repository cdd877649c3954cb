/**
 * The demo province (issue 14): 青原省 (fictitious) above the demo county, with one account of each
 * province role. Added to the demo only on request (`DEMO_PROVINCE=1`, or `province: true` to
 * seedDemo), so the demo county stays the root of its tree for everything else.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { orgsRepository } from '../modules/orgs/orgs.repository.ts';
import type { OrgRow } from '../modules/orgs/orgs.tables.ts';
import { insertAccount } from '../modules/accounts/users.service.ts';
import { DEMO_PASSWORD } from './demo-county.ts';

export const PROVINCE_NAME = '青原省';
export const PROVINCE_ACCOUNTS = [
  { username: 'province.admin', role: 'province_admin', displayName: '省委办督查处管理员' },
  { username: 'province.viewer', role: 'province_staff', displayName: '省委办督查处工作人员' },
] as const;

/** Puts a province above every county that has no parent yet, and adds the province's two demo accounts. */
export async function seedDemoProvince(db: Db, ctx: RequestContext): Promise<OrgRow> {
  const province = await db.transaction(async (tx) => {
    const row = await orgsRepository.insert(tx, { kind: 'province', name: PROVINCE_NAME, shortName: '青原', code: 'QYS', sortOrder: 0 });
    const moved = await tx.execute(
      sql`UPDATE orgs SET parent_id = ${row.id}::uuid WHERE kind = 'county' AND parent_id IS NULL RETURNING id`,
    );
    await writeAudit(tx, ctx, {
      action: 'seed.province',
      entity: 'org',
      entityId: row.id,
      orgId: row.id,
      after: { name: PROVINCE_NAME, counties: moved.rows.length },
    });
    return row;
  });
  for (const a of PROVINCE_ACCOUNTS)
    await insertAccount(db, ctx, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      orgId: province.id,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      mfaExempt: true,
    });
  return province;
}
