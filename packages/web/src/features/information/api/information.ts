/** 信息报送, ranking, bulletins and research: queries and mutations over /api/info and /api/research. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulletinCreate,
  InfoAdoptionAdd,
  InfoItemCreate,
  InfoReview,
  InfoStatus,
  ResearchEvaluate,
  ResearchReportCreate,
  ResearchTopicCreate,
} from '@township-office/domain/information';
import type {
  Bulletin,
  BulletinList,
  InfoReport,
  InfoReportPage,
  Ranking,
  ResearchReport,
  ResearchReportList,
  Topic,
  TopicList,
} from '@township-office/domain/information.api';
import { api, openPdf } from '../../../lib/api.ts';

/** Response types are the server's contract (domain/information.api.ts); 信息报送 items are "info reports". */
export type { Bulletin, InfoReport, Ranking, RankingRow, ResearchReport, Topic } from '@township-office/domain/information.api';

export interface InfoReportQuery {
  year?: number;
  month?: number;
  status?: InfoStatus;
  orgId?: string;
  page: number;
  pageSize?: number;
}

export function useInfoReports(q: InfoReportQuery) {
  return useQuery({
    queryKey: ['information', 'items', q],
    queryFn: () => api.get<InfoReportPage>('/api/info/items', { ...q }),
    placeholderData: (prev) => prev,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['information'] });
}

export function useSubmitInfoReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: InfoItemCreate) => api.post<InfoReport>('/api/info/items', b),
    onSuccess: done,
  });
}
export function useReviewInfoReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...b }: { id: string } & InfoReview) => api.post<InfoReport>(`/api/info/items/${id}/review`, b),
    onSuccess: done,
  });
}
export function useAddAdoption() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, level }: { id: string } & Pick<InfoAdoptionAdd, 'level'>) =>
      api.post<InfoReport>(`/api/info/items/${id}/adoptions`, { level }),
    onSuccess: done,
  });
}
export function useWithdrawInfoReport() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<InfoReport>(`/api/info/items/${id}/withdraw`), onSuccess: done });
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
    queryFn: () => api.get<BulletinList>('/api/info/bulletins', { year }),
  });
}
export function useCompileBulletin() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: BulletinCreate) => api.post<Bulletin>('/api/info/bulletins', b),
    onSuccess: done,
  });
}
export const printBulletin = (id: string) => openPdf(`/api/info/bulletins/${id}/pdf`);

export function useTopics() {
  return useQuery({ queryKey: ['information', 'topics'], queryFn: () => api.get<TopicList>('/api/research/topics') });
}
export function useReports(topicId?: string) {
  return useQuery({
    queryKey: ['information', 'reports', topicId],
    queryFn: () => api.get<ResearchReportList>('/api/research/reports', { topicId }),
    enabled: !!topicId,
  });
}
export function useCreateTopic() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: ResearchTopicCreate) => api.post<Topic>('/api/research/topics', b),
    onSuccess: done,
  });
}
export function useSubmitReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ topicId, ...b }: { topicId: string } & ResearchReportCreate) =>
      api.post<ResearchReport>(`/api/research/topics/${topicId}/reports`, b),
    onSuccess: done,
  });
}
export function useEvaluateReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...b }: { id: string } & ResearchEvaluate) => api.post<ResearchReport>(`/api/research/reports/${id}/evaluate`, b),
    onSuccess: done,
  });
}
