// Every module's routes, one line each.
import type { RouteModule } from '../platform/app-types.ts';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { delegationsRoutes } from './accounts/delegations.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { orgsRoutes } from './orgs/orgs.routes.ts';
import { recipientGroupsRoutes } from './orgs/recipient-groups.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { informationRoutes } from './information/information.routes.ts';
import { archivesRoutes } from './archives/archives.routes.ts';
import { meetingsRoutes } from './meetings/meetings.routes.ts';
import { dutyRoutes } from './duty/duty.routes.ts';
import { receptionRoutes } from './reception/reception.routes.ts';
import { personnelRoutes } from './personnel/personnel.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { environmentRoutes } from './environment/environment.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { assessmentRoutes } from './assessment/assessment.routes.ts';
import { workbenchRoutes } from './workbench/workbench.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { signingRoutes } from './signing/signing.routes.ts';

export const routeModules: RouteModule[] = [
  meetingsRoutes,
  dutyRoutes,
  receptionRoutes,
  accountsRoutes,
  orgsRoutes,
  recipientGroupsRoutes,
  auditRoutes,
  documentsRoutes,
  informationRoutes,
  archivesRoutes,
  personnelRoutes,
  trainingRoutes,
  environmentRoutes,
  dashboardRoutes,
  assessmentRoutes,
  workbenchRoutes,
  notificationsRoutes,
  searchRoutes,
  delegationsRoutes,
  signingRoutes,
];
