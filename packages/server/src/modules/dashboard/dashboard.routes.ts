import { z } from 'zod';
import { fileResponse } from '@township-office/domain/print';
import { countyDashboardQuerySchema, countyDashboardSchema } from '@township-office/domain/dashboard';
import * as chartsApi from '@township-office/domain/dashboard.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { chinaYear } from '@township-office/domain/dates';
import { sendRegister } from '../../platform/print/register.ts';
import { rootOrg } from '../orgs/orgs.service.ts';
import { overviewSpec } from './dashboard.print.ts';
import * as svc from './dashboard.service.ts';

// Every figure here is a heavy read of many registers: from the replica when there is one (readDb).
export const dashboardRoutes: RouteModule = (app, { readDb: db }) => {
  // The schema documents the response; 2,000 rows are serialised with plain JSON.stringify, since
  // validating 24,000 cells on every request costs more than the queries (see docs/benchmarks.md).
  const plainJson = () => (data: unknown) => JSON.stringify(data);
  app.get(
    '/api/dashboard/county',
    {
      config: { action: 'supervision.read' },
      serializerCompiler: plainJson,
      schema: { tags: ['dashboard'], querystring: countyDashboardQuerySchema, response: { 200: countyDashboardSchema } },
    },
    async (req) => svc.countyDashboard(db, req.ctx, req.query.year ?? chinaYear()),
  );
  app.get(
    '/api/dashboard/county/charts',
    {
      config: { action: 'supervision.read' },
      schema: { tags: ['dashboard'], querystring: countyDashboardQuerySchema, response: { 200: chartsApi.chartsSchema } },
    },
    async (req) => svc.countyCharts(db, req.ctx, req.query.year ?? chinaYear()),
  );
  const townshipParams = z.object({ orgId: z.uuid() }).strict();
  app.get(
    '/api/dashboard/townships/:orgId',
    {
      config: { action: 'business.read' },
      schema: {
        tags: ['dashboard'],
        params: townshipParams,
        querystring: countyDashboardQuerySchema,
        response: { 200: chartsApi.standingSchema },
      },
    },
    async (req) => svc.townshipStanding(db, req.ctx, req.params.orgId, req.query.year ?? chinaYear()),
  );
  const printQuery = countyDashboardQuerySchema.extend({ format: z.enum(['pdf', 'xlsx']) }).strict();
  app.get(
    '/api/dashboard/county/export',
    {
      config: { action: 'supervision.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'the county overview as Excel or landscape PDF',
        querystring: printQuery,
        response: { 200: fileResponse('application/pdf or .xlsx') },
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? chinaYear();
      const d = await svc.countyDashboard(db, req.ctx, year);
      const county = await rootOrg(db);
      return sendRegister(reply, overviewSpec(d, county?.name ?? ''), req.query.format, `乡镇办公室规范化建设总览-${year}`);
    },
  );
};
