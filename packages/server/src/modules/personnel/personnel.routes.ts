import { z } from 'zod';
import { idParamSchema, safeString } from '@township-office/domain/common';
import { PersonnelErrors } from '@township-office/domain/personnel.errors';
import {
  STAFF_IMPORT_MAX_BYTES,
  filingCreateSchema,
  filingDeadlineSchema,
  filingDecisionSchema,
  leaderAssignSchema,
} from '@township-office/domain/personnel';
import * as api from '@township-office/domain/personnel.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { AppError } from '../../platform/errors.ts';
import { MIME, sendFile } from '../../platform/print/send.ts';
import { presentFiling, presentLeader, presentStaff } from './personnel.presenter.ts';
import * as svc from './personnel.service.ts';
import { exportStaffSheet, importStaffSheet, staffSheetTemplate } from './personnel.sheet.ts';

const tags = ['personnel'];
const orgQuery = z.object({ orgId: z.uuid().optional() }).strict();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
/** Base64 inflates by 4/3; the JSON envelope adds a little. */
const IMPORT_BODY_LIMIT = Math.ceil((STAFF_IMPORT_MAX_BYTES * 4) / 3) + 4096;

export const personnelRoutes: RouteModule = (app, { db }) => {
  const read = { action: 'business.read' as const };
  app.get('/api/personnel/settings', { config: read, schema: { tags, response: { 200: api.filingSettingsSchema } } }, async () => ({
    filingDeadlineDays: await svc.filingDeadlineDays(db),
  }));
  app.put(
    '/api/personnel/settings',
    { config: { action: 'personnel.manage' }, schema: { tags, body: filingDeadlineSchema, response: { 200: api.filingSettingsSchema } } },
    async (req) => ({
      filingDeadlineDays: await svc.setFilingDeadline(db, req.ctx, req.body.days),
    }),
  );

  app.get(
    '/api/personnel/leaders',
    {
      config: read,
      schema: { tags, querystring: orgQuery.extend({ history: bool.optional() }).strict(), response: { 200: api.leaderListSchema } },
    },
    async (req) => ({
      items: (await svc.listLeaders(db, req.ctx, req.query)).map((r) => presentLeader(r.leader, r, req.ctx.actor)),
    }),
  );
  app.get(
    '/api/personnel/leaders/candidates',
    {
      config: { action: 'personnel.manage' },
      schema: { tags, querystring: api.leaderCandidatesQuerySchema, response: { 200: api.leaderCandidateListSchema } },
    },
    async (req) => ({ items: await svc.leaderCandidates(db, req.ctx, req.query.orgId) }),
  );
  app.post(
    '/api/personnel/leaders',
    { config: { action: 'personnel.manage' }, schema: { tags, body: leaderAssignSchema, response: { 201: api.leaderSchema } } },
    async (req, reply) => {
      const row = await svc.assignLeader(db, req.ctx, req.body);
      return reply.code(201).send(presentLeader(row, { orgName: '' }, req.ctx.actor));
    },
  );

  const staffQuery = orgQuery.extend({ status: z.enum(['active', 'left']).optional() }).strict();
  app.get(
    '/api/personnel/staff',
    { config: read, schema: { tags, querystring: staffQuery, response: { 200: api.staffListSchema } } },
    async (req) => ({
      items: (await svc.listStaff(db, req.ctx, req.query)).map((r) => presentStaff(r.staff, r, req.ctx.actor)),
    }),
  );
  app.get(
    '/api/personnel/staff/:id',
    { config: read, schema: { tags, params: idParamSchema, response: { 200: api.staffHistorySchema } } },
    async (req) => {
      const h = await svc.staffHistory(db, req.ctx, req.params.id);
      return {
        person: presentStaff(h.person, { orgName: '' }, req.ctx.actor),
        filings: h.filings.map((f) => presentFiling(f.filing, f, req.ctx.actor)),
      };
    },
  );
  // The full ID number of one record, on an audited click (the lists and pages show it masked).
  const empty = z.object({}).strict().optional();
  app.post(
    '/api/personnel/staff/:id/reveal',
    { config: read, schema: { tags, params: idParamSchema, body: empty, response: { 200: api.revealedIdNumberSchema } } },
    async (req) => ({
      idNumber: await svc.revealStaffIdNumber(db, req.ctx, req.params.id),
    }),
  );
  app.post(
    '/api/personnel/filings/:id/reveal',
    { config: read, schema: { tags, params: idParamSchema, body: empty, response: { 200: api.revealedIdNumberSchema } } },
    async (req) => ({
      idNumber: await svc.revealFilingIdNumber(db, req.ctx, req.params.id),
    }),
  );
  app.get(
    '/api/personnel/structure',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: api.staffStructureSchema } } },
    async (req) => svc.staffStructure(db, req.ctx, req.query),
  );

  const filingQuery = orgQuery
    .extend({ state: z.enum(['submitted', 'acknowledged', 'returned']).optional(), late: bool.optional() })
    .strict();
  app.get(
    '/api/personnel/filings',
    { config: read, schema: { tags, querystring: filingQuery, response: { 200: api.filingListSchema } } },
    async (req) => ({
      items: (await svc.listFilings(db, req.ctx, req.query)).map((r) => presentFiling(r.filing, r, req.ctx.actor)),
    }),
  );
  app.post(
    '/api/personnel/filings',
    { config: { action: 'personnel.file' }, schema: { tags, body: filingCreateSchema, response: { 201: api.filingSchema } } },
    async (req, reply) => {
      const row = await svc.submitFiling(db, req.ctx, req.body);
      return reply.code(201).send(presentFiling(row, { orgName: '', staffName: null }, req.ctx.actor));
    },
  );
  app.post(
    '/api/personnel/filings/:id/decision',
    {
      config: { action: 'personnel.acknowledge' },
      schema: { tags, params: idParamSchema, body: filingDecisionSchema, response: { 200: api.filingSchema } },
    },
    async (req) => {
      const row = await svc.decideFiling(db, req.ctx, req.params.id, req.body);
      return presentFiling(row, { orgName: '', staffName: null }, req.ctx.actor);
    },
  );

  const importBody = z
    .object({
      fileName: safeString().trim().min(1).max(200),
      contentBase64: safeString()
        .max(IMPORT_BODY_LIMIT)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确 / the file content is not base64'),
    })
    .strict();
  app.post(
    '/api/personnel/import',
    {
      config: { action: 'personnel.manage' },
      bodyLimit: IMPORT_BODY_LIMIT,
      // Refuse an oversized sheet from its declared length, before reading the body.
      onRequest: async (req) => {
        if (Number(req.headers['content-length'] ?? 0) > IMPORT_BODY_LIMIT)
          throw new AppError(PersonnelErrors.IMPORT_TOO_LARGE, { limit: `${STAFF_IMPORT_MAX_BYTES / 1048576} MB` });
      },
      schema: { tags, body: importBody, response: { 200: api.staffImportedSchema } },
    },
    async (req) => {
      if (!/\.xlsx$/i.test(req.body.fileName)) throw new AppError(PersonnelErrors.IMPORT_NOT_XLSX);
      return importStaffSheet(db, req.ctx, Buffer.from(req.body.contentBase64, 'base64'));
    },
  );
  app.get(
    '/api/personnel/export.xlsx',
    { config: read, schema: { tags, querystring: orgQuery, response: { 200: api.staffSheetResponse } } },
    async (req, reply) => sendFile(reply, await exportStaffSheet(db, req.ctx, req.query), '乡镇办公室工作人员信息库.xlsx', MIME.xlsx),
  );
  app.get(
    '/api/personnel/template.xlsx',
    { config: read, schema: { tags, response: { 200: api.staffSheetResponse } } },
    async (_req, reply) => sendFile(reply, await staffSheetTemplate(), '人员导入模板.xlsx', MIME.xlsx),
  );
};
