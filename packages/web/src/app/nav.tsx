/**
 * The page registry: one entry per page. The router makes a route of every entry, the left menu
 * shows the entries whose `action` the user's role has (GET /api/me allowedActions), grouped and
 * in this order. A feature replaces its placeholder's `page` with its own lazy page and adds
 * entries for its other pages (menu: false for record pages such as /documents/outgoing/:id).
 * Keep each entry on one line: several developers edit this list at the same time.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ContainerOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  KeyOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
  ScheduleOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Action } from '@township-office/domain/permissions';
import type { OrgKind } from '@township-office/domain/orgs';

export type MenuGroup =
  'workbench' | 'documents' | 'meetings' | 'information' | 'reception' | 'duty' | 'archives' | 'supervision' | 'system';

export interface NavEntry {
  /** Unique; also the menu item key. */
  key: string;
  /** Route path, absolute (may hold :params for pages outside the menu). */
  path: string;
  /** Catalog key of the menu label and page title, e.g. 'nav.documents.inbox' or 'documents.nav.inbox'. */
  labelKey: string;
  icon?: ReactNode;
  /** Role gate from ROLE_ACTIONS; null = every signed-in user. */
  action: Action | null;
  /** Shown only to users whose org is of one of these kinds (the province's pages). */
  orgKinds?: readonly OrgKind[];
  group: MenuGroup;
  /** A lazy page: lazy(() => import('../features/<m>/pages/XPage.tsx')). */
  page: ComponentType;
  /** false: a route without a menu item (record pages, sub-pages). */
  menu?: boolean;
  /** Shown first, above every group (待我签发 / 待我批示 for leaders). */
  pinned?: boolean;
}

/** Menu groups in menu order; the group's label is `nav.group.<group>`. */
export const MENU_GROUPS: { group: MenuGroup; icon: ReactNode }[] = [
  { group: 'workbench', icon: <HomeOutlined /> },
  { group: 'documents', icon: <FileTextOutlined /> },
  { group: 'meetings', icon: <CalendarOutlined /> },
  { group: 'information', icon: <SolutionOutlined /> },
  { group: 'reception', icon: <TeamOutlined /> },
  { group: 'duty', icon: <ScheduleOutlined /> },
  { group: 'archives', icon: <ContainerOutlined /> },
  { group: 'supervision', icon: <FundOutlined /> },
  { group: 'system', icon: <SettingOutlined /> },
];

const Workbench = lazy(() => import('./pages/WorkbenchPage.tsx'));
const UsersPage = lazy(() => import('../features/system/pages/UsersPage.tsx'));
const RolesPage = lazy(() => import('../features/system/pages/RolesPage.tsx'));
const AuditPage = lazy(() => import('../features/system/pages/AuditPage.tsx'));
const LocksPage = lazy(() => import('../features/system/pages/LocksPage.tsx'));
const SigningPage = lazy(() => import('../features/system/pages/SigningPage.tsx'));
const MyAccountPage = lazy(() => import('../features/system/pages/MyAccountPage.tsx'));

