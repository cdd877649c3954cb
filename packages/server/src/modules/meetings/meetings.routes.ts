import { chinaToday } from '@township-office/domain/dates';
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  followUpCloseSchema,
  followUpCreateSchema,
  followUpListQuerySchema,
  followUpOut,
  followUpPage,
  followUpProgressSchema,
  draftedDocumentOut,
  exchangeMeetingsOut,
  meetingAmendSchema,
  meetingCreateSchema,
  meetingListQuerySchema,
  meetingOut,
  meetingPage,
  meetingUpdateSchema,
  overdueFollowUpsByOrgOut,
  summaryDraftSchema,
} from '@township-office/domain/meetings.api';
import { isoDaySchema } from '@township-office/domain/holidays';
import { MAX_EXPORT_ROWS } from '@township-office/domain/print';
import { MEETING_KIND_LABELS } from '@township-office/domain/meetings';
import { filterSummary } from '../../platform/print/register.ts';
import { registerOrgName } from './register-print.ts';
import { registerSheetImportRoutes } from '../../platform/sheet-import.ts';
import { importMeetingIndex, meetingTemplate } from './meetings.import.service.ts';
import type { RouteModule } from '../../platform/app-types.ts';
import { exchangeMeetingsInYear, overdueFollowUpsByOrg } from './meetings.metrics.ts';
import { presentFollowUp, presentMeeting, presentMeetingSummary } from './meetings.presenter.ts';
import * as svc from './meetings.service.ts';
import { sendMeetingRegister, sendFollowUpRegister, sendMinutesForm } from './meetings.print.ts';

const noQuery = z.object({}).strict();

