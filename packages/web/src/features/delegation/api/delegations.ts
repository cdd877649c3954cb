/** 委托: my delegations (and the org's for the office), name a delegate, revoke. */
import { useQuery } from '@tanstack/react-query';
import type { DelegationCreate } from '@township-office/domain/delegations';
import type { Delegation, DelegationList } from '@township-office/domain/delegations.api';
import { ME_KEY } from '../../../app/session.tsx';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { Delegation, DelegationList };

/** `enabled: false` for view=org when the caller may not see the org's (the server would refuse it). */
export function useDelegations(view: 'mine' | 'org', enabled = true) {
  return useQuery({
    queryKey: keys.list('delegation', 'list', view),
    queryFn: () => api.get<DelegationList>('/api/delegations', { view }),
    enabled,
  });
}

/** Creating or revoking changes the banner (GET /api/me) and the workbench as well. */
const also = { alsoInvalidate: [ME_KEY, ['workbench']] };

export const useCreateDelegation = () =>
  useInvalidatingMutation('delegation', (b: DelegationCreate) => api.post<Delegation>('/api/delegations', b), also);

export const useRevokeDelegation = () =>
  useInvalidatingMutation('delegation', (id: string) => api.post<Delegation>(`/api/delegations/${id}/revoke`), also);
