/**
 * The web's one vocabulary for server state (TanStack Query):
 * - `keys.*`: query-key factories. Every key starts with its feature's name, so one mutation can
 *   refresh a whole feature by invalidating the prefix (`keys.feature('duty')` → `['duty']`).
 * - `useInvalidatingMutation(prefix, fn)`: the mutation every feature api file used to copy as
 *   `useInvalidating`: on success it invalidates the given key prefixes; `silentError` lets the page
 *   show the error beside a form field instead of the global toast.
 * - `Page<T>`: the one paged-list shape, inferred from the domain's `pageOf` so it cannot drift.
 * - `usePeople()`: the caller's colleagues (GET /api/people), fetched once under one key.
 */
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type { personSchema } from '@township-office/domain/auth';
import type { pageOf } from '@township-office/domain/common';
import { api } from './api.ts';

/** `{ items, total, page, pageSize }`: the response of every paged list (domain/common.ts `pageOf`). */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf<z.ZodType<T>>>>, 'items'> & { items: T[] };

/**
 * Query-key factories. Feature keys: `keys.list('reception', 'visits', query)`,
 * `keys.one('reception', 'petition', id)`; shared data has its own fixed key.
 */
export const keys = {
  /** The prefix of everything a feature caches: invalidating it refreshes the feature. */
  feature: (feature: string) => [feature] as const,
  /** A list (or one page of it) under its filters. */
  list: (feature: string, what: string, query?: unknown) => (query === undefined ? [feature, what] : [feature, what, query]) as QueryKey,
  /** One record. */
  one: (feature: string, what: string, id: string) => [feature, what, id] as const,
  /** GET /api/people: one key for the whole app. */
  people: ['people'] as const,
  /** GET /api/orgs (app/view-org.tsx `useOrgs`). */
  orgs: ['orgs'] as const,
  recipientGroups: ['orgs', 'recipient-groups'] as const,
};

export interface InvalidatingMutationOptions {
  /** The page shows the error itself (beside a field), so the global error toast stays quiet. */
  silentError?: boolean;
  /** More prefixes to refresh on success (e.g. the workbench's counts). */
  alsoInvalidate?: QueryKey[];
}

/**
 * A mutation that refreshes a feature's cached queries once the server accepts it:
 * `export const useCreateVisit = () => useInvalidatingMutation('reception', (b: VisitIn) => api.post<Visit>('/api/visits', b));`
 * `invalidate` is a feature name or a key prefix.
 */
export function useInvalidatingMutation<I, O>(
  invalidate: string | QueryKey,
  fn: (input: I) => Promise<O>,
  opts: InvalidatingMutationOptions = {},
) {
  const qc = useQueryClient();
  const prefixes: QueryKey[] = [typeof invalidate === 'string' ? keys.feature(invalidate) : invalidate, ...(opts.alsoInvalidate ?? [])];
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(prefixes.map((queryKey) => qc.invalidateQueries({ queryKey }))),
    ...(opts.silentError ? { meta: { silentError: true } } : {}),
  });
}

/** One colleague of the caller's org, as GET /api/people returns it (domain/auth.ts `personSchema`). */
export type Person = z.infer<typeof personSchema>;

/** The caller's colleagues (handlers, hosts, readers, duty staff): one request, one cache entry, for ten minutes. */
export function usePeople() {
  return useQuery({
    queryKey: keys.people,
    queryFn: () => api.get<{ items: Person[] }>('/api/people'),
    staleTime: 10 * 60_000,
    select: (d) => d.items,
  });
}
