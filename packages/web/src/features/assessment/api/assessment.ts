/** The assessment API: types inferred from the domain's contract, one hook per read or write. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  appealAnswerSchema,
  appealCreateSchema,
  commentAnswerSchema,
  commentCreateSchema,
  createdSchemeSchema,
  gradesPutSchema,
  historySchema,
  idOutSchema,
  indicatorsPutSchema,
  metricListSchema,
  resultsSchema,
  revisionSchema,
  schemeCreateSchema,
  schemeDetailSchema,
  schemeListSchema,
  scoreEntrySchema,
  selfAssessmentListSchema,
  selfAssessmentSchema,
  selfReportSchema,
  versionListSchema,
} from '@township-office/domain/assessment.api';
import type { SchemeTransition } from '@township-office/domain/assessment';
import { api } from '../../../lib/api.ts';
import { useInvalidatingMutation } from '../../../lib/query.ts';

export type SchemeList = z.infer<typeof schemeListSchema>;
export type SchemeDetail = z.infer<typeof schemeDetailSchema>;
export type IndicatorOut = SchemeDetail['indicators'][number];
export type Results = z.infer<typeof resultsSchema>;
export type ResultRow = Results['items'][number];
export type MetricList = z.infer<typeof metricListSchema>;
export type SchemeCreate = z.infer<typeof schemeCreateSchema>;
export type IndicatorsPut = z.infer<typeof indicatorsPutSchema>;
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;
export type SelfReportIn = z.infer<typeof selfReportSchema>;
export type CommentIn = z.infer<typeof commentCreateSchema>;
export type CommentAnswer = z.infer<typeof commentAnswerSchema>;
export type AppealIn = z.infer<typeof appealCreateSchema>;
export type AppealAnswer = z.infer<typeof appealAnswerSchema>;
type IdOut = z.infer<typeof idOutSchema>;
export type SelfAssessmentList = z.infer<typeof selfAssessmentListSchema>;
export type SelfAssessmentItem = SelfAssessmentList['items'][number];
export type VersionList = z.infer<typeof versionListSchema>;
export type History = z.infer<typeof historySchema>;

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

export const useMetrics = () =>
  useQuery({ queryKey: ['assessment', 'metrics'], staleTime: Infinity, queryFn: () => api.get<MetricList>('/api/assessment/metrics') });

export const useSelfReports = (id: string | null) =>
  useQuery({
    queryKey: ['assessment', 'self-reports', id],
    enabled: !!id,
    queryFn: () =>
      api.get<{ items: (SelfReportIn & { orgId: string; submittedAt: string })[] }>(`/api/assessment/schemes/${id}/self-reports`),
  });

export const useCreateScheme = () =>
  useInvalidatingMutation('assessment', (b: SchemeCreate) => api.post<z.infer<typeof createdSchemeSchema>>('/api/assessment/schemes', b));

export const usePutIndicators = (id: string) =>
  useInvalidatingMutation('assessment', (b: IndicatorsPut) => api.put<SchemeDetail>(`/api/assessment/schemes/${id}/indicators`, b));

/** The URL segment of each step of the year (assessment.routes.ts). */
export const STEP_PATHS: Record<SchemeTransition, string> = {
  openConsultation: 'open-consultation',
  publish: 'publish',
  openSelfAssessment: 'open-self-assessment',
  startScoring: 'start-scoring',
  openNotice: 'open-notice',
  finalise: 'finalise',
};

export const useStep = (id: string) =>
  useInvalidatingMutation('assessment', ({ step, closesOn }: { step: SchemeTransition; closesOn?: string }) =>
    api.post<SchemeDetail>(`/api/assessment/schemes/${id}/${STEP_PATHS[step]}`, closesOn ? { closesOn } : undefined),
  );

/** The scheme issued as a 通知: the county office's outgoing draft; a 409 names the draft already made. */
export const useNoticeDocument = (id: string) =>
  useInvalidatingMutation('assessment', () => api.post<{ documentId: string }>(`/api/assessment/schemes/${id}/notice-document`), {
    silentError: true,
  });

export const useEnterScore = (id: string) =>
  useInvalidatingMutation('assessment', (b: ScoreEntry) => api.post<IdOut>(`/api/assessment/schemes/${id}/scores`, b));

export const useSelfReport = (id: string) =>
  useInvalidatingMutation('assessment', (b: SelfReportIn) => api.post<IdOut>(`/api/assessment/schemes/${id}/self-reports`, b));

export const useComment = (id: string) =>
  useInvalidatingMutation('assessment', (b: CommentIn) => api.post<IdOut>(`/api/assessment/schemes/${id}/comments`, b));

export const useAnswerComment = () =>
  useInvalidatingMutation('assessment', ({ id, ...b }: CommentAnswer & { id: string }) =>
    api.post<IdOut>(`/api/assessment/comments/${id}/answer`, b),
  );

export const useAppeal = (id: string) =>
  useInvalidatingMutation('assessment', (b: AppealIn) => api.post<IdOut>(`/api/assessment/schemes/${id}/appeals`, b));

export const useAnswerAppeal = () =>
  useInvalidatingMutation('assessment', ({ id, ...b }: AppealAnswer & { id: string }) =>
    api.post<IdOut>(`/api/assessment/appeals/${id}/answer`, b),
  );

export const useSelfAssessments = (id: string | null, enabled = true) =>
  useQuery({
    queryKey: ['assessment', 'self-assessments', id],
    enabled: !!id && enabled,
    queryFn: () => api.get<SelfAssessmentList>(`/api/assessment/schemes/${id}/self-assessments`),
  });

export const useSubmitSelfAssessment = (id: string) =>
  useInvalidatingMutation('assessment', (b: z.infer<typeof selfAssessmentSchema>) =>
    api.post<SelfAssessmentList>(`/api/assessment/schemes/${id}/self-assessment`, b),
  );

/** The leader in charge's confirmation: a POST with no body. */
export const useConfirmSelfAssessment = (id: string) =>
  useInvalidatingMutation('assessment', () => api.post<SelfAssessmentList>(`/api/assessment/schemes/${id}/self-assessment/confirm`));

export const useVersions = (id: string | null, enabled = true) =>
  useQuery({
    queryKey: ['assessment', 'versions', id],
    enabled: !!id && enabled,
    queryFn: () => api.get<VersionList>(`/api/assessment/schemes/${id}/versions`),
  });

export const useRevise = (id: string) =>
  useInvalidatingMutation('assessment', (b: z.infer<typeof revisionSchema>) =>
    api.post<SchemeDetail>(`/api/assessment/schemes/${id}/revisions`, b),
  );

export const usePutGrades = (id: string) =>
  useInvalidatingMutation('assessment', (b: z.infer<typeof gradesPutSchema>) =>
    api.put<SchemeDetail>(`/api/assessment/schemes/${id}/grades`, b),
  );

/** An office's totals over the years (its own when orgId is left out). */
export const useHistory = (orgId: string | null | undefined) =>
  useQuery({
    queryKey: ['assessment', 'history', orgId ?? 'own'],
    enabled: orgId !== null,
    queryFn: () => api.get<History>('/api/assessment/history', orgId ? { orgId } : undefined),
  });
