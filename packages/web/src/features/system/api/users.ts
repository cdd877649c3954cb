import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate } from '@township-office/domain/auth';
import type { BusinessRole } from '@township-office/domain/roles';
import { api } from '../../../lib/api.ts';

export type { User };
const KEY = ['system', 'users'] as const;

export function useUsers(filter: { orgId?: string; q?: string }) {
  return useQuery({
    queryKey: [...KEY, filter],
    queryFn: () => api.get<{ items: User[] }>('/api/users', { orgId: filter.orgId, q: filter.q }),
    select: (d) => d.items,
    placeholderData: (prev) => prev,
  });
}

/** Every account change answers the fresh user; refresh the lists. */
function useUserMutation<V>(fn: (v: V) => Promise<User>, silentError = false) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }), meta: { silentError } });
}

export const useCreateUser = () => useUserMutation((body: UserCreate) => api.post<User>('/api/users', body), true);
export const useSetDisabled = () =>
  useUserMutation(({ id, disabled }: { id: string; disabled: boolean }) => api.post<User>(`/api/users/${id}/status`, { disabled }));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) => api.post<User>(`/api/users/${id}/password`, { password }), true);
export const useAssignRole = () =>
  useUserMutation(({ id, role }: { id: string; role: BusinessRole }) => api.post<User>(`/api/users/${id}/role`, { role }), true);
export const useResetTotp = () => useUserMutation((id: string) => api.post<User>(`/api/users/${id}/totp/reset`));
export const useUnlock = () => useUserMutation((id: string) => api.post<User>(`/api/users/${id}/unlock`));
