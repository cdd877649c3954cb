/**
 * The org a county user is looking at: "全县" (every township) or one township, chosen in the
 * header. Feature pages pass `orgId` as their list filter; undefined means every org the caller
 * may see (the server scopes township users to their own org anyway).
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Org, RecipientGroup } from '@township-office/domain/orgs';
import { api } from '../lib/api.ts';
import { keys } from '../lib/query.ts';
import { useSession } from './session.tsx';

export type OrgItem = Org & { shortName: string | null; code: string };

interface ViewOrgValue {
  /** undefined = 全县 (no filter). */
  orgId: string | undefined;
  setOrgId(id: string | undefined): void;
  /** The caller's role may switch (action org.switch). */
  canSwitch: boolean;
}

const ViewOrgContext = createContext<ViewOrgValue>({ orgId: undefined, setOrgId: () => {}, canSwitch: false });
const STORAGE_KEY = 'viewOrgId';

export function ViewOrgProvider({ children }: { children: ReactNode }) {
  const { can } = useSession();
  const canSwitch = can('org.switch');
  const [orgId, setState] = useState<string | undefined>(() =>
    canSwitch ? (sessionStorage.getItem(STORAGE_KEY) ?? undefined) : undefined,
  );
  const setOrgId = (id: string | undefined) => {
    if (id) sessionStorage.setItem(STORAGE_KEY, id);
    else sessionStorage.removeItem(STORAGE_KEY);
    setState(id);
  };
  return (
    <ViewOrgContext.Provider value={{ orgId: canSwitch ? orgId : undefined, setOrgId, canSwitch }}>{children}</ViewOrgContext.Provider>
  );
}

export function useViewOrg(): ViewOrgValue {
  return useContext(ViewOrgContext);
}

/** GET /api/orgs: the orgs the caller may address. */
export function useOrgs() {
  return useQuery({
    queryKey: keys.orgs,
    queryFn: () => api.get<{ items: OrgItem[] }>('/api/orgs'),
    staleTime: 10 * 60_000,
    select: (d) => d.items,
  });
}

/** GET /api/orgs/recipient-groups: the county's 主送/抄送 groups (各乡镇（区）党委、政府), for the pickers and the page that keeps them. */
export function useRecipientGroups(enabled = true) {
  return useQuery({
    queryKey: keys.recipientGroups,
    queryFn: () => api.get<{ items: RecipientGroup[] }>('/api/orgs/recipient-groups'),
    select: (d) => d.items,
    enabled,
  });
}
