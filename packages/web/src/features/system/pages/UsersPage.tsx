import { useState } from 'react';
import { Button, Form, Input, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UserCreate } from '@township-office/domain/auth';
import { isPasswordComplex } from '@township-office/domain/password';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useOrgs } from '../../../app/view-org.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.tsx';
import { useCreateUser, useResetPassword, useResetTotp, useSetDisabled, useUsers, type User } from '../api/users.ts';
import { RoleSelect } from '../components/OrgRoleFields.tsx';
import { UserFilters, type UserFilterValue } from '../components/UserFilters.tsx';
import { UserStatus } from '../components/UserStatus.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

/** Server errors shown beside the field they are about. */
const FIELD_OF_ERROR: Record<string, keyof UserCreate> = {
  USERNAME_TAKEN: 'username',
  ROLE_NOT_ALLOWED_FOR_ORG: 'role',
  ROLE_SEPARATION: 'role',
  ORG_NOT_FOUND: 'orgId',
  PASSWORD_TOO_WEAK: 'password',
  VALIDATION_FAILED: 'username',
};

function usePasswordRules() {
  const t = useT();
  return [
    { required: true, message: t('password.rule') },
    {
      validator: (_r: unknown, v: string) =>
        !v || isPasswordComplex(v) ? Promise.resolve() : Promise.reject(new Error(t('password.rule'))),
    },
  ];
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = useApp();
  const orgs = useOrgs();
  const [form] = Form.useForm<UserCreate>();
  const orgId = Form.useWatch('orgId', form);
  const kind = orgs.data?.find((o) => o.id === orgId)?.kind;
  const create = useCreateUser();
  const passwordRules = usePasswordRules();
  return (
    <FormModal<UserCreate, User>
      open={open}
      onClose={onClose}
      title={t('system.users.createTitle')}
      form={form}
      okText={t('common.save')}
      width={520}
      requiredMark={false}
      onSubmit={(v) => create.mutateAsync(v)}
      successMessage={(u) => t('system.users.created', { name: u.displayName })}
      // The mutation is silent: a refusal about one field stands beside it, any other is a toast.
      onError={(err) => {
        const e = err as Error;
        const field = e instanceof ApiError ? FIELD_OF_ERROR[e.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [e.message] }]);
        else message.error(e.message);
      }}
    >
      <Form.Item
        name="username"
        label={t('system.users.username')}
        extra={t('system.users.usernameRule')}
        rules={[{ required: true, pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: t('system.users.usernameRule') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('system.users.displayName')}
        rules={[{ required: true, whitespace: true, max: 40, message: t('system.users.displayNameRequired') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="orgId" label={t('system.users.org')} rules={[{ required: true, message: t('system.users.orgRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(orgs.data ?? []).filter((o) => o.kind !== 'county').map((o) => ({ value: o.id, label: o.name }))}
          onChange={() => form.setFieldValue('role', undefined)}
        />
      </Form.Item>
      <RoleSelect kind={kind} />
      <Form.Item
        name="password"
        label={t('system.users.initialPassword')}
        extra={t('system.users.initialPasswordHelp')}
        rules={passwordRules}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const passwordRules = usePasswordRules();
  return (
    <FormModal<{ password: string }>
      open={!!user}
      onClose={onClose}
      title={t('system.users.resetTitle', { name: user?.displayName ?? '' })}
      form={form}
      requiredMark={false}
      onSubmit={(v) => reset.mutateAsync({ id: user!.id, password: v.password })}
      successMessage={t('system.users.resetDone')}
      // The mutation is silent: the server's reason stands beside the password.
      onError={(err) => form.setFields([{ name: 'password', errors: [(err as Error).message] }])}
    >
      <Form.Item name="password" label={t('system.users.newPassword')} extra={t('system.users.initialPasswordHelp')} rules={passwordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

/** 账户管理 (system_admin): create accounts, disable/enable them, reset passwords. */
export default function UsersPage() {
  const t = useT();
  const { me } = useSession();
  const [filter, setFilter] = useState<UserFilterValue>({});
  const users = useUsers(filter);
  const setDisabled = useSetDisabled();
  const resetTotp = useResetTotp();
  const { message } = useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns: TableColumnsType<User> = [
    { title: t('system.users.username'), dataIndex: 'username', width: 140 },
    { title: t('system.users.displayName'), dataIndex: 'displayName', width: 130 },
    { title: t('system.users.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('system.users.role'), dataIndex: 'role', width: 170, render: (r: string) => t(`role.${r}`) },
    { title: t('system.users.status'), key: 'status', width: 150, render: (_, u) => <UserStatus user={u} /> },
    { title: t('system.users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, className: 'nowrap', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, u) =>
        u.id === me.id ? null : (
          <Space size={0}>
            <Popconfirm
              title={
                u.disabled
                  ? t('system.users.enableConfirm', { name: u.displayName })
                  : t('system.users.disableConfirm', { name: u.displayName })
              }
              onConfirm={() => setDisabled.mutate({ id: u.id, disabled: !u.disabled })}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? t('system.users.enable') : t('system.users.disable')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {t('system.users.resetPassword')}
            </Button>
            {u.allowedActions.includes('resetTotp') && (
              <Popconfirm
                title={t('system.users.resetTotpConfirm', { name: u.displayName })}
                onConfirm={() =>
                  resetTotp.mutate(u.id, { onSuccess: () => message.success(t('system.users.resetTotpDone', { name: u.displayName })) })
                }
              >
                <Button type="link" size="small">
                  {t('system.users.resetTotp')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.system.users')}
        subtitle={t('system.users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('system.users.create')}
          </Button>
        }
      />
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
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
