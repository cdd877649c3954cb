/** The assessment API: types inferred from the domain's contract, one hook per read. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resultsSchema, schemeDetailSchema, schemeListSchema } from '@township-office/domain/assessment.api';
import { api } from '../../../lib/api.ts';

export type SchemeList = z.infer<typeof schemeListSchema>;
export type SchemeDetail = z.infer<typeof schemeDetailSchema>;
export type Results = z.infer<typeof resultsSchema>;

export const useSchemes = (year: number) =>
  useQuery({ queryKey: ['assessment', 'schemes', year], queryFn: () => api.get<SchemeList>('/api/assessment/schemes', { year }) });

export const useScheme = (id: string | null) =>
  useQuery({
    queryKey: ['assessment', 'scheme', id],
    enabled: !!id,
    queryFn: () => api.get<SchemeDetail>(`/api/assessment/schemes/${id}`),
  });

export const useResults = (id: string | null) =>
  useQuery({
    queryKey: ['assessment', 'results', id],
    enabled: !!id,
    queryFn: () => api.get<Results>(`/api/assessment/schemes/${id}/results`),
  });
