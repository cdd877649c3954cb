/**
 * The one list-or-export handler of every register route: `?format=json` (the default) returns one
 * page `{ items, total, page, pageSize }`; `?format=xlsx|pdf` renders every row the filter selects
 * (up to MAX_EXPORT_ROWS, paging ignored) as the register file, audited by `sendRegister`.
 *
 *   return listOrExport(reply, req.query, {
 *     fetch: (limit, offset) => svc.outgoingRegister(db, req.ctx, filter, limit, offset),
 *     file: async (items) => ({ spec: await outgoingRegisterSpec(db, filter, items), fileBaseName: '发文登记本' }),
 *   });
 */
import type { FastifyReply } from 'fastify';
import { MAX_EXPORT_ROWS, type RegisterQuery, type RegisterSpec } from '@township-office/domain/print';
import { sendRegister } from './print/register.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListOrExportSpec<Item> {
  /** The selected items, `limit` of them from `offset`, and how many the filter selects in all. */
  fetch: (limit: number, offset: number) => Promise<{ items: Item[]; total: number }>;
  /** The register file of the selection (called only for xlsx/pdf). */
  file: (items: Item[]) => Promise<{ spec: RegisterSpec; fileBaseName: string }>;
}

export async function listOrExport<Item>(
  reply: FastifyReply,
  query: Pick<RegisterQuery, 'format' | 'page' | 'pageSize'>,
  spec: ListOrExportSpec<Item>,
): Promise<Page<Item> | FastifyReply> {
  if (query.format === 'json') {
    const { items, total } = await spec.fetch(query.pageSize, (query.page - 1) * query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
  const { items } = await spec.fetch(MAX_EXPORT_ROWS, 0);
  const { spec: register, fileBaseName } = await spec.file(items);
  return sendRegister(reply, register, query.format, fileBaseName);
}
