/** 信息报送, ranking, bulletins and research: queries and mutations over /api/info and /api/research. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdoptionLevel, InfoKind, InfoStatus, InfoUrgency, ResearchGrade } from '@township-office/domain/information';
import { api, openPdf } from '../../../lib/api.ts';

export interface InfoItem {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  content: string;
  kind: InfoKind;
  urgency: InfoUrgency;
  status: InfoStatus;
  submittedAt: string;
  submitterName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  adoptions: { level: AdoptionLevel; points: number; note: string | null; adoptedAt: string }[];
  points: number;
  actions: ('withdraw' | 'review' | 'addAdoption')[];
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface RankingRow {
  orgId: string;
  orgName: string;
  points: number;
  adoptionPoints: number;
  basePoints: number;
  items: number;
  adopted: number;
  rank: number;
}
export interface Ranking {
  year: number;
  month: number | null;
  of: number;
  items: RankingRow[];
  mine: RankingRow | null;
}
export interface Bulletin {
  id: string;
  year: number;
  number: number;
  numberText: string;
  title: string;
  compiledAt: string;
  documentId: string | null;
  dispatchedAt: string | null;
  itemCount: number;
}
export interface Topic {
  id: string;
  year: number;
  title: string;
  description: string;
  deadline: string;
  reports: number;
  evaluated: number;
}
export interface Report {
  id: string;
  topicId: string;
  orgId: string;
  orgName: string;
  title: string;
  content: string;
  submittedAt: string;
  grade: ResearchGrade | null;
  comment: string | null;
  evaluatedAt: string | null;
  actions: 'evaluate'[];
}

export interface ItemQuery {
  year?: number;
  month?: number;
  status?: InfoStatus;
  orgId?: string;
  page: number;
  pageSize?: number;
}

export function useInfoItems(q: ItemQuery) {
  return useQuery({
    queryKey: ['information', 'items', q],
    queryFn: () => api.get<Page<InfoItem>>('/api/info/items', { ...q }),
    placeholderData: (prev) => prev,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['information'] });
}

export function useSubmitItem() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: { title: string; content: string; kind: InfoKind; urgency: InfoUrgency }) => api.post<InfoItem>('/api/info/items', b),
    onSuccess: done,
  });
}
export function useReviewItem() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      ...b
    }: { id: string; decision: 'adopt'; levels: AdoptionLevel[]; note?: string } | { id: string; decision: 'reject'; note: string }) =>
      api.post<InfoItem>(`/api/info/items/${id}/review`, b),
    onSuccess: done,
  });
}
export function useAddAdoption() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, level }: { id: string; level: AdoptionLevel }) => api.post<InfoItem>(`/api/info/items/${id}/adoptions`, { level }),
    onSuccess: done,
  });
}
export function useWithdrawItem() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<InfoItem>(`/api/info/items/${id}/withdraw`), onSuccess: done });
}

export function useRanking(year: number, month?: number) {
  return useQuery({
    queryKey: ['information', 'ranking', year, month],
    queryFn: () => api.get<Ranking>('/api/info/ranking', { year, month }),
  });
}

export function useBulletins(year?: number) {
  return useQuery({
    queryKey: ['information', 'bulletins', year],
    queryFn: () => api.get<{ items: Bulletin[] }>('/api/info/bulletins', { year }),
  });
}
export function useCompileBulletin() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: { itemIds: string[]; title?: string }) => api.post<Bulletin>('/api/info/bulletins', b),
    onSuccess: done,
  });
}
export const printBulletin = (id: string) => openPdf(`/api/info/bulletins/${id}/pdf`);

export function useTopics() {
  return useQuery({ queryKey: ['information', 'topics'], queryFn: () => api.get<{ items: Topic[] }>('/api/research/topics') });
}
export function useReports(topicId?: string) {
  return useQuery({
    queryKey: ['information', 'reports', topicId],
    queryFn: () => api.get<{ items: Report[] }>('/api/research/reports', { topicId }),
    enabled: !!topicId,
  });
}
export function useCreateTopic() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: { title: string; description: string; deadline: string }) => api.post<Topic>('/api/research/topics', b),
    onSuccess: done,
  });
}
export function useSubmitReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ topicId, ...b }: { topicId: string; title: string; content: string }) =>
      api.post<Report>(`/api/research/topics/${topicId}/reports`, b),
    onSuccess: done,
  });
}
export function useEvaluateReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...b }: { id: string; grade: ResearchGrade; comment: string }) =>
      api.post<Report>(`/api/research/reports/${id}/evaluate`, b),
    onSuccess: done,
  });
}
