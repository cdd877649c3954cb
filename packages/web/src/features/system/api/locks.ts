import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiftLockBody, LoginLock } from '@township-office/domain/auth';
import { api } from '../../../lib/api.ts';

export type { LoginLock };
const KEY = ['system', 'locks'] as const;

/** Sign-in locks now (security_admin): refreshed every 30 s, since guessing goes on while one looks. */
export function useLocks() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: LoginLock[] }>('/api/users/locks'),
    select: (d) => d.items,
    refetchInterval: 30_000,
  });
}

export function useLiftLock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LiftLockBody) => api.post<{ ok: true }>('/api/users/locks/lift', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['system', 'users'] })]),
  });
}
