import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Popconfirm,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DELEGATION_MAX_DAYS, type DelegationStatus } from '@township-office/domain/delegations';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { useSession } from '../../../app/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PeoplePicker } from '../../../components/PeoplePicker.tsx';
import { formatDateText, StatusTag, type StatusTone } from '../../../lib/format.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { useCreateDelegation, useDelegations, useRevokeDelegation, type Delegation } from '../api/delegations.ts';

const TONE: Record<DelegationStatus, StatusTone> = { scheduled: 'warning', active: 'inProgress', ended: 'draft', revoked: 'draft' };

interface NewValues {
  delegateId: string;
  period: [Dayjs, Dayjs];
  reason: string;
}

function CreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { me } = useSession();
  const create = useCreateDelegation();
  const today = dayjs().startOf('day');
  return (
    <FormModal<NewValues>
      open={open}
      onClose={onClose}
      title={t('delegation.new')}
      initialValues={{ period: [today, today.add(6, 'day')] }}
      onSubmit={(v) =>
        create.mutateAsync({
          delegateId: v.delegateId,
          startsOn: v.period[0].format('YYYY-MM-DD'),
          endsOn: v.period[1].format('YYYY-MM-DD'),
          reason: v.reason.trim(),
        })
      }
      successMessage={t('delegation.created')}
      testId="delegation-form"
      okTestId="delegation-save"
    >
      <Typography.Paragraph type="secondary">{t('delegation.newHelp', { days: DELEGATION_MAX_DAYS })}</Typography.Paragraph>
      <Form.Item name="delegateId" label={t('delegation.delegate')} rules={[{ required: true, message: t('delegation.delegateRequired') }]}>
        <PeoplePicker id="delegation-delegate" testId="delegation-delegate" exclude={[me.id]} placeholder={t('delegation.delegatePick')} />
      </Form.Item>
      <Form.Item name="period" label={t('delegation.period')} rules={[{ required: true, message: t('delegation.periodRequired') }]}>
        <DatePicker.RangePicker
          id="delegation-period"
          allowClear={false}
          disabledDate={(d) => d.isBefore(today, 'day')}
          style={{ width: '100%' }}
          data-testid="delegation-period"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('delegation.reason')}
        rules={[{ required: true, whitespace: true, max: 200, message: t('delegation.reasonRequired') }]}
      >
        <Input maxLength={200} placeholder={t('delegation.reasonPlaceholder')} data-testid="delegation-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** 委托: name a colleague to sign off and instruct for me while I am away; see who acts for me and for whom I act. */
export default function DelegationsPage() {
  const t = useT();
  const [lang] = useLang();
  const { me, can } = useSession();
  const seesOrg = me.role === 'principal_leader' || can('documents.receive');
  const mine = useDelegations('mine');
  const org = useDelegations('org', seesOrg);
  const orgList = seesOrg ? org : null;
  const revoke = useRevokeDelegation();
  const [creating, setCreating] = useState(false);
  const canDelegate = mine.data?.canDelegate ?? false;
  // On a phone each delegation is a short block instead of a table row.
  const narrow = !Grid.useBreakpoint().md;

  const period = (d: Delegation) =>
    t('delegation.periodText', { from: formatDateText(d.startsOn, lang), to: formatDateText(d.endsOn, lang) });
  const status = (d: Delegation) => <StatusTag tone={TONE[d.status]}>{t(`delegation.status.${d.status}`)}</StatusTag>;
  const columns = (side: 'given' | 'received' | 'org'): TableColumnsType<Delegation> => [
    ...(side !== 'given'
      ? [{ title: t('delegation.principal'), key: 'principal', render: (_: unknown, d: Delegation) => d.principal.displayName }]
      : []),
    ...(side !== 'received'
      ? [{ title: t('delegation.delegate'), key: 'delegate', render: (_: unknown, d: Delegation) => d.delegate.displayName }]
      : []),
    { title: t('delegation.period'), key: 'period', render: (_: unknown, d: Delegation) => period(d) },
    { title: t('delegation.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('delegation.statusTitle'), key: 'status', width: 100, render: (_: unknown, d: Delegation) => status(d) },
    ...(side === 'given'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, d: Delegation) => revokeButton(d),
          },
        ]
      : []),
  ];
  function revokeButton(d: Delegation) {
    return d.allowedActions.includes('revoke') ? (
      <Popconfirm
        title={t('delegation.revokeConfirm', { name: d.delegate.displayName })}
        okText={t('delegation.revoke')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'delegation-revoke-ok' } as never}
        onConfirm={() => revoke.mutateAsync(d.id).then(() => notifySuccess(t('delegation.revoked', { name: d.delegate.displayName })))}
      >
        <Button size="small" danger data-testid={`delegation-revoke-${d.id}`}>
          {t('delegation.revoke')}
        </Button>
      </Popconfirm>
    ) : null;
  }
  const table = (side: 'given' | 'received' | 'org', rows: Delegation[] | undefined, loading: boolean, empty: string) =>
    narrow ? (
      <List<Delegation>
        dataSource={rows ?? []}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        data-testid={`delegations-${side}`}
        renderItem={(d) => (
          <List.Item extra={side === 'given' ? revokeButton(d) : undefined}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>
                  {side === 'given'
                    ? d.delegate.displayName
                    : side === 'received'
                      ? d.principal.displayName
                      : t('delegation.pair', { principal: d.principal.displayName, delegate: d.delegate.displayName })}
                </Typography.Text>
                {status(d)}
              </Flex>
              <Typography.Text>{period(d)}</Typography.Text>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {d.reason}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    ) : (
      <Table<Delegation>
        rowKey="id"
        size="middle"
        columns={columns(side)}
        dataSource={rows ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        data-testid={`delegations-${side}`}
      />
    );

  return (
    <>
      <PageHeader
        title={t('delegation.title')}
        subtitle={t('delegation.subtitle')}
        extra={
          canDelegate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="delegation-new">
              {t('delegation.new')}
            </Button>
          ) : null
        }
      />
      {mine.isError ? <Alert type="error" showIcon title={t('delegation.loadFailed')} style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={16}>
        {canDelegate || (mine.data?.given.length ?? 0) > 0 ? (
          <Card title={t('delegation.given')} size="small">
            {table('given', mine.data?.given, mine.isPending, t('delegation.givenEmpty'))}
          </Card>
        ) : null}
        <Card title={t('delegation.received')} size="small">
          {table('received', mine.data?.received, mine.isPending, t('delegation.receivedEmpty'))}
        </Card>
        {orgList ? (
          <Card title={t('delegation.org')} size="small">
            {table('org', orgList.data?.org, orgList.isPending, t('delegation.orgEmpty'))}
          </Card>
        ) : null}
      </Flex>
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
