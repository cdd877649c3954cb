import { z } from 'zod';
import { fileResponse } from '@township-office/domain/print';
import {
  countyDashboardQuerySchema,
  countyGridQuerySchema,
  countyGridSchema,
  provinceDashboardSchema,
  type CountyDashboard,
} from '@township-office/domain/dashboard';
import * as chartsApi from '@township-office/domain/dashboard.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { registerJob } from '../../platform/jobs.ts';
import { chinaYear } from '@township-office/domain/dates';
import { sendRegister } from '../../platform/print/register.ts';
import { overviewSpec } from './dashboard.print.ts';
import * as svc from './dashboard.service.ts';

/** How often the summary rows are brought up to date (the marks of writes since, and a new day). */
export const SUMMARY_REFRESH_MS = 60_000;

// Every figure here is a heavy read of many registers: from the replica when there is one (readDb).
// The summary refresh writes, so it runs on the primary (db).
export const dashboardRoutes: RouteModule = (app, { db: primary, readDb: db }) => {
  // The schema documents the response; it is not validated on the way out: the county grid is
  // spliced JSON text (2,000 rows), the province's plain JSON.stringify (see docs/benchmarks.md).
  const plainJson = () => (data: unknown) => JSON.stringify(data);
  // The county office reads its county; a province role one of its counties (countyId).
  const gridGate = { action: ['supervision.read', 'supervision.province'] as const };
  app.get(
    '/api/dashboard/county',
    {
      config: gridGate,
      serializerCompiler: plainJson,
      schema: { tags: ['dashboard'], querystring: countyGridQuerySchema, response: { 200: countyGridSchema } },
    },
    async (req, reply) => {
      // Ready JSON text (each township's stored cells spliced in): a string with a JSON content
      // type is sent as it is, not serialised again.
      const { json } = await svc.countyGrid(db, req.ctx, req.query.year ?? chinaYear(), req.query.countyId);
      return reply.type('application/json; charset=utf-8').send(json as never); // the text is the schema's shape
    },
  );
  app.get(
    '/api/dashboard/county/charts',
    {
      config: gridGate,
      schema: { tags: ['dashboard'], querystring: countyGridQuerySchema, response: { 200: chartsApi.chartsSchema } },
    },
    async (req) => svc.countyCharts(db, req.ctx, req.query.year ?? chinaYear(), req.query.countyId),
  );
  app.get(
    '/api/dashboard/province',
    {
      config: { action: 'supervision.province' },
      serializerCompiler: plainJson,
      schema: {
        tags: ['dashboard'],
        summary: 'the province overview: one line per county, from the same summary rows as each county grid',
        querystring: countyDashboardQuerySchema,
        response: { 200: provinceDashboardSchema },
      },
    },
    async (req) => svc.provinceDashboard(db, req.ctx, req.query.year ?? chinaYear()),
  );
  const townshipParams = z.object({ orgId: z.uuid() }).strict();
  app.get(
    '/api/dashboard/townships/:orgId',
    {
      config: { action: ['business.read', 'supervision.province'] },
      schema: {
        tags: ['dashboard'],
        params: townshipParams,
        querystring: countyDashboardQuerySchema,
        response: { 200: chartsApi.standingSchema },
      },
    },
    async (req) => svc.townshipStanding(db, req.ctx, req.params.orgId, req.query.year ?? chinaYear()),
  );
  const printQuery = countyGridQuerySchema.extend({ format: z.enum(['pdf', 'xlsx']) }).strict();
  app.get(
    '/api/dashboard/county/export',
    {
      config: gridGate,
      schema: {
        tags: ['dashboard'],
        summary: 'the county overview as Excel or landscape PDF',
        querystring: printQuery,
        response: { 200: fileResponse('application/pdf or .xlsx') },
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? chinaYear();
      const { county, json } = await svc.countyGrid(db, req.ctx, year, req.query.countyId);
      return sendRegister(
        reply,
        overviewSpec(JSON.parse(json) as CountyDashboard, county.name),
        req.query.format,
        `乡镇办公室规范化建设总览-${year}`,
      );
    },
  );
  // DASHBOARD_SUMMARY_REFRESH_MS=0 turns the job off (the bench times its refresh itself); runs never overlap (registerJob).
  const everyMs = Number(process.env.DASHBOARD_SUMMARY_REFRESH_MS ?? SUMMARY_REFRESH_MS);
  if (everyMs > 0)
    registerJob(app, {
      name: 'dashboard.summaries',
      everyMs,
      run: () => svc.refreshSummaries(primary),
    });
};
