import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  completenessQuerySchema,
  DUTY_LOG_KIND_LABELS,
  dutyLogCreateSchema,
  dutyLogQuerySchema,
  handoverCreateSchema,
  holidayRosterSubmitSchema,
  rosterDayUpdateSchema,
  rosterGenerateSchema,
  rosterQuerySchema,
  swapCreateSchema,
} from '@township-office/domain/duty';
import {
  completenessOut,
  daysKeptOut,
  dutyLogEntryOut,
  dutyLogPage,
  handoverOut,
  handoversOut,
  holidayOut,
  holidaySubmissionOut,
  holidaySubmissionsOut,
  holidaysOut,
  incidentDraftOut,
  incidentReportsOut,
  rosterDayOut,
  rosterOut,
  swapOut,
  swapsOut,
} from '@township-office/domain/duty.api';
import { holidayPeriodSchema, isoDaySchema } from '@township-office/domain/holidays';
import { MAX_EXPORT_ROWS } from '@township-office/domain/print';
import type { RouteModule } from '../../platform/app-types.ts';
import { filterSummary } from '../../platform/print/register.ts';
import { registerOrgName } from '../meetings/register-print.ts';
import * as log from './duty.log.service.ts';
import { dutyLogByDay, dutyLogDaysKept } from './duty.metrics.ts';
import { presentHandover, presentHoliday, presentIncident, presentLogEntry, presentRosterDay, presentSwap } from './duty.presenter.ts';
import { sendDutyLogRegister, sendRosterRegister } from './duty.print.ts';
import * as roster from './duty.roster.service.ts';

const empty = z.object({}).strict();
const orgQuery = z.object({ orgId: z.uuid().optional() }).strict();