export const NAV: NavEntry[] = [
  {
    key: 'workbench',
    path: '/',
    labelKey: 'nav.workbench',
    icon: <HomeOutlined />,
    action: 'business.read',
    group: 'workbench',
    page: Workbench,
  },
  {
    key: 'notifications',
    path: '/notifications',
    labelKey: 'notifications.title',
    action: 'business.read',
    group: 'workbench',
    page: lazy(() => import('../features/notifications/pages/NotificationsPage.tsx')),
    menu: false,
  },
  {
    key: 'search',
    path: '/search',
    labelKey: 'search.heading',
    action: 'business.read',
    group: 'workbench',
    page: lazy(() => import('../features/search/pages/SearchPage.tsx')),
    menu: false,
  },
  {
    key: 'delegations',
    path: '/delegations',
    labelKey: 'delegation.nav',
    icon: <UserSwitchOutlined />,
    action: 'business.read',
    group: 'workbench',
    page: lazy(() => import('../features/delegation/pages/DelegationsPage.tsx')),
    // Reached from one's own account page and the delegation banner, not the menu.
    menu: false,
  },
  // 办文
  {
    key: 'documents.inbox',
    path: '/documents/inbox',
    labelKey: 'nav.documents.inbox',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/InboxPage.tsx')),
  },
  {
    key: 'documents.outgoing',
    path: '/documents/outgoing',
    labelKey: 'nav.documents.outgoing',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/OutgoingListPage.tsx')),
  },
  {
    key: 'documents.toSign',
    path: '/documents/to-sign',
    labelKey: 'nav.documents.toSign',
    icon: <FileTextOutlined />,
    action: 'documents.signOff',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/ToSignPage.tsx')),
    pinned: true,
  },
  {
    key: 'documents.toInstruct',
    path: '/documents/to-instruct',
    labelKey: 'nav.documents.toInstruct',
    icon: <SolutionOutlined />,
    action: 'documents.instruct',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/ToInstructPage.tsx')),
    pinned: true,
  },
  {
    key: 'documents.new',
    path: '/documents/outgoing/new',
    labelKey: 'documents.nav.newDraft',
    action: 'documents.draft',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/DraftPage.tsx')),
    menu: false,
  },
  {
    key: 'documents.slip',
    path: '/documents/outgoing/:id',
    labelKey: 'documents.nav.slip',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/DocumentSlipPage.tsx')),
    menu: false,
  },
  {
    key: 'documents.edit',
    path: '/documents/outgoing/:id/edit',
    labelKey: 'documents.nav.edit',
    action: 'documents.draft',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/DraftPage.tsx')),
    menu: false,
  },
  {
    key: 'documents.incoming',
    path: '/documents/incoming/:id',
    labelKey: 'documents.nav.processing',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/IncomingSlipPage.tsx')),
    menu: false,
  },
  {
    key: 'documents.outgoingRegister',
    path: '/documents/registers/outgoing',
    labelKey: 'documents.nav.outgoingRegister',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/OutgoingRegisterPage.tsx')),
    menu: false,
  },
  {
    key: 'documents.incomingRegister',
    path: '/documents/registers/incoming',
    labelKey: 'documents.nav.incomingRegister',
    action: 'business.read',
    group: 'documents',
    page: lazy(() => import('../features/documents/pages/IncomingRegisterPage.tsx')),
    menu: false,
  },
  // 办会
  {
    key: 'meetings.list',
    path: '/meetings',
    labelKey: 'nav.meetings.list',
    action: 'business.read',
    group: 'meetings',
    page: lazy(() => import('../features/meetings/pages/MeetingsPage.tsx')),
  },
  {
    key: 'meetings.record',
    path: '/meetings/:id',
    labelKey: 'meetings.record.title',
    action: 'business.read',
    group: 'meetings',
    page: lazy(() => import('../features/meetings/pages/MeetingPage.tsx')),
    menu: false,
  },
  {
    key: 'meetings.followups',
    path: '/meetings/follow-ups',
    labelKey: 'nav.meetings.followups',
    action: 'business.read',
    group: 'meetings',
    page: lazy(() => import('../features/meetings/pages/FollowUpsPage.tsx')),
  },
  // 信息调研
  {
    key: 'information.submissions',
    path: '/information/submissions',
    labelKey: 'nav.information.submissions',
    action: 'business.read',
    group: 'information',
    page: lazy(() => import('../features/information/pages/InfoReportsPage.tsx')),
  },
  {
    key: 'information.ranking',
    path: '/information/ranking',
    labelKey: 'nav.information.ranking',
    action: 'business.read',
    group: 'information',
    page: lazy(() => import('../features/information/pages/RankingPage.tsx')),
  },
  {
    key: 'information.bulletins',
    path: '/information/bulletins',
    labelKey: 'nav.information.bulletins',
    action: 'business.read',
    group: 'information',
    page: lazy(() => import('../features/information/pages/BulletinsPage.tsx')),
  },
  {
    key: 'information.research',
    path: '/information/research',
    labelKey: 'nav.information.research',
    action: 'business.read',
    group: 'information',
    page: lazy(() => import('../features/information/pages/ResearchPage.tsx')),
  },
  // 接待
  {
    key: 'reception.visitors',
    path: '/reception/visitors',
    labelKey: 'nav.reception.visitors',
    action: 'business.read',
    group: 'reception',
    page: lazy(() => import('../features/reception/pages/VisitsPage.tsx')),
  },
  {
    key: 'reception.petitions',
    path: '/reception/petitions',
    labelKey: 'nav.reception.petitions',
    action: 'business.read',
    group: 'reception',
    page: lazy(() => import('../features/reception/pages/PetitionsPage.tsx')),
  },
  {
    key: 'reception.petitionStats',
    path: '/reception/petitions/stats',
    labelKey: 'nav.reception.petitionStats',
    action: 'business.read',
    group: 'reception',
    page: lazy(() => import('../features/reception/pages/PetitionStatsPage.tsx')),
  },
  {
    key: 'reception.petition',
    path: '/reception/petitions/:id',
    labelKey: 'reception.petitions.title',
    action: 'business.read',
    group: 'reception',
    page: lazy(() => import('../features/reception/pages/PetitionPage.tsx')),
    menu: false,
  },
  // 值班
  {
    key: 'duty.roster',
    path: '/duty/roster',
    labelKey: 'nav.duty.roster',
    action: 'business.read',
    group: 'duty',
    page: lazy(() => import('../features/duty/pages/RosterPage.tsx')),
  },
  {
    key: 'duty.swaps',
    path: '/duty/swaps',
    labelKey: 'nav.duty.swaps',
    action: 'business.read',
    group: 'duty',
    page: lazy(() => import('../features/duty/pages/DutyRequestsPage.tsx')),
  },
  {
    key: 'duty.log',
    path: '/duty/log',
    labelKey: 'nav.duty.log',
    action: 'business.read',
    group: 'duty',
    page: lazy(() => import('../features/duty/pages/DutyLogPage.tsx')),
  },
  {
    key: 'duty.handover',
    path: '/duty/handover',
    labelKey: 'nav.duty.handover',
    action: 'business.read',
    group: 'duty',
    page: lazy(() => import('../features/duty/pages/HandoverPage.tsx')),
  },
  // 档案
  {
    key: 'archives.filing',
    path: '/archives/filing',
    labelKey: 'nav.archives.filing',
    action: 'business.read',
    group: 'archives',
    page: lazy(() => import('../features/archives/pages/FilingPage.tsx')),
  },
  {
    key: 'archives.catalogue',
    path: '/archives/catalogue',
    labelKey: 'nav.archives.catalogue',
    action: 'business.read',
    group: 'archives',
    page: lazy(() => import('../features/archives/pages/CataloguePage.tsx')),
  },
  {
    key: 'archives.lending',
    path: '/archives/lending',
    labelKey: 'nav.archives.lending',
    action: 'business.read',
    group: 'archives',
    page: lazy(() => import('../features/archives/pages/LendingPage.tsx')),
  },
  // 督查: the province's overview and its drill-down (province roles, in the province org)
  {
    key: 'supervision.province',
    path: '/supervision/province',
    labelKey: 'nav.supervision.province',
    action: 'supervision.province',
    orgKinds: ['province'],
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/ProvincePage.tsx')),
  },
  {
    key: 'supervision.provinceCounty',
    path: '/supervision/province/counties/:countyId',
    labelKey: 'supervision.province.countyTitle',
    action: 'supervision.province',
    orgKinds: ['province'],
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/ProvinceCountyPage.tsx')),
    menu: false,
  },
  {
    key: 'supervision.provinceTownship',
    path: '/supervision/province/townships/:orgId',
    labelKey: 'supervision.nav.township',
    action: 'supervision.province',
    orgKinds: ['province'],
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/ProvinceTownshipPage.tsx')),
    menu: false,
  },
  // 督查 (county office only)
  {
    key: 'supervision.overview',
    path: '/supervision',
    labelKey: 'nav.supervision.overview',
    action: 'supervision.read',
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/DashboardPage.tsx')),
  },
  {
    key: 'supervision.team',
    path: '/supervision/team',
    labelKey: 'nav.supervision.team',
    action: 'supervision.read',
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/TeamPage.tsx')),
  },
  {
    key: 'supervision.environment',
    path: '/supervision/environment',
    labelKey: 'nav.supervision.environment',
    action: 'supervision.read',
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/EnvironmentPage.tsx')),
  },
  {
    key: 'supervision.township',
    path: '/supervision/townships/:orgId',
    labelKey: 'supervision.nav.township',
    action: 'business.read',
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/TownshipPage.tsx')),
    menu: false,
  },
  {
    key: 'supervision.myOffice',
    path: '/supervision/my-office',
    labelKey: 'nav.supervision.myOffice',
    action: 'personnel.file',
    group: 'supervision',
    page: lazy(() => import('../features/supervision/pages/MyOfficePage.tsx')),
  },
  {
    key: 'supervision.assessment',
    path: '/supervision/assessment',
    labelKey: 'nav.supervision.assessment',
    action: 'business.read',
    group: 'supervision',
    page: lazy(() => import('../features/assessment/pages/AssessmentPage.tsx')),
  },
  // 系统 (三员 each see only their part)
  {
    key: 'system.users',
    path: '/system/users',
    labelKey: 'nav.system.users',
    icon: <UserOutlined />,
    action: 'users.manage',
    group: 'system',
    page: UsersPage,
  },
  {
    key: 'system.roles',
    path: '/system/roles',
    labelKey: 'nav.system.roles',
    icon: <SafetyCertificateOutlined />,
    action: 'users.assignRole',
    group: 'system',
    page: RolesPage,
  },
  {
    key: 'system.locks',
    path: '/system/locks',
    labelKey: 'nav.system.locks',
    icon: <LockOutlined />,
    action: 'users.unlock',
    group: 'system',
    page: LocksPage,
  },
  {
    key: 'system.signing',
    path: '/system/signing',
    labelKey: 'nav.system.signing',
    icon: <KeyOutlined />,
    action: 'orgs.signing',
    group: 'system',
    page: SigningPage,
  },
  {
    key: 'system.recipientGroups',
    path: '/system/recipient-groups',
    labelKey: 'nav.system.recipientGroups',
    icon: <TeamOutlined />,
    action: 'orgs.recipientGroups',
    group: 'system',
    page: lazy(() => import('../features/system/pages/RecipientGroupsPage.tsx')),
  },
  {
    key: 'system.audit',
    path: '/system/audit',
    labelKey: 'nav.system.audit',
    icon: <AuditOutlined />,
    action: 'audit.read',
    group: 'system',
    page: AuditPage,
  },
  {
    key: 'system.account',
    path: '/account',
    labelKey: 'nav.system.account',
    icon: <BankOutlined />,
    action: null,
    group: 'system',
    page: MyAccountPage,
  },
];

/** The entries a user with these allowed actions, in an org of this kind, may open. */
export function visibleEntries(allowedActions: readonly string[], orgKind?: string): NavEntry[] {
  const allowed = new Set(allowedActions);
  return NAV.filter(
    (e) => (e.action === null || allowed.has(e.action)) && (!e.orgKinds || (e.orgKinds as readonly string[]).includes(orgKind ?? '')),
  );
}
