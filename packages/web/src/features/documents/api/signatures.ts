/** Signed documents: the signature of a dispatched document, and the check of a copy against it. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { signatureCheckOut, signatureStateOut } from '@township-office/domain/documents.api';
import { api } from '../../../lib/api.ts';

export type SignatureState = z.infer<typeof signatureStateOut>;
export type SignatureCheck = z.infer<typeof signatureCheckOut>;

// Under ['documents', …]: a dispatch from the slip refreshes it with the rest of the document.
export const signatureKeys = { state: (id: string) => ['documents', 'signature', id] as const };

export function useSignature(id: string, enabled: boolean) {
  return useQuery({
    queryKey: signatureKeys.state(id),
    queryFn: () => api.get<SignatureState>(`/api/documents/${id}/verify`),
    enabled: !!id && enabled,
  });
}

/** Posts a file (the PDF someone holds) as multipart; the answer says whether it is the signed one. */
export function useVerifyCopy(id: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<SignatureCheck>(`/api/documents/${id}/verify`, form);
    },
  });
}
