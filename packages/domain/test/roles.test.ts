import { describe, expect, it } from 'vitest';
import { actionsForRole, ROLE_ACTIONS, roleMay } from '../src/permissions.ts';
import { BUSINESS_ROLES, ROLES, roleFitsOrg, THREE_OFFICER_ROLES } from '../src/roles.ts';

describe('三员 separation in the permission table', () => {
  it('gives no two of the three administrator roles the same action', () => {
    for (const action of Object.keys(ROLE_ACTIONS) as (keyof typeof ROLE_ACTIONS)[]) {
      const holders = THREE_OFFICER_ROLES.filter((r) => roleMay(r, action));
      expect(holders.length, action).toBeLessThanOrEqual(1);
    }
  });
  it('lets none of them read business records', () => {
    for (const r of THREE_OFFICER_ROLES) {
      const actions: string[] = actionsForRole(r);
      expect(
        actions.filter((a) => !/^(orgs|users|audit)\./.test(a)),
        r,
      ).toEqual([]);
    }
  });
  it('keeps the audit log to the audit administrator', () => {
    expect(ROLES.filter((r) => roleMay(r, 'audit.read'))).toEqual(['audit_admin']);
  });
  it('lets every business role read business records', () => {
    for (const r of BUSINESS_ROLES) expect(roleMay(r, 'business.read')).toBe(true);
  });
  it('places county roles in the county office only', () => {
    expect(roleFitsOrg('county_admin', 'county_office')).toBe(true);
    expect(roleFitsOrg('county_admin', 'township')).toBe(false);
    expect(roleFitsOrg('office_staff', 'township')).toBe(true);
  });
});

describe('the county office’s leader in charge', () => {
  it('reads supervision from the seat, not the role', async () => {
    const { holderMay } = await import('../src/permissions.ts');
    expect(holderMay({ role: 'leader_in_charge', orgKind: 'county_office' }, 'supervision.read')).toBe(true);
    expect(holderMay({ role: 'leader_in_charge', orgKind: 'township' }, 'supervision.read')).toBe(false);
    expect(holderMay({ role: 'leader_in_charge' }, 'supervision.read')).toBe(false);
    // The seat adds reading only.
    expect(holderMay({ role: 'leader_in_charge', orgKind: 'county_office' }, 'personnel.manage')).toBe(false);
    expect(holderMay({ role: 'county_staff', orgKind: 'county_office' }, 'supervision.read')).toBe(true);
    expect(holderMay({ role: 'principal_leader', orgKind: 'county_office' }, 'supervision.read')).toBe(true);
  });
});

describe('the principal leader (条例 第二十二条)', () => {
  it('may do all a leader in charge may, and alone signs as the principal', () => {
    for (const action of Object.keys(ROLE_ACTIONS) as (keyof typeof ROLE_ACTIONS)[])
      if (roleMay('leader_in_charge', action)) expect(roleMay('principal_leader', action), action).toBe(true);
    expect(ROLES.filter((r) => roleMay(r, 'documents.signPrincipal'))).toEqual(['principal_leader']);
    expect(roleFitsOrg('principal_leader', 'township')).toBe(true);
    expect(roleFitsOrg('principal_leader', 'county_office')).toBe(true);
  });
});

describe('the audit log in words', () => {
  it('names the action and the object in the reader’s language, and leaves an unknown code as it is', async () => {
    const { auditVerbKey } = await import('../src/audit-words.ts');
    const { isLabelKnown, labelOf } = await import('../src/labels.ts');
    expect(labelOf('AUDIT_VERB', auditVerbKey('auth.login'), 'zh-CN')).toBe('登录');
    expect(labelOf('AUDIT_VERB', auditVerbKey('personnel.filing.acknowledge'), 'en')).toBe('Acknowledged');
    expect(labelOf('AUDIT_ENTITY', 'staff_filing', 'zh-CN')).toBe('人员备案');
    expect(labelOf('AUDIT_ENTITY', 'user', 'en')).toBe('user account');
    expect(auditVerbKey('seed.orgs')).toBe('seed');
    expect(isLabelKnown('AUDIT_VERB', 'somethingNew')).toBe(false);
  });
});
