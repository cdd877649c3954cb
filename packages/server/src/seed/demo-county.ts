/**
 * The demo county: 清溪县 (fictitious), its county office, 18 townships and four county
 * departments, and one account per demo role. Every name here is invented.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { orgsRepository } from '../modules/orgs/orgs.repository.ts';
import type { OrgRow } from '../modules/orgs/orgs.tables.ts';
import { insertAccount } from '../modules/accounts/users.service.ts';
import { hashPassword } from '../platform/passwords.ts';
import type { UserRow } from '../modules/accounts/accounts.tables.ts';
import type { Role } from '@township-office/domain/roles';
import type { Rng } from './seed-context.ts';

export const DEMO_PASSWORD = 'Demo#2026';
export const COUNTY_NAME = '清溪县';

export const TOWNSHIP_NAMES = [
  '城关镇',
  '东坪镇',
  '西河镇',
  '南山乡',
  '北岭乡',
  '石门镇',
  '桃源乡',
  '柳林镇',
  '青石乡',
  '白沙镇',
  '龙泉镇',
  '凤鸣乡',
  '高桥镇',
  '梅溪乡',
  '松岗镇',
  '金盆乡',
  '沙湾镇',
  '清溪经济开发区',
] as const;

const DEPARTMENTS = [
  { code: 'D01', name: '中共清溪县委组织部', short: '县委组织部', prefix: '清组发' },
  { code: 'D02', name: '清溪县财政局', short: '县财政局', prefix: '清财发' },
  { code: 'D03', name: '清溪县档案馆', short: '县档案馆', prefix: '清档发' },
  { code: 'D04', name: '清溪县信访局', short: '县信访局', prefix: '清信发' },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
];
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '丽娟',
  '文斌',
  '春梅',
  '国华',
  '晓东',
  '秀英',
  '明辉',
  '红霞',
  '德胜',
  '雪莲',
  '永刚',
  '玉兰',
  '俊杰',
  '慧敏',
  '振宇',
  '桂芳',
  '成龙',
  '思远',
  '晓静',
  '家豪',
  '美玲',
  '子涵',
  '亚楠',
  '立新',
  '婷婷',
  '宏伟',
  '文静',
];

export function personName(r: Rng): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

/** Short township name used in 机关代字: 城关镇 → 城关. */
export function townshipShort(name: string): string {
  return name.replace(/(经济开发区|镇|乡)$/, '');
}

export async function seedOrgs(db: Db, ctx: RequestContext): Promise<Map<string, OrgRow>> {
  return db.transaction(async (tx) => {
    const byCode = new Map<string, OrgRow>();
    const county = await orgsRepository.insert(tx, { kind: 'county', name: COUNTY_NAME, shortName: '清溪', code: 'QX', sortOrder: 0 });
    byCode.set('QX', county);
    byCode.set(
      'XWB',
      await orgsRepository.insert(tx, {
        kind: 'county_office',
        parentId: county.id,
        name: '中共清溪县委办公室',
        shortName: '县委办',
        code: 'XWB',
        numberPrefix: '清委办发',
        sortOrder: 1,
      }),
    );
    for (const [i, name] of TOWNSHIP_NAMES.entries()) {
      const code = `T${String(i + 1).padStart(2, '0')}`;
      const short = townshipShort(name);
      byCode.set(
        code,
        await orgsRepository.insert(tx, {
          kind: 'township',
          parentId: county.id,
          name,
          shortName: short,
          code,
          numberPrefix: `${short}委办发`,
          sortOrder: 10 + i,
        }),
      );
    }
    for (const [i, d] of DEPARTMENTS.entries()) {
      byCode.set(
        d.code,
        await orgsRepository.insert(tx, {
          kind: 'county_department',
          parentId: county.id,
          name: d.name,
          shortName: d.short,
          code: d.code,
          numberPrefix: d.prefix,
          sortOrder: 40 + i,
        }),
      );
    }
    await writeAudit(tx, ctx, { action: 'seed.orgs', entity: 'org', orgId: county.id, after: { count: byCode.size } });
    return byCode;
  });
}

export interface DemoAccount {
  username: string;
  role: Role;
  orgCode: string;
  displayName: string;
}

export function demoAccounts(r: Rng): DemoAccount[] {
  const list: DemoAccount[] = [
    { username: 'county.admin', role: 'county_admin', orgCode: 'XWB', displayName: personName(r) },
    { username: 'county.clerk', role: 'county_staff', orgCode: 'XWB', displayName: personName(r) },
    { username: 'county.leader', role: 'leader_in_charge', orgCode: 'XWB', displayName: personName(r) },
  ];
  for (let i = 1; i <= TOWNSHIP_NAMES.length; i++) {
    const nn = String(i).padStart(2, '0');
    list.push({ username: `town${nn}.clerk`, role: 'office_staff', orgCode: `T${nn}`, displayName: personName(r) });
    list.push({ username: `town${nn}.leader`, role: 'leader_in_charge', orgCode: `T${nn}`, displayName: personName(r) });
  }
  // Added after the others so that the demo names drawn before them stay as they were.
  list.push({ username: 'county.head', role: 'principal_leader', orgCode: 'XWB', displayName: personName(r) });
  for (let i = 1; i <= TOWNSHIP_NAMES.length; i++) {
    const nn = String(i).padStart(2, '0');
    list.push({ username: `town${nn}.head`, role: 'principal_leader', orgCode: `T${nn}`, displayName: personName(r) });
  }
  list.push({ username: 'finance.leader', role: 'leader_in_charge', orgCode: 'D02', displayName: personName(r) });
  list.push({ username: 'sysadmin', role: 'system_admin', orgCode: 'XWB', displayName: '系统管理员' });
  list.push({ username: 'secadmin', role: 'security_admin', orgCode: 'XWB', displayName: '安全保密管理员' });
  list.push({ username: 'auditor', role: 'audit_admin', orgCode: 'XWB', displayName: '安全审计员' });
  return list;
}

export async function seedAccounts(
  db: Db,
  ctx: RequestContext,
  orgs: Map<string, OrgRow>,
  accounts: DemoAccount[],
  onEach: () => void,
): Promise<Map<string, UserRow>> {
  const users = new Map<string, UserRow>();
  // Every demo account has the same published password: it is hashed once (argon2id, as any
  // password) and that hash stored for each. Demo accounts are exempt from the administrators'
  // required second factor (REQUIRE_ADMIN_MFA), so the demo signs in with the password alone; their
  // password date is the seed time, so they do not expire mid-demo.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (let i = 0; i < accounts.length; i += 8) {
    const rows = await Promise.all(
      accounts.slice(i, i + 8).map((a) =>
        insertAccount(db, ctx, {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          orgId: orgs.get(a.orgCode)!.id,
          password: DEMO_PASSWORD,
          passwordHash,
          mustChangePassword: false,
          mfaExempt: true,
        }),
      ),
    );
    for (const row of rows) {
      users.set(row.username, row);
      onEach();
    }
  }
  return users;
}

export async function markDemoSeeded(db: Db): Promise<void> {
  await db.execute(
    sql`INSERT INTO app_settings (key, value) VALUES ('demo', ${JSON.stringify({ seededAt: new Date().toISOString() })}::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const r = await db.execute(sql`SELECT 1 FROM app_settings WHERE key = 'demo'`);
  return (r.rowCount ?? r.rows.length) > 0;
}
