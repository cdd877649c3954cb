/** 痕迹保留: a document's versions and the differences between two of them. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { revisionDiffOut, revisionsOut } from '@township-office/domain/documents.api';
import { api } from '../../../lib/api.ts';

export type Revisions = z.infer<typeof revisionsOut>;
export type RevisionDiff = z.infer<typeof revisionDiffOut>;

// Under ['documents', …]: every action on the slip (an edit, a sign-off) refreshes them too.
export const revisionKeys = {
  list: (id: string) => ['documents', 'revisions', id] as const,
  diff: (id: string, from: number, to: number) => ['documents', 'revisionDiff', id, from, to] as const,
};

/** The versions; the server marks the latest as seen by the caller and answers the one seen before. */
export function useRevisions(id: string) {
  // No cache kept across visits: a slip opened again must learn what the reader had seen by now, not what a cached answer said.
  return useQuery({
    queryKey: revisionKeys.list(id),
    queryFn: () => api.get<Revisions>(`/api/documents/${id}/revisions`),
    enabled: !!id,
    gcTime: 0,
  });
}

export function useRevisionDiff(id: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: revisionKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: () => api.get<RevisionDiff>(`/api/documents/${id}/revisions/diff`, { from: range!.from, to: range!.to }),
    enabled: !!id && !!range,
    // Two versions never change.
    staleTime: Infinity,
  });
}
