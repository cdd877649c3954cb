/** Recipient names for a slip: all townships together read "各乡镇（18个）", as a document addresses them. */
import { useOrgs } from '../../../app/view-org.tsx';

export function useRecipientText(): (ids: string[]) => string {
  const orgs = useOrgs();
  const list = orgs.data ?? [];
  const byId = new Map(list.map((o) => [o.id, o]));
  const townships = list.filter((o) => o.kind === 'township').map((o) => o.id);
  return (ids) => {
    const set = new Set(ids);
    const allTownships = townships.length > 1 && townships.every((id) => set.has(id));
    const rest = ids.filter((id) => !(allTownships && byId.get(id)?.kind === 'township')).map((id) => byId.get(id)?.name ?? '—');
    return [...(allTownships ? [`各乡镇（${townships.length}个）`] : []), ...rest].join('、');
  };
}
