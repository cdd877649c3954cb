import { useState } from 'react';
import { Button, Form, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { isThreeOfficer, type BusinessRole } from '@township-office/domain/roles';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useOrgs } from '../../../app/view-org.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useAssignRole, useUnlock, useUsers, type User } from '../api/users.ts';
import { RoleSelect } from '../components/OrgRoleFields.tsx';
import { UserFilters, type UserFilterValue } from '../components/UserFilters.tsx';
import { isLocked, UserStatus } from '../components/UserStatus.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

interface RoleValues {
  role: BusinessRole;
}

function RoleModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const t = useT();
  const orgs = useOrgs();
  const [form] = Form.useForm<RoleValues>();
  const assign = useAssignRole();
  const kind = orgs.data?.find((o) => o.id === user?.orgId)?.kind;
  return (
    <FormModal<RoleValues, User>
      open={!!user}
      onClose={onClose}
      title={t('system.roles.changeTitle', { name: user?.displayName ?? '' })}
      form={form}
      requiredMark={false}
      // 三员 accounts never open this dialog (the page offers no change for them).
      initialValues={{ role: user?.role as BusinessRole | undefined }}
      onSubmit={(v) => assign.mutateAsync({ id: user!.id, role: v.role })}
      successMessage={(u) => t('system.roles.changed', { name: u.displayName, role: t(`role.${u.role}`) })}
      // The mutation is silent: the server's reason stands beside the role.
      onError={(err) => form.setFields([{ name: 'role', errors: [(err as Error).message] }])}
    >
      <p style={{ marginTop: 0 }}>{t('system.roles.changeHelp', { org: user?.orgName ?? '' })}</p>
      <RoleSelect kind={kind} />
    </FormModal>
  );
}

/** 角色与解锁 (security_admin): a business account's role, and unlocking after repeated wrong passwords. */
export default function RolesPage() {
  const t = useT();
  const { message } = useApp();
  const [filter, setFilter] = useState<UserFilterValue>({});
  const users = useUsers(filter);
  const unlock = useUnlock();
  const [editing, setEditing] = useState<User | null>(null);
  const columns: TableColumnsType<User> = [
    { title: t('system.users.username'), dataIndex: 'username', width: 140 },
    { title: t('system.users.displayName'), dataIndex: 'displayName', width: 130 },
    { title: t('system.users.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('system.users.role'), dataIndex: 'role', width: 170, render: (r: string) => t(`role.${r}`) },
    { title: t('system.users.status'), key: 'status', width: 150, render: (_, u) => <UserStatus user={u} /> },
    {
      title: t('system.roles.lockedUntil'),
      dataIndex: 'lockedUntil',
      width: 140,
      className: 'nowrap',
      render: (v: string | null, u) => (isLocked(u) ? formatDateTime(v) : ''),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, u) => (
        <Space size={0}>
          {/* 三员 roles are fixed at creation (separation of duties); only business roles change here. */}
          {isThreeOfficer(u.role) ? null : (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t('system.roles.change')}
            </Button>
          )}
          {isLocked(u) ? (
            <Popconfirm
              title={t('system.roles.unlockConfirm', { name: u.displayName })}
              onConfirm={() =>
                unlock.mutate(u.id, { onSuccess: () => message.success(t('system.roles.unlocked', { name: u.displayName })) })
              }
            >
              <Button type="link" size="small">
                {t('system.roles.unlock')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.system.roles')} subtitle={t('system.roles.subtitle')} />
      <div style={{ background: '#fff', padding: 16, borderRadius: 6 }}>
        <UserFilters value={filter} onChange={setFilter} />
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data}
          loading={users.isFetching}
          pagination={localPagination(t, 20)}
          scroll={{ x: 1000 }}
        />
      </div>
      <RoleModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