export const meetingsRoutes: RouteModule = (app, deps) => {
  const { db, readDb } = deps;
  const tags = ['meetings'];
  // The minutes' index from Excel (issue 12): /api/registers/meetings/template.xlsx and /import.
  registerSheetImportRoutes(app, deps, [
    {
      register: 'meetings',
      tags,
      fileName: '会议记录索引导入模板.xlsx',
      template: meetingTemplate,
      run: importMeetingIndex,
      action: 'meetings.record',
    },
  ]);
  const detail = async (req: { ctx: Parameters<typeof svc.getMeeting>[1] }, id: string) => {
    const r = await svc.getMeeting(db, req.ctx, id);
    return presentMeeting(req.ctx.actor, r.meeting, r.amendments, r.followUps, chinaToday());
  };

  app.get(
    '/api/meetings',
    { config: { action: 'business.read' }, schema: { tags, querystring: meetingListQuerySchema, response: { 200: meetingPage } } },
    async (req, reply) => {
      const { page, pageSize, format, ...f } = req.query;
      if (format !== 'json') {
        // An export reads every row the filter selects: from the replica when there is one.
        const all = await svc.listMeetings(readDb, req.ctx, f, { page: 1, pageSize: MAX_EXPORT_ROWS });
        const summary = filterSummary([
          ['类型', f.kind && MEETING_KIND_LABELS[f.kind]],
          ['自', f.from],
          ['至', f.to],
          ['关键词', f.q],
        ]);
        return sendMeetingRegister(reply, all.rows, format, await registerOrgName(readDb, req.ctx.actor, f.orgId), summary);
      }
      const r = await svc.listMeetings(db, req.ctx, f, { page, pageSize });
      return { items: r.rows.map(presentMeetingSummary), total: r.total, page, pageSize };
    },
  );
  app.post(
    '/api/meetings',
    { config: { action: 'meetings.record' }, schema: { tags, body: meetingCreateSchema, response: { 201: meetingOut } } },
    async (req, reply) => {
      const row = await svc.createMeeting(db, req.ctx, req.body);
      return reply.code(201).send(await detail(req, row.id));
    },
  );
  app.get(
    '/api/meetings/:id',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        params: idParamSchema,
        querystring: z.object({ format: z.enum(['pdf']).optional() }).strict(),
        response: { 200: meetingOut },
      },
    },
    async (req, reply) => {
      if (req.query.format === 'pdf') {
        const r = await svc.getMeeting(db, req.ctx, req.params.id);
        return sendMinutesForm(reply, r.meeting, await registerOrgName(db, req.ctx.actor, r.meeting.orgId));
      }
      return detail(req, req.params.id);
    },
  );
  app.patch(
    '/api/meetings/:id',
    {
      config: { action: 'meetings.record' },
      schema: { tags, params: idParamSchema, body: meetingUpdateSchema, response: { 200: meetingOut } },
    },
    async (req) => {
      await svc.updateMeeting(db, req.ctx, req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/finalise',
    {
      config: { action: 'meetings.record' },
      schema: { tags, params: idParamSchema, body: noQuery.optional(), response: { 200: meetingOut } },
    },
    async (req) => {
      await svc.finaliseMeeting(db, req.ctx, req.params.id);
      return detail(req, req.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/confirm',
    {
      config: { action: 'meetings.record' },
      schema: { tags, params: idParamSchema, body: noQuery.optional(), response: { 200: meetingOut } },
    },
    async (req) => {
      await svc.confirmMeeting(db, req.ctx, req.params.id);
      return detail(req, req.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/amendments',
    {
      config: { action: 'meetings.record' },
      schema: { tags, params: idParamSchema, body: meetingAmendSchema, response: { 201: meetingOut } },
    },
    async (req, reply) => {
      await svc.amendMeeting(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await detail(req, req.params.id));
    },
  );

  app.post(
    '/api/meetings/:id/draft-summary',
    {
      config: { action: 'documents.draft' },
      schema: { tags, params: idParamSchema, body: summaryDraftSchema, response: { 201: draftedDocumentOut } },
    },
    async (req, reply) => {
      const doc = await svc.draftSummaryFromMinutes(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send({ documentId: doc.id, docType: doc.docType, title: doc.title });
    },
  );

  // Follow-up of decisions (督办)
  app.get(
    '/api/follow-ups',
    { config: { action: 'business.read' }, schema: { tags, querystring: followUpListQuerySchema, response: { 200: followUpPage } } },
    async (req, reply) => {
      const { page, pageSize, format, overdue, ...rest } = req.query;
      const today = chinaToday();
      const f = { ...rest, ...(overdue === 'true' ? { overdueOn: today } : {}) };
      if (format !== 'json') {
        const all = await svc.listFollowUps(readDb, req.ctx, f, { page: 1, pageSize: MAX_EXPORT_ROWS });
        return sendFollowUpRegister(reply, all.rows, format, today, await registerOrgName(readDb, req.ctx.actor, f.orgId));
      }
      const r = await svc.listFollowUps(db, req.ctx, f, { page, pageSize });
      return {
        items: r.rows.map((x) => presentFollowUp(req.ctx.actor, x.f, today, { meetingTitle: x.meetingTitle })),
        total: r.total,
        page,
        pageSize,
      };
    },
  );
  app.post(
    '/api/follow-ups',
    { config: { action: 'followUps.manage' }, schema: { tags, body: followUpCreateSchema, response: { 201: followUpOut } } },
    async (req, reply) => {
      const row = await svc.createFollowUp(db, req.ctx, req.body);
      return reply.code(201).send(presentFollowUp(req.ctx.actor, row, chinaToday(), { progress: [] }));
    },
  );
  const followUpDetail = async (ctx: Parameters<typeof svc.getFollowUp>[1], id: string) => {
    const r = await svc.getFollowUp(db, ctx, id);
    return presentFollowUp(ctx.actor, r.followUp, chinaToday(), { progress: r.progress });
  };
  app.get(
    '/api/follow-ups/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: followUpOut } } },
    async (req) => followUpDetail(req.ctx, req.params.id),
  );
  app.post(
    '/api/follow-ups/:id/progress',
    {
      config: { action: 'followUps.manage' },
      schema: { tags, params: idParamSchema, body: followUpProgressSchema, response: { 201: followUpOut } },
    },
    async (req, reply) => {
      await svc.addFollowUpProgress(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await followUpDetail(req.ctx, req.params.id));
    },
  );
  app.post(
    '/api/follow-ups/:id/close',
    {
      config: { action: 'followUps.manage' },
      schema: { tags, params: idParamSchema, body: followUpCloseSchema, response: { 200: followUpOut } },
    },
    async (req) => {
      await svc.closeFollowUp(db, req.ctx, req.params.id, req.body);
      return followUpDetail(req.ctx, req.params.id);
    },
  );

  // For the county's supervision pages.
  app.get(
    '/api/follow-ups/overdue-by-org',
    {
      config: { action: 'supervision.read' },
      schema: { tags, querystring: z.object({ today: isoDaySchema.optional() }).strict(), response: { 200: overdueFollowUpsByOrgOut } },
    },
    async (req) => ({
      items: await overdueFollowUpsByOrg(db, req.query.today ?? chinaToday()),
    }),
  );
  app.get(
    '/api/meetings/exchange',
    {
      config: { action: 'supervision.read' },
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(),
        response: { 200: exchangeMeetingsOut },
      },
    },
    async (req) => ({
      items: await exchangeMeetingsInYear(db, req.query.year),
    }),
  );
};
