import type { OrgKind } from './orgs.ts';
import { ROLE_INHERITS, type Role } from './roles.ts';

/**
 * Role-level actions: the first of the two authorization steps (the route's gate). The record-level
 * step (whose record is it) happens in each service. `GET /api/me` sends the caller's actions so the
 * web shows only what the user may do. Modules add their actions here, one line each.
 */
export const ROLE_ACTIONS = {
  // platform
  'orgs.manage': ['system_admin'],
  'users.manage': ['system_admin'],
  'users.assignRole': ['security_admin'],
  'users.unlock': ['security_admin'],
  // the org's seal picture and its document signing keys (issue 13)
  'orgs.signing': ['security_admin'],
  // the county office's recipient groups (主送/抄送 groups such as 各乡镇（区）党委、政府, issue 13)
  'orgs.recipientGroups': ['county_admin', 'system_admin'],
  'audit.read': ['audit_admin'],
  'org.switch': ['county_admin', 'county_staff'],
  'business.read': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'supervision.read': ['county_admin', 'county_staff'],
  // the province's dashboard (issue 14): its counties' grids and their townships' standing, read only
  'supervision.province': ['province_admin', 'province_staff'],
  // documents (办文)
  'documents.draft': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'documents.review': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'documents.signOff': ['leader_in_charge'],
  'documents.signPrincipal': ['principal_leader'],
  'documents.countersign': ['leader_in_charge'],
  'documents.number': ['county_admin', 'county_staff', 'office_staff'],
  'documents.dispatch': ['county_admin', 'county_staff', 'office_staff'],
  'documents.receive': ['county_admin', 'county_staff', 'office_staff'],
  'documents.instruct': ['leader_in_charge'],
  // information and research (信息调研)
  'info.submit': ['office_staff', 'leader_in_charge'],
  'info.review': ['county_admin', 'county_staff'],
  'info.configure': ['county_admin'],
  'info.bulletin': ['county_admin', 'county_staff'],
  'research.manage': ['county_admin', 'county_staff'],
  'research.report': ['office_staff', 'leader_in_charge'],
  // archives (档案管理)
  'archives.manage': ['county_admin', 'county_staff', 'office_staff'],
  'archives.configure': ['county_admin', 'office_staff'],
  // meetings, duty, reception (办会, 值班, 接待)
  'meetings.record': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'followUps.manage': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'duty.keep': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'duty.approveSwap': ['county_admin', 'leader_in_charge'],
  'calendar.manage': ['county_admin'],
  'reception.keep': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  'petitions.handle': ['county_admin', 'county_staff', 'office_staff', 'leader_in_charge'],
  // team and environment supervision (队伍, 环境)
  'personnel.file': ['office_staff'],
  'personnel.acknowledge': ['county_admin', 'county_staff'],
  'personnel.manage': ['county_admin'],
  'training.manage': ['county_admin'],
  // a training session: the county's for everyone, a township's own for its own office
  'training.record': ['county_admin', 'office_staff'],
  'environment.edit': ['county_admin', 'office_staff'],
  'environment.issueRules': ['county_admin'],
  'environment.acknowledgeRules': ['office_staff', 'leader_in_charge'],
  // assessment (考评细则)
  'assessment.manage': ['county_admin'],
  'assessment.score': ['county_admin', 'county_staff'],
  'assessment.comment': ['leader_in_charge'],
  'assessment.appeal': ['office_staff', 'leader_in_charge'],
  'assessment.selfReport': ['office_staff', 'leader_in_charge'],
  // the office's leader in charge confirms its year-end self-assessment
  'assessment.confirmSelf': ['leader_in_charge'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ROLE_ACTIONS;

/** A role holds its own actions and those of the role it inherits (ROLE_INHERITS: the principal leader those of a leader in charge). */
export function roleMay(role: Role, action: Action): boolean {
  const holders = ROLE_ACTIONS[action] as readonly Role[];
  const parent = ROLE_INHERITS[role];
  return holders.includes(role) || (!!parent && holders.includes(parent));
}

export function actionsForRole(role: Role): Action[] {
  return (Object.keys(ROLE_ACTIONS) as Action[]).filter((a) => roleMay(role, a));
}

/**
 * Actions that go with a seat rather than a role: the county office's leader in charge (县委办分管领导)
 * oversees its supervision of the townships, so reads the county dashboard and the supervision pages;
 * a township's leader in charge, holding the same role, does not. The office's principal leader
 * (县委办主任), who holds every action of a leader in charge, holds the seat's too.
 */
export const COUNTY_OFFICE_LEADER_ACTIONS: readonly Action[] = ['supervision.read'];

/** Who holds an account: its role and, where known, the kind of org it sits in. */
export interface Holder {
  role: Role;
  orgKind?: OrgKind;
}

/** The route gate: the role's actions, plus the seat's for the county office's leader in charge. */
export function holderMay(holder: Holder, action: Action): boolean {
  if (roleMay(holder.role, action)) return true;
  const leads = holder.role === 'leader_in_charge' || ROLE_INHERITS[holder.role] === 'leader_in_charge';
  return leads && holder.orgKind === 'county_office' && COUNTY_OFFICE_LEADER_ACTIONS.includes(action);
}

export function actionsForHolder(holder: Holder): Action[] {
  return (Object.keys(ROLE_ACTIONS) as Action[]).filter((a) => holderMay(holder, a));
}
