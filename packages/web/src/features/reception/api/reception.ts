/** Visitor reception and letters and visits over /api/visits and /api/petitions; the types are the domain's response schemas. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PetitionerOut,
  PetitionOut,
  PetitionStatsOut,
  PetitionSummaryOut,
  VisitOut,
  petitionCreateSchema,
} from '@township-office/domain/reception.api';
import { api, type Query } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation, type Page } from '../../../lib/query.ts';

export type Visit = VisitOut;
export type Petitioner = PetitionerOut;
export type PetitionSummary = PetitionSummaryOut;
export type Petition = PetitionOut;
export type PetitionStats = PetitionStatsOut;
export type PetitionIn = z.input<typeof petitionCreateSchema>;

export const useVisits = (q: Query) =>
  useQuery({ queryKey: keys.list('reception', 'visits', q), queryFn: () => api.get<Page<Visit>>('/api/visits', q) });
export const usePetitions = (q: Query) =>
  useQuery({ queryKey: keys.list('reception', 'petitions', q), queryFn: () => api.get<Page<PetitionSummary>>('/api/petitions', q) });
export const usePetition = (id: string) =>
  useQuery({ queryKey: keys.one('reception', 'petition', id), queryFn: () => api.get<Petition>(`/api/petitions/${id}`) });
export const usePetitionStats = (q: { year: number; orgId?: string }) =>
  useQuery({ queryKey: keys.list('reception', 'stats', q), queryFn: () => api.get<PetitionStats>('/api/petitions/stats', q) });

export const useCreateVisit = () => useInvalidatingMutation('reception', (b: Record<string, unknown>) => api.post<Visit>('/api/visits', b));
export const useRegisterPetition = () => useInvalidatingMutation('reception', (b: PetitionIn) => api.post<Petition>('/api/petitions', b));
/** One step of the case: its path under /api/petitions/{id}/ and its body. */
export const usePetitionStep = () =>
  useInvalidatingMutation('reception', ({ id, path, body }: { id: string; path: string; body: Record<string, unknown> }) =>
    api.post<Petition>(`/api/petitions/${id}/${path}`, body),
  );
export const useReveal = () =>
  useMutation({ mutationFn: (id: string) => api.post<{ petitioners: Petitioner[] }>(`/api/petitions/${id}/reveal`) });
