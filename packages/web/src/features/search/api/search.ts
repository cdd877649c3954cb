/** GET /api/search: one search over every register. */
import { useQuery } from '@tanstack/react-query';
import type { SearchModule, SearchResult } from '@township-office/domain/search.api';
import { api } from '../../../lib/api.ts';
import { keys } from '../../../lib/query.ts';

export type { SearchHit, SearchModule, SearchResult } from '@township-office/domain/search.api';
export { SEARCH_MODULES, SEARCH_QUERY_MAX } from '@township-office/domain/search.api';

export function useSearch(q: string, module: SearchModule | undefined, page: number) {
  return useQuery({
    queryKey: keys.list('search', 'results', { q, module, page }),
    queryFn: () => api.get<SearchResult>('/api/search', { q, module, page }),
    enabled: q.trim().length > 0,
  });
}