export const dutyRoutes: RouteModule = (app, { db, readDb }) => {
  const tags = ['duty'];

  app.get(
    '/api/duty/roster',
    { config: { action: 'business.read' }, schema: { tags, querystring: rosterQuerySchema, response: { 200: rosterOut } } },
    async (req, reply) => {
      const { format, ...q } = req.query;
      // An export reads from the replica when there is one; the page on screen from the primary.
      const from = format === 'json' ? db : readDb;
      const rows = await roster.getRoster(from, req.ctx, q);
      if (format !== 'json')
        return sendRosterRegister(reply, rows, format, await registerOrgName(from, req.ctx.actor, q.orgId), `${q.from} 至 ${q.to}`);
      return { items: rows.map(presentRosterDay) };
    },
  );
  app.post(
    '/api/duty/roster/generate',
    { config: { action: 'duty.keep' }, schema: { tags, body: rosterGenerateSchema, response: { 201: rosterOut } } },
    async (req, reply) => reply.code(201).send({ items: (await roster.generateRoster(db, req.ctx, req.body)).map(presentRosterDay) }),
  );
  app.put(
    '/api/duty/roster/:day',
    {
      config: { action: 'duty.keep' },
      schema: { tags, params: z.object({ day: isoDaySchema }).strict(), body: rosterDayUpdateSchema, response: { 200: rosterDayOut } },
    },
    async (req) => presentRosterDay(await roster.setRosterDay(db, req.ctx, req.params.day, req.body)),
  );

  app.get(
    '/api/duty/swaps',
    { config: { action: 'business.read' }, schema: { tags, querystring: orgQuery, response: { 200: swapsOut } } },
    async (req) => ({
      items: (await roster.listSwaps(db, req.ctx, req.query.orgId)).map((s) => presentSwap(req.ctx.actor, s)),
    }),
  );
  app.post(
    '/api/duty/swaps',
    { config: { action: 'duty.keep' }, schema: { tags, body: swapCreateSchema, response: { 201: swapOut } } },
    async (req, reply) => reply.code(201).send(presentSwap(req.ctx.actor, await roster.requestSwap(db, req.ctx, req.body))),
  );
  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/api/duty/swaps/:id/${verb}`,
      {
        config: { action: 'duty.approveSwap' },
        schema: { tags, params: idParamSchema, body: empty.optional(), response: { 200: swapOut } },
      },
      async (req) => presentSwap(req.ctx.actor, await roster.decideSwap(db, req.ctx, req.params.id, approve)),
    );
  }

  // The holiday calendar (county office) and holiday rosters submitted to it.
  app.get(
    '/api/calendar/holidays',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict(),
        response: { 200: holidaysOut },
      },
    },
    async (req) => ({
      items: (await roster.listHolidays(db, req.query.year)).map((h) => presentHoliday(h, roster.holidayRosterDueOn(h.startsOn))),
    }),
  );
  app.post(
    '/api/calendar/holidays',
    { config: { action: 'calendar.manage' }, schema: { tags, body: holidayPeriodSchema, response: { 201: holidayOut } } },
    async (req, reply) => {
      const h = await roster.createHoliday(db, req.ctx, req.body);
      return reply.code(201).send(presentHoliday(h, roster.holidayRosterDueOn(h.startsOn)));
    },
  );
  app.post(
    '/api/duty/holidays/:id/submit',
    {
      config: { action: 'duty.keep' },
      schema: { tags, params: idParamSchema, body: holidayRosterSubmitSchema, response: { 201: holidaySubmissionOut } },
    },
    async (req, reply) => {
      const s = await roster.submitHolidayRoster(db, req.ctx, req.params.id, req.body.note);
      return reply.code(201).send({ id: s.id, holidayId: s.holidayId, submittedOn: s.submittedOn, late: s.late });
    },
  );
  app.get(
    '/api/duty/holidays/:id/submissions',
    { config: { action: 'supervision.read' }, schema: { tags, params: idParamSchema, response: { 200: holidaySubmissionsOut } } },
    async (req) => {
      const r = await roster.holidaySubmissionStatus(db, req.params.id);
      return { holiday: presentHoliday(r.holiday, r.holiday.dueOn), items: r.orgs, missing: r.orgs.filter((o) => !o.submitted).length };
    },
  );

  // The duty log (值班日志)
  app.get(
    '/api/duty/log',
    { config: { action: 'business.read' }, schema: { tags, querystring: dutyLogQuerySchema, response: { 200: dutyLogPage } } },
    async (req, reply) => {
      const { page, pageSize, format, reportedUpward, ...rest } = req.query;
      const f = { ...rest, ...(reportedUpward ? { reportedUpward: reportedUpward === 'true' } : {}) };
      if (format !== 'json') {
        const all = await log.listLog(readDb, req.ctx, f, { page: 1, pageSize: MAX_EXPORT_ROWS });
        const summary = filterSummary([
          ['自', f.from],
          ['至', f.to],
          ['类别', f.kind && DUTY_LOG_KIND_LABELS[f.kind]],
        ]);
        return sendDutyLogRegister(reply, all.rows, format, await registerOrgName(readDb, req.ctx.actor, f.orgId), summary);
      }
      const r = await log.listLog(db, req.ctx, f, { page, pageSize });
      return { items: r.rows.map((e) => presentLogEntry(req.ctx.actor, e)), total: r.total, page, pageSize };
    },
  );
  app.post(
    '/api/duty/log',
    { config: { action: 'duty.keep' }, schema: { tags, body: dutyLogCreateSchema, response: { 201: dutyLogEntryOut } } },
    async (req, reply) => reply.code(201).send(presentLogEntry(req.ctx.actor, await log.addLogEntry(db, req.ctx, req.body))),
  );
  app.post(
    '/api/duty/log/:id/report',
    {
      config: { action: 'duty.keep' },
      schema: { tags, params: idParamSchema, body: empty.optional(), response: { 200: dutyLogEntryOut } },
    },
    async (req) => presentLogEntry(req.ctx.actor, await log.reportLogEntryUpward(db, req.ctx, req.params.id)),
  );
  app.post(
    '/api/duty/log/:id/draft-report',
    {
      config: { action: 'documents.draft' },
      schema: { tags, params: idParamSchema, body: empty.optional(), response: { 201: incidentDraftOut } },
    },
    async (req, reply) => {
      const doc = await log.draftIncidentReport(db, req.ctx, req.params.id);
      return reply.code(201).send({ documentId: doc.id, docType: doc.docType, title: doc.title });
    },
  );
  app.get(
    '/api/duty/incident-reports',
    { config: { action: 'business.read' }, schema: { tags, querystring: empty, response: { 200: incidentReportsOut } } },
    async (req) => ({
      items: (await log.listIncidentReports(db, req.ctx)).map((r) => presentIncident(req.ctx.actor, r)),
    }),
  );

  // Handover (交接班)
  app.get(
    '/api/duty/handovers',
    { config: { action: 'business.read' }, schema: { tags, querystring: orgQuery, response: { 200: handoversOut } } },
    async (req) => ({
      items: (await log.listHandovers(db, req.ctx, req.query.orgId)).map((h) => presentHandover(req.ctx.actor, h)),
    }),
  );
  app.post(
    '/api/duty/handovers',
    { config: { action: 'duty.keep' }, schema: { tags, body: handoverCreateSchema, response: { 201: handoverOut } } },
    async (req, reply) => reply.code(201).send(presentHandover(req.ctx.actor, await log.createHandover(db, req.ctx, req.body))),
  );
  app.post(
    '/api/duty/handovers/:id/confirm',
    { config: { action: 'duty.keep' }, schema: { tags, params: idParamSchema, body: empty.optional(), response: { 200: handoverOut } } },
    async (req) => presentHandover(req.ctx.actor, await log.confirmHandover(db, req.ctx, req.params.id)),
  );

  // For the county: per township and day, whether the log was kept.
  app.get(
    '/api/duty/completeness',
    { config: { action: 'supervision.read' }, schema: { tags, querystring: completenessQuerySchema, response: { 200: completenessOut } } },
    async (req) => ({
      items: await dutyLogByDay(db, req.query.from, req.query.to),
    }),
  );
  app.get(
    '/api/duty/days-kept',
    {
      config: { action: 'supervision.read' },
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(),
        response: { 200: daysKeptOut },
      },
    },
    async (req) => ({
      items: await dutyLogDaysKept(db, req.query.year),
    }),
  );
};
