/** GET /api/search: one search over every register (403 for the 三员, through the business.read gate); the index refresh job. */
import { searchQuerySchema, searchResultSchema } from '@township-office/domain/search.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { registerJob } from '../../platform/jobs.ts';
import { refreshSearchIndex, search } from './search.service.ts';

/** The background refresh; a search also refreshes first when the index is older than SEARCH_STALE_MS (search.service.ts). */
export const SEARCH_REFRESH_MS = 5_000;

export const searchRoutes: RouteModule = (app, { db, readDb }) => {
  app.get(
    '/api/search',
    {
      config: { action: 'business.read' },
      schema: { tags: ['search'], querystring: searchQuerySchema, response: { 200: searchResultSchema } },
    },
    // The index is read from the replica when there is one; its refresh writes, so it runs on the primary.
    async (req) => search({ db, readDb }, req.ctx, req.query),
  );
  registerJob(app, { name: 'search.refresh', everyMs: SEARCH_REFRESH_MS, run: () => refreshSearchIndex(db) });
};
