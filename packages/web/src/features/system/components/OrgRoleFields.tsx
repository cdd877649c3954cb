import { Form, Select } from 'antd';
import { BUSINESS_ROLES, ROLE_ORG_KINDS, type BusinessRole } from '@township-office/domain/roles';
import type { OrgKind } from '@township-office/domain/orgs';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** Business roles that may sit in an org of this kind (县委办 roles only in the county office, …). */
export function rolesFor(kind: OrgKind | undefined): BusinessRole[] {
  return BUSINESS_ROLES.filter((r) => !kind || ROLE_ORG_KINDS[r].includes(kind));
}

export function RoleSelect({ kind, name = 'role' }: { kind: OrgKind | undefined; name?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={t('system.users.role')} rules={[{ required: true, message: t('system.users.roleRequired') }]}>
      <Select options={rolesFor(kind).map((r) => ({ value: r, label: t(`role.${r}`) }))} placeholder={t('system.users.rolePlaceholder')} />
    </Form.Item>
  );
}
