/**
 * /documents/inbox — 收文: deliveries to sign for (live over server-sent events), every delivery,
 * and the incoming entries being processed. 签收 opens the processing slip of the new entry.
 */
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { IncomingStatus } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.tsx';
import { useLiveEvents } from '../api/events.ts';
import { useAcknowledge, useInbox, useIncomingList, useReturnDelivery } from '../api/incoming.ts';
import type { InboxItem, IncomingListItem } from '../api/types.ts';
import { ClassificationTag, DeliveryStatusTag, IncomingStatusTag, UrgencyTag } from '../components/labels.tsx';
import { PaperIncomingModal } from '../components/PaperIncomingModal.tsx';
import { TextModal } from '../components/TextModal.tsx';

type Tab = 'pending' | 'all' | 'incoming';

export default function InboxPage() {
  const t = useT();
  const navigate = useNavigate();
  const { notification, message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') ?? 'pending') as Tab;
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<InboxItem | null>(null);
  const [paperOpen, setPaperOpen] = useState(false);
  const live = useLiveEvents((e) => {
    if (e.type === 'delivery.created')
      notification.info({
        key: `arrival-${e.documentId ?? ''}`,
        message: t('documents.inbox.newArrival'),
        description: t('documents.inbox.newArrivalText'),
        placement: 'topRight',
        duration: 8,
        props: { 'data-testid': 'arrival-notice' } as object,
      });
  });
  const inbox = useInbox(tab === 'pending' ? 'pending' : undefined, page);
  const pendingCount = useInbox('pending', 1, 1).data?.total;
  const ack = useAcknowledge();
  const ret = useReturnDelivery();
  const mayReceive = can('documents.receive');

  const acknowledge = (r: InboxItem) =>
    ack.mutate(r.id, {
      onSuccess: (res) => {
        void message.success(t('documents.inbox.acked', { serial: res.serial }));
        navigate(`/documents/incoming/${res.incomingId}`);
      },
    });

  const deliveryColumns = [
    {
      title: t('documents.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r: InboxItem) => (
        <>
          <UrgencyTag urgency={r.urgency} />
          <Link to={`/documents/outgoing/${r.documentId}`}>{v}</Link>
        </>
      ),
    },
    { title: t('documents.col.docNumber'), dataIndex: 'docNumber', width: 180 },
    { title: t('documents.col.sender'), dataIndex: 'senderName', width: 170, ellipsis: true },
    { title: t('documents.col.kind'), dataIndex: 'recipientKind', width: 84, render: (k: string) => t(`documents.kind.${k}`) },
    { title: t('documents.col.sentAt'), dataIndex: 'sentAt', width: 140, render: formatDateTime },
    {
      title: t('documents.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (_: unknown, r: InboxItem) => <DeliveryStatusTag status={r.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, r: InboxItem) =>
        r.status === 'pending' && mayReceive ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              onClick={() => acknowledge(r)}
              loading={ack.isPending && ack.variables === r.id}
              data-testid="acknowledge"
            >
              {t('documents.inbox.ack')}
            </Button>
            <Button size="small" onClick={() => setReturning(r)}>
              {t('documents.inbox.return')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('documents.inbox.title')}
        subtitle={
          <Space size={6}>
            <Badge status={live ? 'processing' : 'default'} />
            <span data-testid="live-status">{live ? t('documents.inbox.live') : t('documents.inbox.offline')}</span>
          </Space>
        }
        extra={
          <>
            {mayReceive ? (
              <Button icon={<PlusOutlined />} onClick={() => setPaperOpen(true)} data-testid="register-paper">
                {t('documents.inbox.registerPaper')}
              </Button>
            ) : null}
            <Button icon={<BookOutlined />} onClick={() => navigate('/documents/registers/incoming')}>
              {t('documents.inbox.register')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setPage(1);
          setParams(k === 'pending' ? {} : { tab: k });
        }}
        items={[
          {
            key: 'pending',
            label: (
              <Badge count={pendingCount} size="small" offset={[10, -2]}>
                {t('documents.inbox.tabPending')}
              </Badge>
            ),
          },
          { key: 'all', label: t('documents.inbox.tabAll') },
          { key: 'incoming', label: t('documents.inbox.tabIncoming') },
        ]}
      />
      {tab === 'incoming' ? (
        <IncomingTable />
      ) : (
        <Table<InboxItem>
          rowKey="id"
          size="middle"
          data-testid="inbox-table"
          loading={inbox.isFetching && !inbox.data}
          dataSource={inbox.data?.items ?? []}
          columns={deliveryColumns}
          locale={{ emptyText: tab === 'pending' ? t('documents.inbox.empty') : t('documents.inbox.emptyAll') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: inbox.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { total: n }),
            showSizeChanger: false,
          }}
        />
      )}
      <TextModal
        open={!!returning}
        title={`${t('documents.inbox.returnTitle')}：${returning?.title ?? ''}`}
        label={t('documents.inbox.returnReason')}
        placeholder={t('documents.inbox.returnPlaceholder')}
        required={t('documents.action.reasonRequired')}
        max={500}
        confirmLoading={ret.isPending}
        onCancel={() => setReturning(null)}
        onOk={(v) =>
          ret.mutate(
            { id: returning!.id, reason: v.text.trim() },
            {
              onSuccess: () => {
                setReturning(null);
                void message.success(t('documents.inbox.returned'));
              },
            },
          )
        }
      />
      <PaperIncomingModal
        open={paperOpen}
        onClose={() => setPaperOpen(false)}
        onDone={(id) => {
          setPaperOpen(false);
          navigate(`/documents/incoming/${id}`);
        }}
      />
    </>
  );
}

export function IncomingTable({ status, empty }: { status?: IncomingStatus; empty?: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useIncomingList(status, page);
  return (
    <Table<IncomingListItem>
      rowKey="id"
      size="middle"
      data-testid="incoming-table"
      loading={q.isFetching && !q.data}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: empty ?? t('documents.inbox.emptyIncoming') }}
      pagination={{
        current: page,
        pageSize: 20,
        total: q.data?.total ?? 0,
        onChange: setPage,
        showTotal: (n) => t('common.total', { total: n }),
        showSizeChanger: false,
      }}
      columns={[
        { title: t('documents.col.serial'), dataIndex: 'serial', width: 120 },
        { title: t('documents.col.receivedDate'), dataIndex: 'receivedDate', width: 110, render: formatDate },
        {
          title: t('documents.col.title'),
          dataIndex: 'title',
          ellipsis: true,
          render: (v: string, r) => (
            <>
              <UrgencyTag urgency={r.urgency} />
              <ClassificationTag classification={r.classification} />
              <Link to={`/documents/incoming/${r.id}`}>{v}</Link>
            </>
          ),
        },
        { title: t('documents.col.sender'), dataIndex: 'senderName', width: 160, ellipsis: true },
        { title: t('documents.col.channel'), dataIndex: 'channel', width: 70, render: (c: string) => t(`documents.channel.${c}`) },
        {
          title: t('documents.col.deadline'),
          dataIndex: 'deadline',
          width: 110,
          render: (d: string | null) => (d ? <Typography.Text>{formatDate(d)}</Typography.Text> : ''),
        },
        {
          title: t('documents.col.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: IncomingStatus) => <IncomingStatusTag status={s} />,
        },
      ]}
    />
  );
}
