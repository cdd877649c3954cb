/** 发文登记本 / 收文登记本: JSON pages, or the whole selection as xlsx / pdf. */
import { useQuery } from '@tanstack/react-query';
import { api, download, type Query } from '../../../lib/api.ts';
import type { IncomingRegisterRow, OutgoingRegisterRow, Page } from './types.ts';

export type RegisterKind = 'outgoing' | 'incoming';
export type RegisterRow<K extends RegisterKind> = K extends 'outgoing' ? OutgoingRegisterRow : IncomingRegisterRow;

export function useRegister<K extends RegisterKind>(kind: K, query: Query) {
  return useQuery({
    queryKey: ['documents', 'register', kind, query],
    queryFn: () => api.get<Page<RegisterRow<K>>>(`/api/registers/${kind}`, query),
    placeholderData: (prev) => prev,
  });
}

/** Saves the register with the current filters (no paging: the whole selection). */
export function downloadRegister(kind: RegisterKind, query: Query, format: 'xlsx' | 'pdf'): Promise<string> {
  const { page: _p, pageSize: _s, ...filters } = query;
  const name = kind === 'outgoing' ? '发文登记本' : '收文登记本';
  return download(`/api/registers/${kind}`, { query: { ...filters, format }, fallbackName: `${name}.${format}` });
}
