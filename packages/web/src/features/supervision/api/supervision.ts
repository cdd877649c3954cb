/**
 * The supervision feature's server state: the dashboard, the team (leaders in charge, staff and
 * filings, training, rotations) and the environment (rooms, equipment, expenses, rules, posts).
 * Response types are the server's contract (domain/*.api.ts), never written out here.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CountyDashboard, CountyGrid, ProvinceDashboard, StandardColumn, TownshipRow } from '@township-office/domain/dashboard';
import type { Charts, Gap, Standing } from '@township-office/domain/dashboard.api';
import type { Filing, Leader, LeaderCandidate, Staff } from '@township-office/domain/personnel.api';
import type { FilingCreate, LeaderAssign } from '@township-office/domain/personnel';
import type { Coverage, Proposal, Rotation, TrainingSession } from '@township-office/domain/training.api';
import type { rotationCompleteSchema, trainingSessionCreateSchema } from '@township-office/domain/training';
import type {
  Equipment,
  ExpenseSummary,
  PostAssignment,
  Room,
  RuleDocument,
  TownshipRule,
  acknowledgementSchema,
} from '@township-office/domain/environment.api';
import type {
  equipmentUpsertSchema,
  expenseUpsertSchema,
  postAssignSchema,
  roomUpsertSchema,
  ruleAdoptSchema,
  ruleDocumentCreateSchema,
} from '@township-office/domain/environment';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { CountyGrid, ProvinceDashboard };
export type { Charts, CountyDashboard, Coverage, Equipment, Filing, Gap, Leader, LeaderCandidate, Proposal, Room, Rotation, Staff };
export type { ExpenseSummary, PostAssignment, RuleDocument, Standing, StandardColumn, TownshipRow, TownshipRule, TrainingSession };

const F = 'supervision';
type Items<T> = { items: T[] };

export const useCountyDashboard = (year: number) =>
  useQuery({ queryKey: keys.list(F, 'county', year), queryFn: () => api.get<CountyDashboard>('/api/dashboard/county', { year }) });
/** The province overview, one line per county (province roles). */
export const useProvinceDashboard = (year: number) =>
  useQuery({ queryKey: keys.list(F, 'province', year), queryFn: () => api.get<ProvinceDashboard>('/api/dashboard/province', { year }) });
/** One county's grid, for the province's drill-down. */
export const useCountyGrid = (countyId: string | undefined, year: number) =>
  useQuery({
    queryKey: keys.list(F, 'county', { countyId, year }),
    enabled: !!countyId,
    queryFn: () => api.get<CountyGrid>('/api/dashboard/county', { year, countyId }),
  });
export const useCharts = (year: number) =>
  useQuery({ queryKey: keys.list(F, 'charts', year), queryFn: () => api.get<Charts>('/api/dashboard/county/charts', { year }) });
export const useStanding = (orgId: string | undefined, year: number) =>
  useQuery({
    queryKey: keys.list(F, 'standing', { orgId, year }),
    enabled: !!orgId,
    queryFn: () => api.get<Standing>(`/api/dashboard/townships/${orgId}`, { year }),
  });
/** The records behind one cell: the column's list API with the township filled in (any module's list). */
export const useRecords = (apiPath: string | null) =>
  useQuery({
    queryKey: keys.list(F, 'records', apiPath),
    enabled: !!apiPath,
    queryFn: () => api.get<Record<string, unknown>>(apiPath!),
  });

// Team: leaders in charge
export const useLeaders = (query: { orgId?: string; history?: boolean } = {}) =>
  useQuery({ queryKey: keys.list(F, 'leaders', query), queryFn: () => api.get<Items<Leader>>('/api/personnel/leaders', query) });
export const useLeaderCandidates = (orgId: string | undefined) =>
  useQuery({
    queryKey: keys.list(F, 'leaderCandidates', orgId),
    enabled: !!orgId,
    queryFn: () => api.get<Items<LeaderCandidate>>('/api/personnel/leaders/candidates', { orgId }),
  });
export const useAssignLeader = () => useInvalidatingMutation(F, (b: LeaderAssign) => api.post<Leader>('/api/personnel/leaders', b));

// Team: staff and filings
export const useFilings = (query: { state?: string; orgId?: string }) =>
  useQuery({ queryKey: keys.list(F, 'filings', query), queryFn: () => api.get<Items<Filing>>('/api/personnel/filings', query) });
export const useStaff = (orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'staff', orgId ?? 'all'),
    queryFn: () => api.get<Items<Staff>>('/api/personnel/staff', { orgId, status: 'active' }),
  });
export const useFileChange = () => useInvalidatingMutation(F, (b: FilingCreate) => api.post<Filing>('/api/personnel/filings', b));
export const useDecideFiling = () =>
  useInvalidatingMutation(F, ({ id, ...b }: { id: string; decision: 'acknowledge' | 'return'; reason?: string }) =>
    api.post<Filing>(`/api/personnel/filings/${id}/decision`, b),
  );
