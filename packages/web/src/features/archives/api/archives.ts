/** 档案: archiving, catalogue, lending over /api/archives. */
import { useQuery } from '@tanstack/react-query';
import type { Retention } from '@township-office/domain/archives';
import type { ArchiveCandidate, ArchiveConfig, ArchiveItem, ArchiveLoan, CatalogueRow } from '@township-office/domain/archives.api';
import { api, download, openPdf, type Query } from '../../../lib/api.ts';
import { useInvalidatingMutation, type Page } from '../../../lib/query.ts';

export type { ArchiveCandidate as Candidate, ArchiveConfig, ArchiveItem, ArchiveLoan as Loan, CatalogueRow };

export const useArchiveConfig = () =>
  useQuery({ queryKey: ['archives', 'config'], queryFn: () => api.get<ArchiveConfig>('/api/archives/config') });
export const useCandidates = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: ['archives', 'candidates', year],
    queryFn: () => api.get<{ items: ArchiveCandidate[] }>('/api/archives/candidates', { year }),
    enabled,
  });
export const useArchiveItems = (q: Query) =>
  useQuery({
    queryKey: ['archives', 'items', q],
    queryFn: () => api.get<Page<ArchiveItem>>('/api/archives/items', q),
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
  useQuery({ queryKey: ['archives', 'loans'], queryFn: () => api.get<{ items: ArchiveLoan[] }>('/api/archives/loans') });

export const useArchiveBatch = () =>
  useInvalidatingMutation(
    'archives',
    (b: { year: number; retention: Retention; classCode: string; sources: { kind: 'outgoing' | 'incoming'; id: string }[] }) =>
      api.post<{ items: ArchiveItem[] }>('/api/archives/batch', b),
  );
export const useLend = () =>
  useInvalidatingMutation('archives', (b: { itemId: string; borrower: string; borrowerOrg?: string; purpose: string; dueOn: string }) =>
    api.post<ArchiveLoan>('/api/archives/loans', b),
  );
export const useReturnLoan = () =>
  useInvalidatingMutation('archives', (id: string) => api.post<ArchiveLoan>(`/api/archives/loans/${id}/return`));

export const printItem = (id: string) => openPdf(`/api/archives/items/${id}/pdf`);
export const downloadCatalogue = (q: Query, format: 'xlsx' | 'pdf') =>
  format === 'pdf'
    ? openPdf('/api/archives/catalogue', { ...q, format })
    : download('/api/archives/catalogue', { query: { ...q, format }, fallbackName: '归档文件目录.xlsx' });
