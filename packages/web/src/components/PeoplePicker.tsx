/**
 * A colleague (or several) of the caller's org, from the one `usePeople()` query. The value is the
 * person's id, or their display name where the record keeps names (duty rosters, follow-up owners):
 * `valueKey="displayName"`.
 *
 *   <Form.Item name="hostId" label={t('meetings.host')}><PeoplePicker /></Form.Item>
 *   <Form.Item name="staffNames"><PeoplePicker mode="multiple" valueKey="displayName" roles={['office_staff']} /></Form.Item>
 */
import { useMemo } from 'react';
import { Select } from 'antd';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { usePeople, type Person } from '../lib/query.ts';

type Single = { mode?: undefined; value?: string; onChange?: (v: string | undefined) => void };
type Multiple = { mode: 'multiple'; value?: string[]; onChange?: (v: string[]) => void };

export type PeoplePickerProps = (Single | Multiple) & {
  /** What the value holds: the user id (default) or the display name. */
  valueKey?: 'id' | 'displayName';
  /** Only people with these roles. */
  roles?: string[];
  /** Leave these values out (e.g. the person already chosen elsewhere). */
  exclude?: string[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  testId?: string;
  style?: React.CSSProperties;
};

export function PeoplePicker({
  valueKey = 'id',
  roles,
  exclude = [],
  placeholder,
  allowClear = true,
  disabled,
  id,
  testId,
  style,
  ...v
}: PeoplePickerProps) {
  const t = useT();
  const people = usePeople();
  const options = useMemo(
    () =>
      (people.data ?? [])
        .filter((p: Person) => (!roles || roles.includes(p.role)) && !exclude.includes(p[valueKey]))
        .map((p) => ({ value: p[valueKey], label: p.displayName })),
    [people.data, roles, exclude, valueKey],
  );
  return (
    <Select
      id={id}
      data-testid={testId}
      mode={v.mode}
      value={v.value}
      onChange={v.onChange as never}
      options={options}
      loading={people.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('common.pickPeople')}
      maxTagCount="responsive"
      style={{ minWidth: 160, ...style }}
    />
  );
}
