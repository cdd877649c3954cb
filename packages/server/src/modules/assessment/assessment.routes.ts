import { z } from 'zod';
import { idParamSchema } from '@township-office/domain/common';
import { METRIC_KEYS, METRICS, type SchemeTransition } from '@township-office/domain/assessment';
import {
  appealAnswerSchema,
  appealCreateSchema,
  commentAnswerSchema,
  commentCreateSchema,
  createdSchemeSchema,
  gradesPutSchema,
  historyQuerySchema,
  historySchema,
  idOutSchema,
  indicatorsPutSchema,
  metricListSchema,
  resultsSchema,
  revisionSchema,
  schemeCreateSchema,
  schemeDetailSchema,
  schemeListQuerySchema,
  schemeListSchema,
  scoreEntrySchema,
  scoreSheetOutSchema,
  scoreSheetSchema,
  selfAssessmentListSchema,
  selfAssessmentSchema,
  selfReportSchema,
  stepBodySchema,
  versionListSchema,
} from '@township-office/domain/assessment.api';
import type { RouteModule } from '../../platform/app-types.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../db/client.ts';
import { fileResponse } from '@township-office/domain/print';
import { sendRegister } from '../../platform/print/register.ts';
import { fileStorageFor } from '../../platform/files.ts';
import { rootOrg } from '../orgs/orgs.service.ts';
import { resultsSpec } from './assessment.print.ts';
import { presentResult, presentScheme, presentSchemeSummary } from './assessment.presenter.ts';
import * as svc from './assessment.service.ts';

const STEPS: Record<string, SchemeTransition> = {
  'open-consultation': 'openConsultation',
  publish: 'publish',
  'open-self-assessment': 'openSelfAssessment',
  'start-scoring': 'startScoring',
  'open-notice': 'openNotice',
  finalise: 'finalise',
};

async function detail(db: Db, ctx: RequestContext, id: string) {
  const r = await svc.getScheme(db, ctx, id);
  const names = await svc.orgNames(
    db,
    ctx,
    [...r.comments, ...r.appeals].map((x) => x.orgId),
  );
  return presentScheme(ctx.actor, r.scheme, r.comments, r.appeals, names, r.ctx, r.version);
}

