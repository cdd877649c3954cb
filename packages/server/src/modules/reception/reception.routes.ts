import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import { isoDaySchema } from '@township-office/domain/holidays';
import { chinaToday } from '@township-office/domain/dates';
import {
  PETITION_CATEGORY_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_SOURCE_LABELS,
  PETITION_STATUS_LABELS,
} from '@township-office/domain/petitions';
import { MAX_EXPORT_ROWS } from '@township-office/domain/print';
import {
  overdueByOrgOut,
  petitionAcceptSchema,
  petitionCloseSchema,
  petitionCreateSchema,
  petitionExtendSchema,
  petitionHearingSchema,
  petitionListQuerySchema,
  petitionObjectionResultSchema,
  petitionObjectionSchema,
  petitionOut,
  petitionPage,
  petitionRejectSchema,
  petitionRevealOut,
  petitionReviewAnswerSchema,
  petitionReviewRequestSchema,
  petitionStatsOut,
  petitionStatsQuerySchema,
  visitCreateSchema,
  visitListQuerySchema,
  visitOut,
  visitPage,
  visitUpdateSchema,
  visitVoidSchema,
} from '@township-office/domain/reception.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { filterSummary } from '../../platform/print/register.ts';
import { registerOrgName } from '../meetings/register-print.ts';
import * as petitions from './petitions.service.ts';
import { overduePetitionsByOrg } from './petitions.metrics.ts';
import { maskPetitioners, presentPetition, presentPetitionSummary, presentVisit } from './reception.presenter.ts';
import { sendPetitionRegister, sendVisitForm, sendVisitRegister } from './reception.print.ts';
import * as visits from './visits.service.ts';
import { registerSheetImportRoutes } from '../../platform/sheet-import.ts';
import { importVisitRegister, visitTemplate } from './visits.import.service.ts';

const empty = z.object({}).strict();

