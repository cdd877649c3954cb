// Every module's routes, one line each.
import type { RouteModule } from '../platform/app-types.ts';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { orgsRoutes } from './orgs/orgs.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { informationRoutes } from './information/information.routes.ts';
import { meetingsRoutes } from './meetings/meetings.routes.ts';
import { dutyRoutes } from './duty/duty.routes.ts';

export const routeModules: RouteModule[] = [meetingsRoutes, dutyRoutes, accountsRoutes, orgsRoutes, auditRoutes, informationRoutes, documentsRoutes];
