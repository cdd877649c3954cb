import { fileResponse } from '@township-office/domain/print';
import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import {
  bulletinCreateSchema,
  infoAdoptionAddSchema,
  infoItemCreateSchema,
  infoListQuerySchema,
  infoReviewSchema,
  rankingQuerySchema,
  researchEvaluateSchema,
  researchReportCreateSchema,
  researchTopicCreateSchema,
  scoringConfigSchema,
  ADOPTION_LEVELS,
} from '@township-office/domain/information';
import {
  adoptionLevelsOut,
  bulletinDetailOut,
  bulletinListOut,
  bulletinOut,
  infoReportOut,
  infoReportPageOut,
  rankingOut,
  researchReportListOut,
  researchReportOut,
  scoringConfigOut,
  topicListOut,
  topicOut,
} from '@township-office/domain/information.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { MIME, sendFile } from '../../platform/print/send.ts';
import { presentBulletin, presentBulletinDetail, presentInfoReport, presentReport, presentTopic } from './information.presenter.ts';
import * as info from './information.service.ts';
import * as bulletins from './bulletins.service.ts';
import * as research from './research.service.ts';
import { renderBulletinPdf, documentsDraftFromContent } from './information.seams.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
const dispatchBody = z.object({ recipientOrgIds: z.array(z.uuid()).min(1).max(500) }).strict();
const reportsQuery = z.object({ topicId: z.uuid().optional() }).strict();

