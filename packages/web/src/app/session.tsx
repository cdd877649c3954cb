/** The signed-in user (GET /api/me) and what the role may do, for every page. */
import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@township-office/domain/auth';
import type { Action } from '@township-office/domain/permissions';
import { ApiError, api, setCsrfToken } from '../lib/api.ts';

export type { Me };
export const ME_KEY = ['me'] as const;

interface SessionValue {
  me: Me;
  /** The role's gate for an action from ROLE_ACTIONS (record-level actions come with each record). */
  can(action: Action): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

let sessionEnd: string | null = null;
let idleMinutes: number | null = null;

/**
 * Why a session ended while in use (the 401's code), so the login page can say "登录已过期"; a
 * first visit without a session leaves it null and the login page says nothing.
 */
export function lastSessionEnd(): string | null {
  return sessionEnd;
}

/** The server's configured idle timeout, from the idle 401's details (for the login page's message). */
export function lastIdleMinutes(): number | null {
  return idleMinutes;
}

export function noteSessionEnd(code: string | null, details?: unknown): void {
  sessionEnd = code;
  const minutes = (details as { minutes?: unknown } | undefined)?.minutes;
  idleMinutes = typeof minutes === 'number' ? minutes : null;
}

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me', undefined, { noAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      if (err.code === 'SESSION_IDLE_TIMEOUT') noteSessionEnd(err.code, err.details);
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** null while signed out; undefined while loading. */
export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** After login or a password change: the new Me without another round trip. */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    qc.setQueryData(ME_KEY, me);
  };
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const allowed = new Set(me.allowedActions);
  return <SessionContext.Provider value={{ me, can: (a) => allowed.has(a) }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a signed-in page');
  return v;
}
