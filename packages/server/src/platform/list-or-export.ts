/**
 * The one list-or-export handler of the register routes: `?format=json` (the default) returns one
 * page `{ items, total, page, pageSize }` (plus whatever else `fetch` reports, e.g. `totalExact`);
 * `?format=xlsx|pdf` renders every row the filter selects (up to MAX_EXPORT_ROWS, paging ignored)
 * as the register file, audited by `sendRegister`.
 *
 *   return listOrExport(reply, req.query, {
 *     fetch: (limit, offset) => svc.outgoingRegisterItems(db, filter, limit, offset),
 *     file: (items) => svc.outgoingRegisterFile(db, filter, items),
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

export interface ListOrExportSpec<Fetched extends { items: unknown[]; total: number }> {
  /** The selected items, `limit` of them from `offset`, and how many the filter selects in all. */
  fetch: (limit: number, offset: number) => Promise<Fetched>;
  /** The register file of the selection (called only for xlsx/pdf). */
  file: (items: Fetched['items']) => Promise<{ spec: RegisterSpec; fileBaseName: string }>;
}

export async function listOrExport<Fetched extends { items: unknown[]; total: number }>(
  reply: FastifyReply,
  query: Pick<RegisterQuery, 'format' | 'page' | 'pageSize'>,
  spec: ListOrExportSpec<Fetched>,
): Promise<(Fetched & Pick<Page<unknown>, 'page' | 'pageSize'>) | FastifyReply> {
  if (query.format === 'json') {
    const fetched = await spec.fetch(query.pageSize, (query.page - 1) * query.pageSize);
    return { ...fetched, page: query.page, pageSize: query.pageSize };
  }
  const { items } = await spec.fetch(MAX_EXPORT_ROWS, 0);
  const { spec: register, fileBaseName } = await spec.file(items);
  return sendRegister(reply, register, query.format, fileBaseName);
}
