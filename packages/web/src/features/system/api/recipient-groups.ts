import type { RecipientGroup, RecipientGroupInput } from '@township-office/domain/orgs';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { RecipientGroup, RecipientGroupInput };
export { useRecipientGroups } from '../../../app/view-org.tsx';

// The form shows the server's message beside the fields (empty name, a name taken, an org outside the county).
const opts = { silentError: true } as const;

export const useCreateRecipientGroup = () =>
  useInvalidatingMutation(
    keys.recipientGroups,
    (b: RecipientGroupInput) => api.post<RecipientGroup>('/api/orgs/recipient-groups', b),
    opts,
  );

export const useUpdateRecipientGroup = () =>
  useInvalidatingMutation(
    keys.recipientGroups,
    ({ id, ...b }: RecipientGroupInput & { id: string }) => api.put<RecipientGroup>(`/api/orgs/recipient-groups/${id}`, b),
    opts,
  );

export const useDeleteRecipientGroup = () =>
  useInvalidatingMutation(keys.recipientGroups, (id: string) => api.delete<{ ok: true }>(`/api/orgs/recipient-groups/${id}`));
