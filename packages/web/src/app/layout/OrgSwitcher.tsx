/**
 * The county office's view switcher (全县 or one township), in the header of county accounts only:
 * its own chunk, so a township's sign-in does not load antd's Select (~23 KB compressed) for it.
 */
import { Select } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { useOrgs, useViewOrg } from '../view-org.tsx';

const ALL = '__all__';

export default function OrgSwitcher({ narrow }: { narrow: boolean }) {
  const t = useT();
  const { orgId, setOrgId } = useViewOrg();
  const orgs = useOrgs();
  const townships = (orgs.data ?? []).filter((o) => o.kind === 'township');
  return (
    <Select
      // Explicit ids: the select's option ids derive from it, and two header selects must never share them.
      id="org-switcher"
      data-testid="org-switcher"
      aria-label={t('header.viewOrg')}
      value={orgId ?? ALL}
      onChange={(v: string) => setOrgId(v === ALL ? undefined : v)}
      loading={orgs.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      // On a phone (390 px) the header's row must fit beside the brand, the bell and the buttons.
      style={{ width: narrow ? 100 : 168 }}
      options={[{ value: ALL, label: t('header.allCounty') }, ...townships.map((o) => ({ value: o.id, label: o.name }))]}
    />
  );
}
