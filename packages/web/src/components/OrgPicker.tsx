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
import { useOrgs, useRecipientGroups, type OrgItem } from '../app/view-org.tsx';

/** A recipient group's value in a picker that offers groups (`withGroups`): `group:<id>` beside plain org ids. */
export const GROUP_PREFIX = 'group:';

/** Splits a picker's value into the orgs named one by one and the groups. */
export function splitRecipients(value: readonly string[] = []): { orgIds: string[]; groupIds: string[] } {
  return {
    orgIds: value.filter((v) => !v.startsWith(GROUP_PREFIX)),
    groupIds: value.filter((v) => v.startsWith(GROUP_PREFIX)).map((v) => v.slice(GROUP_PREFIX.length)),
  };
}

/** A document's recipients as a picker's value: its groups, then the orgs not reached through them. */
export function joinRecipients(orgIds: readonly string[], groups: readonly { id: string; memberOrgIds: string[] }[]): string[] {
  const via = new Set(groups.flatMap((g) => g.memberOrgIds));
  return [...groups.map((g) => GROUP_PREFIX + g.id), ...orgIds.filter((id) => !via.has(id))];
}

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
  withGroups = false,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  /** Org ids not to offer (e.g. those already in the other recipient list). */
  exclude?: string[];
  id?: string;
  testId?: string;
  /** Offer the county's recipient groups (主送/抄送) above the single orgs; their values are `group:<id>`. */
  withGroups?: boolean;
}) {
  const t = useT();
  const { me } = useSession();
  const orgs = useOrgs();
  const groups = useRecipientGroups(withGroups);
  const options = useMemo((): { label: string; value?: string; title?: string; options?: { value: string; label: string }[] }[] => {
    const single = (orgs.data ?? [])
      .filter((o) => o.id !== me.org.id && o.kind !== 'county' && !exclude.includes(o.id))
      .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))
      .map((o) => ({ value: o.id, label: orgLabel(o) }));
    const grouped = withGroups
      ? (groups.data ?? [])
          .filter((g) => !exclude.includes(GROUP_PREFIX + g.id))
          .map((g) => ({ value: GROUP_PREFIX + g.id, label: g.name, title: g.memberNames.join('、') }))
      : [];
    return grouped.length === 0
      ? single
      : [
          { label: t('common.recipientGroups'), options: grouped },
          { label: t('common.singleOrgs'), options: single },
        ];
  }, [orgs.data, groups.data, withGroups, me.org.id, exclude, t]);
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