export const receptionRoutes: RouteModule = (app, deps) => {
  const { db, readDb } = deps;
  const tags = ['reception'];
  // The visitor register from Excel (issue 12): /api/registers/visits/template.xlsx and /import.
  registerSheetImportRoutes(app, deps, [
    {
      register: 'visits',
      tags,
      fileName: '来客接待登记簿导入模板.xlsx',
      template: visitTemplate,
      run: importVisitRegister,
      action: 'reception.keep',
    },
  ]);

  // Visitor reception (来客接待)
  app.get(
    '/api/visits',
    { config: { action: 'business.read' }, schema: { tags, querystring: visitListQuerySchema, response: { 200: visitPage } } },
    async (req, reply) => {
      const { page, pageSize, format, includeVoid, ...rest } = req.query;
      const f = { ...rest, includeVoid: includeVoid === 'true' };
      if (format !== 'json') {
        // An export reads every row the filter selects: from the replica when there is one.
        const all = await visits.listVisits(readDb, req.ctx, f, { page: 1, pageSize: MAX_EXPORT_ROWS });
        return sendVisitRegister(
          reply,
          all.rows,
          format,
          await registerOrgName(readDb, req.ctx.actor, f.orgId),
          filterSummary([
            ['自', f.from],
            ['至', f.to],
            ['关键词', f.q],
          ]),
        );
      }
      const r = await visits.listVisits(db, req.ctx, f, { page, pageSize });
      return { items: r.rows.map((v) => presentVisit(req.ctx.actor, v)), total: r.total, page, pageSize };
    },
  );
  app.post(
    '/api/visits',
    { config: { action: 'reception.keep' }, schema: { tags, body: visitCreateSchema, response: { 201: visitOut } } },
    async (req, reply) => reply.code(201).send(presentVisit(req.ctx.actor, await visits.createVisit(db, req.ctx, req.body))),
  );
  app.get(
    '/api/visits/:id',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        params: idParamSchema,
        querystring: z.object({ format: z.enum(['json', 'pdf']).default('json') }).strict(),
        response: { 200: visitOut },
      },
    },
    async (req, reply) => {
      const v = await visits.getVisit(db, req.ctx, req.params.id);
      if (req.query.format === 'pdf') return sendVisitForm(reply, v, await registerOrgName(db, req.ctx.actor, v.orgId));
      return presentVisit(req.ctx.actor, v);
    },
  );
  app.patch(
    '/api/visits/:id',
    { config: { action: 'reception.keep' }, schema: { tags, params: idParamSchema, body: visitUpdateSchema, response: { 200: visitOut } } },
    async (req) => presentVisit(req.ctx.actor, await visits.updateVisit(db, req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/visits/:id/void',
    { config: { action: 'reception.keep' }, schema: { tags, params: idParamSchema, body: visitVoidSchema, response: { 200: visitOut } } },
    async (req) => presentVisit(req.ctx.actor, await visits.voidVisit(db, req.ctx, req.params.id, req.body.reason)),
  );

  // Letters and visits (信访)
  app.get(
    '/api/petitions',
    { config: { action: 'business.read' }, schema: { tags, querystring: petitionListQuerySchema, response: { 200: petitionPage } } },
    async (req, reply) => {
      const { page, pageSize, format, overdue, noticeLate, ...rest } = req.query;
      const today = chinaToday();
      const f = {
        ...rest,
        ...(overdue === 'true' ? { overdueOn: today } : {}),
        ...(noticeLate ? { noticeLate: noticeLate === 'true' } : {}),
      };
      if (format !== 'json') {
        const all = await petitions.listPetitions(readDb, req.ctx, f, { page: 1, pageSize: MAX_EXPORT_ROWS }, { auditSearch: false });
        // The keyword goes on the sheet (and so into the export's audit row) with its digits starred.
        const summary = filterSummary([
          ['状态', f.status && PETITION_STATUS_LABELS[f.status]],
          ['方式', f.channel && PETITION_CHANNEL_LABELS[f.channel]],
          ['类别', f.category && PETITION_CATEGORY_LABELS[f.category]],
          ['来源', f.source && PETITION_SOURCE_LABELS[f.source]],
          ['告知逾期', noticeLate === 'true' ? '是' : undefined],
          ['自', f.from],
          ['至', f.to],
          ['仅逾期', overdue === 'true' ? '是' : undefined],
          ['关键词', f.q && petitions.auditSafeQuery(f.q)],
        ]);
        return sendPetitionRegister(
          reply,
          req.ctx.actor,
          all.rows,
          format,
          await registerOrgName(readDb, req.ctx.actor, f.orgId),
          summary,
          today,
        );
      }
      const r = await petitions.listPetitions(db, req.ctx, f, { page, pageSize });
      return { items: r.rows.map((p) => presentPetitionSummary(req.ctx.actor, p, today)), total: r.total, page, pageSize };
    },
  );
  app.post(
    '/api/petitions',
    { config: { action: 'petitions.handle' }, schema: { tags, body: petitionCreateSchema, response: { 201: petitionOut } } },
    async (req, reply) => {
      const p = await petitions.registerPetition(db, req.ctx, req.body);
      return reply.code(201).send(await detail(req.ctx, p.id));
    },
  );
  const detail = async (ctx: Parameters<typeof petitions.getPetition>[1], id: string) => {
    const r = await petitions.getPetition(db, ctx, id);
    return presentPetition(ctx.actor, r.petition, r.events, chinaToday(), await petitions.holidayCalendar(db));
  };
  app.get(
    '/api/petitions/stats',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: petitionStatsQuerySchema, response: { 200: petitionStatsOut } },
    },
    async (req) => {
      const { rows, figures } = await petitions.petitionStats(db, req.ctx, req.query.year, req.query.orgId);
      const sum = (key: 'category' | 'channel' | 'month') => {
        const m = new Map<string | number, number>();
        for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + Number(r.n));
        return [...m]
          .map(([k, n]) => ({ key: String(k), count: n }))
          .sort((a, b) => (key === 'month' ? Number(a.key) - Number(b.key) : b.count - a.count));
      };
      return {
        year: req.query.year,
        total: rows.reduce((s, r) => s + Number(r.n), 0),
        byCategory: sum('category'),
        byChannel: sum('channel'),
        byMonth: sum('month'),
        figures,
      };
    },
  );
  app.get(
    '/api/petitions/overdue-by-org',
    {
      config: { action: 'supervision.read' },
      schema: { tags, querystring: z.object({ today: isoDaySchema.optional() }).strict(), response: { 200: overdueByOrgOut } },
    },
    async (req) => ({
      items: await overduePetitionsByOrg(db, req.query.today ?? chinaToday()),
    }),
  );
  app.get(
    '/api/petitions/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: petitionOut } } },
    async (req) => detail(req.ctx, req.params.id),
  );
  app.post(
    '/api/petitions/:id/reveal',
    {
      config: { action: 'petitions.handle' },
      schema: { tags, params: idParamSchema, body: empty.optional(), response: { 200: petitionRevealOut } },
    },
    async (req) => {
      const list = await petitions.revealPetitioners(db, req.ctx, req.params.id);
      return {
        petitioners: list.map((p) => ({ name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })),
        masked: maskPetitioners(list),
      };
    },
  );
  const steps = [
    ['accept', petitionAcceptSchema, petitions.acceptPetition],
    ['reject', petitionRejectSchema, petitions.rejectPetition],
    ['extend', petitionExtendSchema, petitions.extendPetition],
    ['close', petitionCloseSchema, petitions.closePetition],
    ['review-request', petitionReviewRequestSchema, petitions.requestReview],
    ['review-answer', petitionReviewAnswerSchema, petitions.answerReview],
    ['hearing', petitionHearingSchema, petitions.recordHearing],
    ['objection', petitionObjectionSchema, petitions.objectPetition],
    ['objection-result', petitionObjectionResultSchema, petitions.decideObjection],
  ] as const;
  for (const [path, body, op] of steps) {
    app.post(
      `/api/petitions/:id/${path}`,
      { config: { action: 'petitions.handle' }, schema: { tags, params: idParamSchema, body, response: { 200: petitionOut } } },
      async (req) => {
        await (op as (db: unknown, ctx: unknown, id: string, input: unknown) => Promise<unknown>)(db, req.ctx, req.params.id, req.body);
        return detail(req.ctx, req.params.id);
      },
    );
  }
};