export const assessmentRoutes: RouteModule = (app, { db, config }) => {
  const storage = fileStorageFor(config);
  const tags = ['assessment'];
  const read = { action: 'business.read' } as const;

  app.get('/api/assessment/metrics', { config: read, schema: { tags, response: { 200: metricListSchema } } }, async () => ({
    items: METRIC_KEYS.map((key) => ({ key, label: METRICS[key].label, formula: METRICS[key].formula, kind: METRICS[key].kind })),
  }));

  app.get(
    '/api/assessment/schemes',
    { config: read, schema: { tags, querystring: schemeListQuerySchema, response: { 200: schemeListSchema } } },
    async (req) => ({ items: (await svc.listSchemes(db, req.ctx, req.query.year)).map(presentSchemeSummary) }),
  );
  app.post(
    '/api/assessment/schemes',
    { config: { action: 'assessment.manage' }, schema: { tags, body: schemeCreateSchema, response: { 201: createdSchemeSchema } } },
    async (req, reply) => {
      const row = await svc.createScheme(db, req.ctx, req.body);
      return reply.code(201).send({ id: row.id, status: 'draft' as const });
    },
  );
  app.get(
    '/api/assessment/schemes/:id',
    { config: read, schema: { tags, params: idParamSchema, response: { 200: schemeDetailSchema } } },
    async (req) => detail(db, req.ctx, req.params.id),
  );
  /** A PUT that replaces one part of a scheme (its indicators, its grades) and answers the scheme as it now stands. */
  function schemePartPut<B extends z.ZodType>(
    part: string,
    body: B,
    write: (ctx: RequestContext, id: string, value: z.infer<B>) => Promise<unknown>,
  ) {
    app.put(
      `/api/assessment/schemes/:id/${part}`,
      { config: { action: 'assessment.manage' }, schema: { tags, params: idParamSchema, body, response: { 200: schemeDetailSchema } } },
      async (req) => {
        await write(req.ctx, req.params.id, req.body as z.infer<B>);
        return detail(db, req.ctx, req.params.id);
      },
    );
  }
  schemePartPut('indicators', indicatorsPutSchema, (ctx, id, v) => svc.putIndicators(db, ctx, id, v));
  for (const [path, t] of Object.entries(STEPS)) {
    app.post(
      `/api/assessment/schemes/:id/${path}`,
      {
        config: { action: 'assessment.manage' },
        schema: { tags, params: idParamSchema, body: stepBodySchema, response: { 200: schemeDetailSchema } },
      },
      async (req) => {
        await svc.takeStep(db, req.ctx, req.params.id, t, req.body ?? {});
        return detail(db, req.ctx, req.params.id);
      },
    );
  }
  app.get(
    '/api/assessment/schemes/:id/results',
    {
      config: read,
      schema: {
        tags,
        params: idParamSchema,
        querystring: z.object({ orgId: z.uuid().optional() }).strict(),
        response: { 200: resultsSchema },
      },
    },
    async (req) => {
      const r = await svc.getResults(db, req.ctx, req.params.id, req.query.orgId);
      return {
        items: r.items.map(presentResult),
        final: r.scheme.status === 'final',
        averages: r.averages,
        computedAt: r.computedAt?.toISOString() ?? null,
      };
    },
  );
  // The results the caller may see, as Excel or an A4 landscape PDF (audited by sendRegister).
  app.get(
    '/api/assessment/schemes/:id/results/export',
    {
      config: read,
      schema: {
        tags,
        params: idParamSchema,
        querystring: z.object({ format: z.enum(['xlsx', 'pdf']) }).strict(),
        response: { 200: fileResponse('application/pdf or .xlsx') },
      },
    },
    async (req, reply) => {
      const r = await svc.getResults(db, req.ctx, req.params.id, undefined);
      const county = await rootOrg(db);
      return sendRegister(reply, resultsSpec(r.scheme, r.items, county?.name ?? ''), req.query.format, `${r.scheme.title}-考评结果`);
    },
  );
  // The scheme issued as a 通知: an outgoing draft of the county office with the printed scheme attached.
  app.post(
    '/api/assessment/schemes/:id/notice-document',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        params: idParamSchema,
        body: z.object({}).strict().optional(),
        response: { 201: z.object({ documentId: z.uuid() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.issueNotice(db, storage, req.ctx, req.params.id)),
  );
  app.post(
    '/api/assessment/schemes/:id/comments',
    {
      config: { action: 'assessment.comment' },
      schema: { tags, params: idParamSchema, body: commentCreateSchema, response: { 201: idOutSchema } },
    },
    async (req, reply) => reply.code(201).send({ id: (await svc.addComment(db, req.ctx, req.params.id, req.body)).id }),
  );
  app.post(
    '/api/assessment/comments/:id/answer',
    {
      config: { action: 'assessment.manage' },
      schema: { tags, params: idParamSchema, body: commentAnswerSchema, response: { 200: idOutSchema } },
    },
    async (req) => ({ id: (await svc.answerComment(db, req.ctx, req.params.id, req.body)).id }),
  );
  app.post(
    '/api/assessment/schemes/:id/scores',
    {
      config: { action: 'assessment.score' },
      schema: { tags, params: idParamSchema, body: scoreEntrySchema, response: { 200: idOutSchema } },
    },
    async (req) => ({ id: (await svc.enterScore(db, req.ctx, req.params.id, req.body)).id }),
  );
  app.post(
    '/api/assessment/schemes/:id/score-sheet',
    {
      config: { action: 'assessment.score' },
      schema: { tags, params: idParamSchema, body: scoreSheetSchema, response: { 200: scoreSheetOutSchema } },
    },
    async (req) => svc.enterScores(db, req.ctx, req.params.id, req.body.entries),
  );
  app.post(
    '/api/assessment/schemes/:id/self-reports',
    {
      config: { action: 'assessment.selfReport' },
      schema: { tags, params: idParamSchema, body: selfReportSchema, response: { 200: idOutSchema } },
    },
    async (req) => ({ id: (await svc.submitSelfReport(db, req.ctx, req.params.id, req.body)).id }),
  );
  app.get(
    '/api/assessment/schemes/:id/self-reports',
    {
      config: read,
      schema: {
        tags,
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(selfReportSchema.extend({ orgId: z.uuid(), submittedAt: z.iso.datetime() })) }) },
      },
    },
    async (req) => ({
      items: (await svc.listSelfReports(db, req.ctx, req.params.id)).map((r) => ({
        orgId: r.orgId,
        code: r.code,
        evidence: r.evidence,
        submittedAt: r.submittedAt.toISOString(),
      })),
    }),
  );
  app.post(
    '/api/assessment/schemes/:id/appeals',
    {
      config: { action: 'assessment.appeal' },
      schema: { tags, params: idParamSchema, body: appealCreateSchema, response: { 201: idOutSchema } },
    },
    async (req, reply) => reply.code(201).send({ id: (await svc.fileAppeal(db, req.ctx, req.params.id, req.body)).id }),
  );
  app.post(
    '/api/assessment/appeals/:id/answer',
    {
      config: { action: 'assessment.score' },
      schema: { tags, params: idParamSchema, body: appealAnswerSchema, response: { 200: idOutSchema } },
    },
    async (req) => ({ id: (await svc.answerAppeal(db, req.ctx, req.params.id, req.body)).id }),
  );

  // The year-end self-assessment: the office's summary, its leader in charge's confirmation.
  app.post(
    '/api/assessment/schemes/:id/self-assessment',
    {
      config: { action: 'assessment.selfReport' },
      schema: { tags, params: idParamSchema, body: selfAssessmentSchema, response: { 200: selfAssessmentListSchema } },
    },
    async (req) => {
      await svc.submitSelfAssessment(db, req.ctx, req.params.id, req.body);
      return { items: await svc.listSelfAssessments(db, req.ctx, req.params.id) };
    },
  );
  app.post(
    '/api/assessment/schemes/:id/self-assessment/confirm',
    {
      config: { action: 'assessment.confirmSelf' },
      schema: { tags, params: idParamSchema, response: { 200: selfAssessmentListSchema } },
    },
    async (req) => {
      await svc.confirmSelfAssessment(db, req.ctx, req.params.id);
      return { items: await svc.listSelfAssessments(db, req.ctx, req.params.id) };
    },
  );
  app.get(
    '/api/assessment/schemes/:id/self-assessments',
    { config: read, schema: { tags, params: idParamSchema, response: { 200: selfAssessmentListSchema } } },
    async (req) => ({ items: await svc.listSelfAssessments(db, req.ctx, req.params.id) }),
  );
  // Versions: the tree as published and each revision after it, with its reason.
  app.get(
    '/api/assessment/schemes/:id/versions',
    { config: read, schema: { tags, params: idParamSchema, response: { 200: versionListSchema } } },
    async (req) => ({ items: await svc.listVersions(db, req.ctx, req.params.id) }),
  );
  app.post(
    '/api/assessment/schemes/:id/revisions',
    {
      config: { action: 'assessment.manage' },
      schema: { tags, params: idParamSchema, body: revisionSchema, response: { 201: schemeDetailSchema } },
    },
    async (req, reply) => {
      await svc.reviseScheme(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await detail(db, req.ctx, req.params.id));
    },
  );
  schemePartPut('grades', gradesPutSchema, (ctx, id, v) => svc.putGrades(db, ctx, id, v));
  // An office's totals over the years (its own by default; the county names one).
  app.get(
    '/api/assessment/history',
    { config: read, schema: { tags, querystring: historyQuerySchema, response: { 200: historySchema } } },
    async (req) => svc.history(db, req.ctx, req.query.orgId),
  );
};