export const useImportStaff = () =>
  useInvalidatingMutation(
    F,
    (b: { fileName: string; contentBase64: string }) => api.post<{ imported: number }>('/api/personnel/import', b),
    { silentError: true },
  );
/** A staff member's (or a filing's) full ID number: one audited reveal per click. */
export const useRevealIdNumber = () => useInvalidatingMutation<string, { idNumber: string }>(['none'], (path) => api.post(path));

// Training and rotation
export const useSessions = (year: number) =>
  useQuery({
    queryKey: keys.list(F, 'sessions', year),
    queryFn: () => api.get<Items<TrainingSession>>('/api/training/sessions', { year }),
  });
export const useCoverage = (year: number, orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'coverage', { year, orgId }),
    queryFn: () => api.get<Coverage>('/api/training/coverage', { year, orgId }),
  });
export const useRecordSession = () =>
  useInvalidatingMutation(F, (b: z.input<typeof trainingSessionCreateSchema>) => api.post<{ id: string }>('/api/training/sessions', b));
export const useProposal = (year: number, quarter: number, enabled: boolean) =>
  useQuery({
    queryKey: keys.list(F, 'proposal', { year, quarter }),
    enabled,
    queryFn: () => api.get<Proposal>('/api/training/rotations/proposal', { year, quarter }),
  });
export const useConfirmRotation = () =>
  useInvalidatingMutation(F, (b: { year: number; quarter: number; staffIds: string[] }) =>
    api.post<Items<Rotation>>('/api/training/rotations', b),
  );
export const useCompleteRotation = () =>
  useInvalidatingMutation(F, ({ id, ...b }: { id: string } & z.infer<typeof rotationCompleteSchema>) =>
    api.post<Rotation>(`/api/training/rotations/${id}/complete`, b),
  );
export const useRotations = (year: number) =>
  useQuery({ queryKey: keys.list(F, 'rotations', year), queryFn: () => api.get<Items<Rotation>>('/api/training/rotations', { year }) });

// Environment
export const useExpenses = (year: number, orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'expenses', { year, orgId }),
    queryFn: () => api.get<ExpenseSummary>('/api/environment/expenses', { year, orgId }),
  });
export const useRooms = (orgId?: string) =>
  useQuery({ queryKey: keys.list(F, 'rooms', orgId ?? 'all'), queryFn: () => api.get<Items<Room>>('/api/environment/rooms', { orgId }) });
export const useEquipment = (orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'equipment', orgId ?? 'all'),
    queryFn: () => api.get<Items<Equipment>>('/api/environment/equipment', { orgId }),
  });
export const useRules = (orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'rules', orgId ?? 'all'),
    queryFn: () => api.get<Items<TownshipRule>>('/api/environment/rules', { orgId }),
  });
export const useRuleDocuments = (orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'ruleDocuments', orgId ?? 'all'),
    queryFn: () => api.get<Items<RuleDocument>>('/api/environment/rule-documents', { orgId }),
  });
export const usePosts = (orgId?: string) =>
  useQuery({
    queryKey: keys.list(F, 'posts', orgId ?? 'all'),
    queryFn: () => api.get<Items<PostAssignment>>('/api/environment/posts', { orgId }),
  });
export const useSaveRoom = () =>
  useInvalidatingMutation(F, (b: z.input<typeof roomUpsertSchema>) => api.put<Room>('/api/environment/rooms', b));
export const useSaveEquipment = () =>
  useInvalidatingMutation(F, (b: z.input<typeof equipmentUpsertSchema>) => api.put<Equipment>('/api/environment/equipment', b));
export const useSaveExpense = () =>
  useInvalidatingMutation(F, (b: z.input<typeof expenseUpsertSchema>) => api.put<unknown>('/api/environment/expenses', b));
export const useAdoptRule = () =>
  useInvalidatingMutation(F, (b: z.input<typeof ruleAdoptSchema>) => api.post<unknown>('/api/environment/rules', b));
export const useIssueRuleDocument = () =>
  useInvalidatingMutation(F, (b: z.input<typeof ruleDocumentCreateSchema>) =>
    api.post<{ id: string }>('/api/environment/rule-documents', b),
  );
export const useAcknowledgeRuleDocument = () =>
  useInvalidatingMutation(F, (id: string) =>
    api.post<z.infer<typeof acknowledgementSchema>>(`/api/environment/rule-documents/${id}/acknowledge`),
  );
export const useAssignPost = () =>
  useInvalidatingMutation(F, (b: z.input<typeof postAssignSchema>) => api.post<unknown>('/api/environment/posts', b));
