/**
 * Fixed API points of issue 12: `GET /api/registers/{incoming,outgoing}/template.xlsx` and
 * `POST /api/registers/{incoming,outgoing}/import` (multipart, field `file`) → 201 `{ imported }`, or
 * 422 `{ error: { code, message }, rows: [{ row, column, message }] }` with nothing imported.
 */
import type { RouteModule } from '../../platform/app-types.ts';
import { registerSheetImportRoutes } from '../../platform/sheet-import.ts';
import { importIncomingRegister, importOutgoingRegister, incomingTemplate, outgoingTemplate } from './registers.import.service.ts';

export const registerImportRoutes: RouteModule = (app, deps) =>
  registerSheetImportRoutes(app, deps, [
    {
      register: 'incoming',
      tags: ['documents'],
      fileName: '收文登记本导入模板.xlsx',
      template: incomingTemplate,
      run: importIncomingRegister,
      action: 'documents.receive',
    },
    {
      register: 'outgoing',
      tags: ['documents'],
      fileName: '发文登记本导入模板.xlsx',
      template: outgoingTemplate,
      run: importOutgoingRegister,
      action: 'documents.dispatch',
    },
  ]);
