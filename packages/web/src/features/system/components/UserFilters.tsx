import { Input, Select, Space } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useOrgs } from '../../../app/view-org.tsx';

export interface UserFilterValue {
  orgId?: string;
  q?: string;
}

/** The filter bar of the account lists: org and a name search. */
export function UserFilters({ value, onChange }: { value: UserFilterValue; onChange(v: UserFilterValue): void }) {
  const t = useT();
  const orgs = useOrgs();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('system.users.allOrgs')}
        value={value.orgId}
        onChange={(orgId?: string) => onChange({ ...value, orgId })}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 220 }}
        options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        data-testid="user-org-filter"
      />
      <Input.Search
        allowClear
        placeholder={t('system.users.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 240 }}
        enterButton={t('common.search')}
      />
    </Space>
  );
}
