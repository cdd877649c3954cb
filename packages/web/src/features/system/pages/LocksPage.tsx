import { useState } from 'react';
import { Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { useLiftLock, useLocks, type LoginLock } from '../api/locks.ts';
import { useApp } from '../../../lib/app-messages.tsx';

type AddressRow = LoginLock['addresses'][number];

/** 登录锁定 (security_admin): which names are locked, from which addresses, and lifting a lock. */
export default function LocksPage() {
  const t = useT();
  const { message } = useApp();
  const locks = useLocks();
  const lift = useLiftLock();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const nameOf = (l: LoginLock) => l.displayName ?? l.username;
  const liftOne = (l: LoginLock, address?: string) =>
    lift.mutate(
      { username: l.username, ...(address ? { address } : {}) },
      { onSuccess: () => message.success(t('system.locks.lifted', { name: nameOf(l) })) },
    );

  const addressColumns = (l: LoginLock): TableColumnsType<AddressRow> => [
    { title: t('system.locks.address'), dataIndex: 'address', width: 160 },
    { title: t('system.locks.failures'), dataIndex: 'failures', width: 90, align: 'right' },
    {
      title: t('system.locks.firstFailedAt'),
      dataIndex: 'firstFailedAt',
      width: 150,
      className: 'nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('system.locks.lastFailedAt'),
      dataIndex: 'lastFailedAt',
      width: 150,
      className: 'nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('system.locks.lockedUntil'),
      dataIndex: 'lockedUntil',
      width: 170,
      render: (v: string | null) =>
        v ? (
          <StatusTag tone="overdue">{`${t('system.locks.addressLocked')} ${formatDateTime(v)}`}</StatusTag>
        ) : (
          <StatusTag tone="draft">{t('system.locks.counting')}</StatusTag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, a) => (
        <Popconfirm title={t('system.locks.liftConfirm', { name: nameOf(l), address: a.address })} onConfirm={() => liftOne(l, a.address)}>
          <Button type="link" size="small" data-testid={`lift-${l.username}-${a.address}`}>
            {t('system.locks.lift')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const columns: TableColumnsType<LoginLock> = [
    { title: t('system.locks.username'), dataIndex: 'username', width: 150 },
    {
      title: t('system.locks.account'),
      key: 'account',
      ellipsis: true,
      render: (_, l) =>
        l.known ? (
          `${l.displayName ?? ''} · ${l.orgName ?? ''}`
        ) : (
          <Typography.Text type="secondary">{t('system.locks.unknown')}</Typography.Text>
        ),
    },
    {
      title: t('system.locks.scope'),
      key: 'scope',
      width: 130,
      render: (_, l) =>
        l.lockedForEveryone ? (
          <StatusTag tone="overdue">{t('system.locks.everyone')}</StatusTag>
        ) : (
          <StatusTag tone="warning">{t('system.locks.someAddresses')}</StatusTag>
        ),
    },
    {
      title: t('system.locks.lockedUntil'),
      dataIndex: 'lockedUntil',
      width: 150,
      className: 'nowrap',
      render: (v: string) => formatDateTime(v),
    },
    { title: t('system.locks.address'), key: 'addresses', width: 100, align: 'right', render: (_, l) => l.addresses.length },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, l) => (
        <Popconfirm title={t('system.locks.liftAllConfirm', { name: nameOf(l) })} onConfirm={() => liftOne(l)}>
          <Button type="link" size="small" data-testid={`lift-all-${l.username}`}>
            {t('system.locks.liftAll')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.system.locks')} subtitle={t('system.locks.subtitle')} />
      <div style={{ background: '#fff', padding: 16, borderRadius: 6 }}>
        <Table<LoginLock>
          rowKey="username"
          size="middle"
          columns={columns}
          dataSource={locks.data}
          loading={locks.isFetching && !locks.data}
          locale={{ emptyText: t('system.locks.empty') }}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{
            // Open by default (the addresses are the point), also for rows that arrive with a refresh.
            expandedRowKeys: (locks.data ?? []).map((l) => l.username).filter((u) => !collapsed.has(u)),
            onExpand: (open, l) =>
              setCollapsed((prev) => (open ? new Set([...prev].filter((u) => u !== l.username)) : new Set(prev).add(l.username))),
            expandedRowRender: (l) => (
              <Table<AddressRow> rowKey="address" size="small" columns={addressColumns(l)} dataSource={l.addresses} pagination={false} />
            ),
          }}
          data-testid="locks-table"
        />
      </div>
    </>
  );
}
