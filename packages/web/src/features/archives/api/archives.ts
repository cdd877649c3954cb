/** 档案: archiving, catalogue, lending over /api/archives. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Retention } from '@township-office/domain/archives';
import { api, download, openPdf, type Query } from '../../../lib/api.ts';

export interface ArchiveItem {
  id: string;
  orgId: string;
  archivalCode: string;
  year: number;
  retention: Retention;
  classKind: 'unit' | 'subject';
  classCode: string;
  itemNo: number;
  sourceKind: 'outgoing' | 'incoming' | 'manual';
  docNumber: string | null;
  responsible: string;
  title: string;
  docDate: string;
  classification: string;
  pages: number;
  remark: string | null;
  components: { role: string; label: string; title: string; pages: number }[];
  archivedAt: string;
}
export interface Candidate {
  kind: 'outgoing' | 'incoming';
  id: string;
  docNumber: string | null;
  title: string;
  date: string;
}
export interface CatalogueRow {
  seq: number;
  id: string;
  archivalCode: string;
  docNumber: string;
  responsible: string;
  title: string;
  date: string;
  classification: string;
  pages: number;
  remark: string;
}
export interface Loan {
  id: string;
  itemId: string;
  archivalCode: string;
  title: string;
  borrower: string;
  borrowerOrg: string | null;
  purpose: string;
  lentAt: string;
  dueOn: string;
  returnedAt: string | null;
  overdue: boolean;
}
export interface ArchiveConfig {
  config: { fondsCode: string; scheme: 'unit' | 'subject' } | null;
  classes: { kind: 'unit' | 'subject'; code: string; name: string }[];
}

const invalidate = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['archives'] });

export const useArchiveConfig = () =>
  useQuery({ queryKey: ['archives', 'config'], queryFn: () => api.get<ArchiveConfig>('/api/archives/config') });
export const useCandidates = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: ['archives', 'candidates', year],
    queryFn: () => api.get<{ items: Candidate[] }>('/api/archives/candidates', { year }),
    enabled,
  });
export const useArchiveItems = (q: Query) =>
  useQuery({
    queryKey: ['archives', 'items', q],
    queryFn: () => api.get<{ items: ArchiveItem[]; total: number }>('/api/archives/items', q),
    placeholderData: (p) => p,
  });
export const useCatalogue = (q: Query, enabled: boolean) =>
  useQuery({
    queryKey: ['archives', 'catalogue', q],
    queryFn: () => api.get<{ items: CatalogueRow[]; filterSummary: string; footer: string }>('/api/archives/catalogue', q),
    enabled,
    meta: { silentError: true },
    retry: false,
  });
export const useLoans = () =>
  useQuery({ queryKey: ['archives', 'loans'], queryFn: () => api.get<{ items: Loan[] }>('/api/archives/loans') });

export function useArchiveBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { year: number; retention: Retention; classCode: string; sources: { kind: 'outgoing' | 'incoming'; id: string }[] }) =>
      api.post<{ items: ArchiveItem[] }>('/api/archives/batch', b),
    onSuccess: () => invalidate(qc),
  });
}
export function useLend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { itemId: string; borrower: string; borrowerOrg?: string; purpose: string; dueOn: string }) =>
      api.post<Loan>('/api/archives/loans', b),
    onSuccess: () => invalidate(qc),
  });
}
export function useReturnLoan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<Loan>(`/api/archives/loans/${id}/return`), onSuccess: () => invalidate(qc) });
}

export const printItem = (id: string) => openPdf(`/api/archives/items/${id}/pdf`);
export const downloadCatalogue = (q: Query, format: 'xlsx' | 'pdf') =>
  format === 'pdf'
    ? openPdf('/api/archives/catalogue', { ...q, format })
    : download('/api/archives/catalogue', { query: { ...q, format }, fallbackName: '归档文件目录.xlsx' });
