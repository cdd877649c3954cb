import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CountyDashboard, StandardColumn, TownshipRow } from '@township-office/domain/dashboard';
import { api } from '../../../lib/api.ts';

export type { CountyDashboard, StandardColumn, TownshipRow };

export interface Gap {
  column: StandardColumn;
  label: string;
  status: string;
  value: string;
  advice: string;
  drill: string;
}
export interface Standing {
  year: number;
  township: { id: string; code: string; name: string };
  row: TownshipRow;
  gaps: Gap[];
  columns: CountyDashboard['columns'];
}
export interface Charts {
  year: number;
  onlineShareByMonth: { month: number; share: number | null }[] | null;
  staffStructure: { band: string; education: string; n: number }[];
  expensesByTownship: { orgId: string; name: string; byCategory: Record<string, number> }[];
  overdueByTownship: { orgId: string; name: string; overdue: number | null }[];
}
export interface Filing {
  id: string;
  orgId: string;
  orgName: string;
  staffId: string | null;
  staffName: string | null;
  kind: 'join' | 'leave' | 'transfer' | 'particulars';
  changeDate: string;
  filedAt: string;
  state: 'submitted' | 'acknowledged' | 'returned';
  late: boolean;
  returnReason: string | null;
  allowed: ('acknowledge' | 'return' | 'revealIdNumber')[];
}
export interface Staff {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  gender: string;
  birthDate: string;
  education: string;
  officeRole: string;
  phone: string;
  startDate: string;
  status: string;
  /** Masked (110101********1234); the whole number comes from the audited reveal. */
  idNumber: string | null;
  allowed: 'revealIdNumber'[];
}
export interface Proposal {
  year: number;
  quarter: number;
  period: { start: string; end: string };
  alreadyConfirmed: number;
  candidates: { staffId: string; name: string; orgId: string; orgName: string; lastRotation: string | null; townshipStaffCount: number }[];
}

export const useCountyDashboard = (year: number) =>
  useQuery({ queryKey: ['supervision', 'county', year], queryFn: () => api.get<CountyDashboard>('/api/dashboard/county', { year }) });
export const useCharts = (year: number) =>
  useQuery({ queryKey: ['supervision', 'charts', year], queryFn: () => api.get<Charts>('/api/dashboard/county/charts', { year }) });
export const useStanding = (orgId: string | undefined, year: number) =>
  useQuery({
    queryKey: ['supervision', 'standing', orgId, year],
    enabled: !!orgId,
    queryFn: () => api.get<Standing>(`/api/dashboard/townships/${orgId}`, { year }),
  });
/** The records behind one cell: the column's list API with the township filled in. */
export const useRecords = (apiPath: string | null) =>
  useQuery({
    queryKey: ['supervision', 'records', apiPath],
    enabled: !!apiPath,
    queryFn: () => api.get<Record<string, unknown>>(apiPath!),
  });

export const useFilings = (query: { state?: string; orgId?: string }) =>
  useQuery({ queryKey: ['supervision', 'filings', query], queryFn: () => api.get<{ items: Filing[] }>('/api/personnel/filings', query) });
export const useStaff = (orgId?: string) =>
  useQuery({
    queryKey: ['supervision', 'staff', orgId],
    queryFn: () => api.get<{ items: Staff[] }>('/api/personnel/staff', { orgId, status: 'active' }),
  });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['supervision'] });
}
export function useFileChange() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (b: unknown) => api.post<Filing>('/api/personnel/filings', b), onSuccess: done });
}
export function useDecideFiling() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...b }: { id: string; decision: 'acknowledge' | 'return'; reason?: string }) =>
      api.post<Filing>(`/api/personnel/filings/${id}/decision`, b),
    onSuccess: done,
  });
}
export function useImportStaff() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: { fileName: string; contentBase64: string }) => api.post<{ imported: number }>('/api/personnel/import', b),
    onSuccess: done,
    meta: { silentError: true },
  });
}
export const useProposal = (year: number, quarter: number, enabled: boolean) =>
  useQuery({
    queryKey: ['supervision', 'proposal', year, quarter],
    enabled,
    queryFn: () => api.get<Proposal>('/api/training/rotations/proposal', { year, quarter }),
  });
export function useConfirmRotation() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: { year: number; quarter: number; staffIds: string[] }) => api.post<{ items: unknown[] }>('/api/training/rotations', b),
    onSuccess: done,
  });
}
export const useRotations = (year: number) =>
  useQuery({
    queryKey: ['supervision', 'rotations', year],
    queryFn: () =>
      api.get<{
        items: { id: string; staffName: string; orgName: string; quarter: number; state: string; periodStart: string; periodEnd: string }[];
      }>('/api/training/rotations', { year }),
  });
export const useExpenses = (year: number) =>
  useQuery({
    queryKey: ['supervision', 'expenses', year],
    queryFn: () =>
      api.get<{
        average: number | null;
        previousAverage: number | null;
        yearOnYear: number | null;
        townships: { orgId: string; orgName: string; total: number; byCategory: Record<string, number> }[];
      }>('/api/environment/expenses', { year }),
  });
export const useRooms = () =>
  useQuery({
    queryKey: ['supervision', 'rooms'],
    queryFn: () =>
      api.get<{ items: { id: string; orgName: string; kind: string; status: string; areaM2: number | null }[] }>('/api/environment/rooms'),
  });
export const useRules = () =>
  useQuery({
    queryKey: ['supervision', 'rules'],
    queryFn: () =>
      api.get<{ items: { id: string; orgName: string; kind: string; title: string; adoptedOn: string }[] }>('/api/environment/rules'),
  });

/** A staff member's (or a filing's) full ID number: one audited reveal per click. */
export const useRevealIdNumber = () => useMutation({ mutationFn: (path: string) => api.post<{ idNumber: string }>(path) });
