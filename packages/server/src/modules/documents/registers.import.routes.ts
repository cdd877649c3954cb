/**
 * Fixed API points of issue 12: `GET /api/registers/{incoming,outgoing}/template.xlsx` and
 * `POST /api/registers/{incoming,outgoing}/import` (multipart, field `file`) → 201 `{ imported }`, or
 * 422 `{ error: { code, message }, rows: [{ row, column, message }] }` with nothing imported.
 */
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importResultOut } from '@township-office/domain/imports';
import type { RouteModule } from '../../platform/app-types.ts';
import { MIME, sendFile } from '../../platform/print/send.ts';
import { ImportRefused, sendImportRefusal, uploadedFile } from '../../platform/sheet-import.ts';
import { importIncomingRegister, importOutgoingRegister, incomingTemplate, outgoingTemplate } from './registers.import.service.ts';

const tags = ['documents'];
const xlsxFile = z.unknown().describe('an .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');

export const registerImportRoutes: RouteModule = (app, { db, config }) => {
  const registers = [
    {
      path: 'incoming',
      name: '收文登记本导入模板.xlsx',
      template: incomingTemplate,
      run: importIncomingRegister,
      action: 'documents.receive',
    },
    {
      path: 'outgoing',
      name: '发文登记本导入模板.xlsx',
      template: outgoingTemplate,
      run: importOutgoingRegister,
      action: 'documents.dispatch',
    },
  ] as const;
  for (const r of registers) {
    app.get(
      `/api/registers/${r.path}/template.xlsx`,
      {
        config: { action: 'business.read' },
        schema: { tags, summary: `the ${r.path} register's import template`, response: { 200: xlsxFile } },
      },
      async (_req, reply) => sendFile(reply, await r.template(), r.name, MIME.xlsx),
    );
  }
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 2, fields: 5 } });
    for (const r of registers) {
      scope.post(
        `/api/registers/${r.path}/import`,
        {
          config: { action: r.action },
          schema: {
            tags,
            summary: `import the ${r.path} register from Excel (multipart field "file"): all rows or none`,
            consumes: ['multipart/form-data'],
            // The 422 of a refused sheet is `importRefusalOut` (sent by sendImportRefusal); other 4xx are the catalogued errors.
            response: { 201: importResultOut },
          },
        },
        async (req, reply) => {
          const file = await uploadedFile(req, config.maxUploadBytes);
          try {
            return reply.code(201).send(await r.run(db, req.ctx, file));
          } catch (err) {
            if (err instanceof ImportRefused) return sendImportRefusal(reply, err);
            throw err;
          }
        },
      );
    }
  });
};
