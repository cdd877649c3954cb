import { useQuery } from '@tanstack/react-query';
import type { OrgSigning } from '@township-office/domain/signing';
import type { z } from 'zod';
import type { rotateOut, sealSetOut } from '@township-office/domain/signing';
import { api, request } from '../../../lib/api.ts';
import { useInvalidatingMutation } from '../../../lib/query.ts';

export type { OrgSigning };
type SealSet = z.infer<typeof sealSetOut>;
type Rotated = z.infer<typeof rotateOut>;

const KEY = (orgId: string) => ['system', 'signing', orgId] as const;

/** An org's seal (details) and signing keys (security_admin). */
export function useOrgSigning(orgId: string | undefined) {
  return useQuery({
    queryKey: KEY(orgId ?? ''),
    queryFn: () => api.get<OrgSigning>(`/api/orgs/${orgId}/signing`),
    enabled: !!orgId,
  });
}

/** The seal picture as an object URL for the preview (keyed by its hash, so a new picture is fetched). */
export function useSealPicture(orgId: string | undefined, sha256: string | undefined) {
  return useQuery({
    queryKey: ['system', 'signing', orgId ?? '', 'picture', sha256 ?? ''],
    queryFn: async () => URL.createObjectURL(await (await request('GET', `/api/orgs/${orgId}/seal`)).blob()),
    enabled: !!orgId && !!sha256,
    staleTime: Infinity,
  });
}

export function useSetSeal(orgId: string) {
  return useInvalidatingMutation(['system', 'signing'], (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.put<SealSet>(`/api/orgs/${orgId}/seal`, form);
  });
}

export function useDeleteSeal(orgId: string) {
  return useInvalidatingMutation(['system', 'signing'], () => api.delete<{ ok: true }>(`/api/orgs/${orgId}/seal`));
}

export function useRotateKey(orgId: string) {
  return useInvalidatingMutation(['system', 'signing'], () => api.post<Rotated>(`/api/orgs/${orgId}/signing-keys/rotate`));
}
