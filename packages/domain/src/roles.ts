/** Roles from DOMAIN.md. Each account holds exactly one. */
export const ROLES = [
  'county_admin',
  'county_staff',
  'office_staff',
  'leader_in_charge',
  'principal_leader',
  'system_admin',
  'security_admin',
  'audit_admin',
  // the province above the counties (issue 14): reads its counties' dashboards, nothing else
  'province_admin',
  'province_staff',
] as const;
export type Role = (typeof ROLES)[number];

/** 三员: the three administrator roles kept apart by 等保 2.0; none of them reads business records. */
export const THREE_OFFICER_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
export type ThreeOfficerRole = (typeof THREE_OFFICER_ROLES)[number];

export const BUSINESS_ROLES = [
  'county_admin',
  'county_staff',
  'office_staff',
  'leader_in_charge',
  'principal_leader',
] as const satisfies readonly Role[];
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

export function isThreeOfficer(role: Role): role is ThreeOfficerRole {
  return (THREE_OFFICER_ROLES as readonly Role[]).includes(role);
}

/** The 三员 and the province roles (which read only the province's dashboard) read no county's business records. */
export function readsBusinessRecords(role: Role): role is BusinessRole {
  return (BUSINESS_ROLES as readonly Role[]).includes(role);
}

/**
 * 主要负责人 (县委办主任, 乡镇党委书记): a leader who may do all a leader in charge may, and who alone
 * signs the org's upward and important documents (党政机关公文处理工作条例 第二十二条:
 * "重要公文和上行文由机关主要负责人签发").
 */
export const ROLE_INHERITS: Partial<Record<Role, Role>> = { principal_leader: 'leader_in_charge' };

/** Roles whose holders see every township (the county office's supervision). */
export const COUNTY_WIDE_ROLES = ['county_admin', 'county_staff'] as const satisfies readonly Role[];

export function seesAllTownships(role: Role): boolean {
  return (COUNTY_WIDE_ROLES as readonly Role[]).includes(role);
}

/** Which org kinds a role may sit in: county roles in the county office, the 三员 in the county or its office. */
export const ROLE_ORG_KINDS: Record<Role, readonly ('province' | 'county' | 'county_office' | 'township' | 'county_department')[]> = {
  county_admin: ['county_office'],
  county_staff: ['county_office'],
  office_staff: ['township', 'county_department'],
  leader_in_charge: ['township', 'county_department', 'county_office'],
  principal_leader: ['township', 'county_department', 'county_office'],
  system_admin: ['county', 'county_office'],
  security_admin: ['county', 'county_office'],
  audit_admin: ['county', 'county_office'],
  province_admin: ['province'],
  province_staff: ['province'],
};

/** Roles that read the province's dashboard: the counties under their province, and nothing of any county's records. */
export const PROVINCE_ROLES = ['province_admin', 'province_staff'] as const satisfies readonly Role[];

export function isProvinceRole(role: Role): boolean {
  return (PROVINCE_ROLES as readonly Role[]).includes(role);
}

export function roleFitsOrg(role: Role, kind: 'province' | 'county' | 'county_office' | 'township' | 'county_department'): boolean {
  return ROLE_ORG_KINDS[role].includes(kind);
}
