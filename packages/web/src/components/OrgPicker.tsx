/**
 * Recipient orgs from GET /api/orgs (the caller's own org and the county itself left out), county
 * office first, then the townships, with a one-click "all townships" shortcut.
 *
 *   <Form.Item name="mainTo" label={t('documents.form.mainTo')}><OrgPicker exclude={copyTo} testId="main-recipients" /></Form.Item>
 */
import { Button, Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { useSession } from '../app/session.tsx';
import { useOrgs, type OrgItem } from '../app/view-org.tsx';

const KIND_ORDER: Record<string, number> = { county_office: 0, township: 1, county_department: 2, county: 3 };

/** The name an org is listed under. */
export function orgLabel(o: Pick<OrgItem, 'name' | 'shortName'>): string {
  return o.name;
}

export function OrgPicker({
  value,
  onChange,
  exclude = [],
  id,
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  /** Org ids not to offer (e.g. those already in the other recipient list). */
  exclude?: string[];
  id?: string;
  testId?: string;
}) {
  const t = useT();
  const { me } = useSession();
  const orgs = useOrgs();
  const options = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.id !== me.org.id && o.kind !== 'county' && !exclude.includes(o.id))
        .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))
        .map((o) => ({ value: o.id, label: orgLabel(o) })),
    [orgs.data, me.org.id, exclude],
  );
  const townships = (orgs.data ?? [])
    .filter((o) => o.kind === 'township' && o.id !== me.org.id && !exclude.includes(o.id))
    .map((o) => o.id);
  const addTownships = () => onChange?.([...new Set([...(value ?? []), ...townships])]);
  return (
    <Flex gap={8} align="start">
      <Select
        id={id}
        data-testid={testId}
        mode="multiple"
        allowClear
        loading={orgs.isPending}
        value={value}
        onChange={onChange}
        options={options}
        optionFilterProp="label"
        placeholder={t('common.pickOrgs')}
        maxTagCount="responsive"
        style={{ flex: 1, minWidth: 0 }}
      />
      {townships.length > 0 ? (
        <Button onClick={addTownships} data-testid={testId ? `${testId}-all-townships` : undefined}>
          {townships.length === 18 ? t('common.allTownships') : t('common.allTownshipsN', { n: townships.length })}
        </Button>
      ) : null}
    </Flex>
  );
}