export const informationRoutes: RouteModule = (app, { db }) => {
  const tags = ['information'];
  app.get(
    '/api/info/items',
    { config: { action: 'business.read' }, schema: { tags, querystring: infoListQuerySchema, response: { 200: infoReportPageOut } } },
    async (req) => {
      const page = await info.listItems(db, req.ctx, req.query);
      return { ...page, items: page.items.map((r) => presentInfoReport(req.ctx.actor, r)) };
    },
  );
  app.post(
    '/api/info/items',
    { config: { action: 'info.submit' }, schema: { tags, body: infoItemCreateSchema, response: { 201: infoReportOut } } },
    async (req, reply) => {
      const row = await info.submitItem(db, req.ctx, req.body);
      return reply.code(201).send(presentInfoReport(req.ctx.actor, await info.getItem(db, req.ctx, row.id)));
    },
  );
  app.get(
    '/api/info/items/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: infoReportOut } } },
    async (req) => presentInfoReport(req.ctx.actor, await info.getItem(db, req.ctx, req.params.id)),
  );
  app.post(
    '/api/info/items/:id/withdraw',
    { config: { action: 'info.submit' }, schema: { tags, params: idParamSchema, response: { 200: infoReportOut } } },
    async (req) => {
      await info.withdrawItem(db, req.ctx, req.params.id);
      return presentInfoReport(req.ctx.actor, await info.getItem(db, req.ctx, req.params.id));
    },
  );
  app.post(
    '/api/info/items/:id/review',
    {
      config: { action: 'info.review' },
      schema: { tags, params: idParamSchema, body: infoReviewSchema, response: { 200: infoReportOut } },
    },
    async (req) => {
      await info.reviewItem(db, req.ctx, req.params.id, req.body);
      return presentInfoReport(req.ctx.actor, await info.getItem(db, req.ctx, req.params.id));
    },
  );
  app.post(
    '/api/info/items/:id/adoptions',
    {
      config: { action: 'info.review' },
      schema: { tags, params: idParamSchema, body: infoAdoptionAddSchema, response: { 200: infoReportOut } },
    },
    async (req) => {
      await info.addAdoption(db, req.ctx, req.params.id, req.body);
      return presentInfoReport(req.ctx.actor, await info.getItem(db, req.ctx, req.params.id));
    },
  );

  app.get(
    '/api/info/ranking',
    {
      config: { action: 'business.read' },
      schema: {
        tags,
        querystring: rankingQuerySchema,
        response: { 200: rankingOut },
      },
    },
    async (req) => info.ranking(db, req.ctx, req.query),
  );
  app.get(
    '/api/info/config/:year',
    { config: { action: 'business.read' }, schema: { tags, params: yearParam, response: { 200: scoringConfigOut } } },
    async (req) => info.scoringConfig(db, req.params.year),
  );
  app.put(
    '/api/info/config/:year',
    {
      config: { action: 'info.configure' },
      schema: { tags, params: yearParam, body: scoringConfigSchema, response: { 200: scoringConfigOut } },
    },
    async (req) => info.setScoringConfig(db, req.ctx, req.params.year, req.body),
  );
  app.get(
    '/api/info/levels',
    { config: { action: 'business.read' }, schema: { tags, response: { 200: adoptionLevelsOut } } },
    async () => ({ items: [...ADOPTION_LEVELS] }),
  );

  // 信息专报
  app.get(
    '/api/info/bulletins',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: yearQuery, response: { 200: bulletinListOut } },
    },
    async (req) => ({
      items: (await bulletins.listBulletins(db, req.ctx, req.query.year)).map(presentBulletin),
    }),
  );
  app.post(
    '/api/info/bulletins',
    { config: { action: 'info.bulletin' }, schema: { tags, body: bulletinCreateSchema, response: { 201: bulletinOut } } },
    async (req, reply) => {
      const row = await bulletins.compileBulletin(db, req.ctx, req.body);
      return reply.code(201).send(presentBulletin({ ...row, itemCount: req.body.itemIds.length }));
    },
  );
  app.get(
    '/api/info/bulletins/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: bulletinDetailOut } } },
    async (req) => presentBulletinDetail(await bulletins.getBulletin(db, req.ctx, req.params.id)),
  );
  app.get(
    '/api/info/bulletins/:id/pdf',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: fileResponse(MIME.pdf) } } },
    async (req, reply) => {
      const spec = await bulletins.bulletinPrintSpec(db, req.ctx, req.params.id);
      const { fileName, ...form } = spec;
      return sendFile(reply, await renderBulletinPdf(form), fileName, MIME.pdf, 'inline');
    },
  );
  app.post(
    '/api/info/bulletins/:id/dispatch',
    { config: { action: 'info.bulletin' }, schema: { tags, params: idParamSchema, body: dispatchBody, response: { 200: bulletinOut } } },
    async (req) => {
      const row = await bulletins.dispatchBulletin(db, req.ctx, req.params.id, documentsDraftFromContent(), req.body.recipientOrgIds);
      const b = await bulletins.getBulletin(db, req.ctx, row.id);
      return presentBulletin({ ...row, itemCount: b.items.length });
    },
  );

  // 调研
  app.get(
    '/api/research/topics',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: yearQuery, response: { 200: topicListOut } },
    },
    async (req) => ({
      items: (await research.listTopics(db, req.ctx, req.query.year)).map(presentTopic),
    }),
  );
  app.post(
    '/api/research/topics',
    { config: { action: 'research.manage' }, schema: { tags, body: researchTopicCreateSchema, response: { 201: topicOut } } },
    async (req, reply) => reply.code(201).send(presentTopic(await research.createTopic(db, req.ctx, req.body))),
  );
  app.post(
    '/api/research/topics/:id/reports',
    {
      config: { action: 'research.report' },
      schema: { tags, params: idParamSchema, body: researchReportCreateSchema, response: { 201: researchReportOut } },
    },
    async (req, reply) =>
      reply.code(201).send(presentReport(req.ctx.actor, await research.submitReport(db, req.ctx, req.params.id, req.body))),
  );
  app.get(
    '/api/research/reports',
    {
      config: { action: 'business.read' },
      schema: { tags, querystring: reportsQuery, response: { 200: researchReportListOut } },
    },
    async (req) => ({
      items: (await research.listReports(db, req.ctx, req.query.topicId)).map((r) => presentReport(req.ctx.actor, r)),
    }),
  );
  app.get(
    '/api/research/reports/:id',
    { config: { action: 'business.read' }, schema: { tags, params: idParamSchema, response: { 200: researchReportOut } } },
    async (req) => presentReport(req.ctx.actor, await research.getReport(db, req.ctx, req.params.id)),
  );
  app.post(
    '/api/research/reports/:id/evaluate',
    {
      config: { action: 'research.manage' },
      schema: { tags, params: idParamSchema, body: researchEvaluateSchema, response: { 200: researchReportOut } },
    },
    async (req) => presentReport(req.ctx.actor, await research.evaluateReport(db, req.ctx, req.params.id, req.body)),
  );
};
