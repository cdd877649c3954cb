/** 信息报送, ranking, bulletins and research: queries and mutations over /api/info and /api/research. */
import { useQuery } from '@tanstack/react-query';
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
import { useInvalidatingMutation } from '../../../lib/query.ts';

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

export const useSubmitInfoReport = () =>
  useInvalidatingMutation('information', (b: InfoItemCreate) => api.post<InfoReport>('/api/info/items', b));
export const useReviewInfoReport = () =>
  useInvalidatingMutation('information', ({ id, ...b }: { id: string } & InfoReview) =>
    api.post<InfoReport>(`/api/info/items/${id}/review`, b),
  );
export const useAddAdoption = () =>
  useInvalidatingMutation('information', ({ id, level }: { id: string } & Pick<InfoAdoptionAdd, 'level'>) =>
    api.post<InfoReport>(`/api/info/items/${id}/adoptions`, { level }),
  );
export const useWithdrawInfoReport = () =>
  useInvalidatingMutation('information', (id: string) => api.post<InfoReport>(`/api/info/items/${id}/withdraw`));

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
export const useCompileBulletin = () =>
  useInvalidatingMutation('information', (b: BulletinCreate) => api.post<Bulletin>('/api/info/bulletins', b));
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
export const useCreateTopic = () =>
  useInvalidatingMutation('information', (b: ResearchTopicCreate) => api.post<Topic>('/api/research/topics', b));
export const useSubmitReport = () =>
  useInvalidatingMutation('information', ({ topicId, ...b }: { topicId: string } & ResearchReportCreate) =>
    api.post<ResearchReport>(`/api/research/topics/${topicId}/reports`, b),
  );
export const useEvaluateReport = () =>
  useInvalidatingMutation('information', ({ id, ...b }: { id: string } & ResearchEvaluate) =>
    api.post<ResearchReport>(`/api/research/reports/${id}/evaluate`, b),
  );
