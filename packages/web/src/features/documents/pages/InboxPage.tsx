/**
 * /documents/inbox — 收文: deliveries to sign for (live over server-sent events), every delivery,
 * and the incoming entries being processed. 签收 opens the processing slip of the new entry. A
 * delivery the sender reminded about shows 已催 N 次, one sent again after a 退回 shows 补发. On a
 * phone (narrower than 768 px) every delivery and entry is a card instead of a table row.
 */
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Grid, List, Space, Table, Tabs, Typography, notification as notificationApi } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { IncomingStatus } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { listPagination, serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate, formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { useLiveEvents } from '../api/events.ts';
import { useAcknowledge, useInbox, useIncomingList, useReturnDelivery } from '../api/incoming.ts';
import type { InboxItem, IncomingListItem } from '../api/types.ts';
import { ClassificationTag, DeliveryStatusTag, IncomingStatusTag, UrgencyTag } from '../components/labels.tsx';
import { PaperIncomingModal } from '../components/PaperIncomingModal.tsx';
import { TextModal } from '../components/TextModal.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

type Tab = 'pending' | 'all' | 'incoming';

/** 已催 N 次 and 补发, beside the title (table) or under it (card). */
function DeliveryMarks({ r }: { r: InboxItem }) {
  const t = useT();
  if (!r.reminderCount && !r.resentAt) return null;
  return (
    <Space size={4} wrap>
      {r.resentAt ? (
        <span title={t('documents.inbox.resentAt', { time: formatDateTime(r.resentAt) })} data-testid="inbox-resent">
          <StatusTag tone="inProgress">{t('documents.inbox.resent')}</StatusTag>
        </span>
      ) : null}
      {r.reminderCount && r.status === 'pending' ? (
        <span title={r.remindedAt ? formatDateTime(r.remindedAt) : undefined} data-testid="inbox-reminders">
          <StatusTag tone="warning">{t('documents.inbox.reminders', { n: r.reminderCount })}</StatusTag>
        </span>
      ) : null}
    </Space>
  );
}

export default function InboxPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useApp();
  const [notification, notificationHolder] = notificationApi.useNotification();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') ?? 'pending') as Tab;
  const paging = usePaging();
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
  const inbox = useInbox(tab === 'pending' ? 'pending' : undefined, paging.page, paging.pageSize);
  const pendingCount = useInbox('pending', 1, 1).data?.total;
  const ack = useAcknowledge();
  const ret = useReturnDelivery();
  const mayReceive = can('documents.receive');
  const narrow = !Grid.useBreakpoint().md;

  const acknowledge = (r: InboxItem) =>
    ack.mutate(r.id, {
      onSuccess: (res) => {
        void message.success(t('documents.inbox.acked', { serial: res.serial }));
        navigate(`/documents/incoming/${res.incomingId}`);
      },
    });

  const actions = (r: InboxItem) =>
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
        <Button size="small" onClick={() => setReturning(r)} data-testid="return">
          {t('documents.inbox.return')}
        </Button>
      </Space>
    ) : null;

  const pagination = serverPagination(paging, inbox.data?.total, t);
  const emptyText = tab === 'pending' ? t('documents.inbox.empty') : t('documents.inbox.emptyAll');

  const deliveryColumns = [
    {
      title: t('documents.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r: InboxItem) => (
        <Space size={4} wrap>
          <UrgencyTag urgency={r.urgency} />
          <Link to={`/documents/outgoing/${r.documentId}`}>{v}</Link>
          <DeliveryMarks r={r} />
        </Space>
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
      render: (_: unknown, r: InboxItem) => actions(r),
    },
  ];

  return (
    <>
      {notificationHolder}
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
          paging.reset();
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
        <IncomingTable narrow={narrow} />
      ) : narrow ? (
        // On a phone each delivery is a card: title and marks, sender and number, when, status and the two buttons.
        <List<InboxItem>
          loading={inbox.isFetching && !inbox.data}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText }}
          data-testid="inbox-cards"
          pagination={listPagination(paging, inbox.data?.total)}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="inbox-card" data-status={r.status}>
              <Space size={4} wrap style={{ marginBottom: 4 }}>
                <UrgencyTag urgency={r.urgency} />
                <DeliveryStatusTag status={r.status} />
                <DeliveryMarks r={r} />
              </Space>
              <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                <Link to={`/documents/outgoing/${r.documentId}`}>{r.title}</Link>
              </div>
              <div style={{ color: '#666', marginTop: 4, overflowWrap: 'anywhere' }}>
                {[r.senderName, r.docNumber, t(`documents.kind.${r.recipientKind}`)].filter(Boolean).join(' · ')}
              </div>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(r.sentAt)}
                </Typography.Text>
                {actions(r)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<InboxItem>
          rowKey="id"
          size="middle"
          data-testid="inbox-table"
          loading={inbox.isFetching && !inbox.data}
          dataSource={inbox.data?.items ?? []}
          columns={deliveryColumns}
          onRow={(r) => ({ 'data-testid': 'inbox-row', 'data-status': r.status }) as object}
          locale={{ emptyText }}
          pagination={pagination}
        />
      )}
      <TextModal
        open={!!returning}
        title={`${t('documents.inbox.returnTitle')}：${returning?.title ?? ''}`}
        label={t('documents.inbox.returnReason')}
        placeholder={t('documents.inbox.returnPlaceholder')}
        required={t('documents.action.reasonRequired')}
        max={500}
        successMessage={t('documents.inbox.returned')}
        onClose={() => setReturning(null)}
        onSubmit={(v) => ret.mutateAsync({ id: returning!.id, reason: v.text.trim() })}
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

export function IncomingTable({ status, empty, narrow = false }: { status?: IncomingStatus; empty?: string; narrow?: boolean }) {
  const t = useT();
  const paging = usePaging();
  const q = useIncomingList(status, paging.page, paging.pageSize);
  if (narrow)
    return (
      <List<IncomingListItem>
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: empty ?? t('documents.inbox.emptyIncoming') }}
        data-testid="incoming-cards"
        pagination={listPagination(paging, q.data?.total)}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }} title={r.serial} extra={<IncomingStatusTag status={r.status} />}>
            {r.urgency !== 'none' || r.classification !== 'none' ? (
              <Space size={4} wrap style={{ marginBottom: 4 }}>
                <UrgencyTag urgency={r.urgency} />
                <ClassificationTag classification={r.classification} />
              </Space>
            ) : null}
            <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
              <Link to={`/documents/incoming/${r.id}`}>{r.title}</Link>
            </div>
            <div style={{ color: '#666', marginTop: 4, overflowWrap: 'anywhere' }}>
              {[r.senderName, t(`documents.channel.${r.channel}`), formatDate(r.receivedDate)].filter(Boolean).join(' · ')}
            </div>
            {r.deadline ? (
              <div style={{ marginTop: 4, fontSize: 12, color: '#999' }}>
                {t('documents.col.deadline')}：{formatDate(r.deadline)}
              </div>
            ) : null}
          </Card>
        )}
      />
    );
  return (
    <Table<IncomingListItem>
      rowKey="id"
      size="middle"
      data-testid="incoming-table"
      loading={q.isFetching && !q.data}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: empty ?? t('documents.inbox.emptyIncoming') }}
      pagination={serverPagination(paging, q.data?.total, t)}
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
