import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';
import { notifyError } from '../lib/notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `meta: { silentError: true }`: the page shows the error itself (e.g. beside a form field). */
    queryMeta: { silentError?: boolean };
    mutationMeta: { silentError?: boolean };
  }
}

function show(err: unknown, meta: { silentError?: boolean } | undefined) {
  if (meta?.silentError) return;
  // 401 sends the user to the login page, which says why; PASSWORD_CHANGE_REQUIRED and TOTP_ENROLMENT_REQUIRED likewise.
  if (err instanceof ApiError && (err.status === 401 || err.code === 'PASSWORD_CHANGE_REQUIRED' || err.code === 'TOTP_ENROLMENT_REQUIRED'))
    return;
  if (err instanceof ApiError) notifyError(err.requestId ? `${err.message}` : err.message);
  else if (err instanceof Error) notifyError(err.message);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => show(err, query.meta) }),
    mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => show(err, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
}
