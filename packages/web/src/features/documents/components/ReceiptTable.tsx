/**
 * The sender's receipt table: every recipient, who acknowledged when, returns with their reasons
 * (and the history of 退回 and 补发), pending >24 h in red, 催办, 撤回 and 补发 as the server allows
 * them. It refreshes live over the event stream, as the inbox does: a township's 签收 or 退回 shows
 * without a reload.
 */
import { Badge, Button, Card, Flex, Popconfirm, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useReceiptTable, useRemindDelivery, useResendDelivery, useWithdrawDelivery } from '../api/documents.ts';
import { useLiveEvents } from '../api/events.ts';
import type { Delivery } from '../api/types.ts';
import { DeliveryStatusTag } from './labels.tsx';
import { TextModal } from './TextModal.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

function ReturnHistory({ d }: { d: Delivery }) {
  const t = useT();
  return (
    <Timeline
      style={{ marginBlock: 8 }}
      data-testid="return-history"
      items={d.returns.flatMap((x, i) => [
        {
          key: `r${i}`,
          color: 'orange',
          children: (
            <>
              <Typography.Text type="secondary">{formatDateTime(x.returnedAt)}</Typography.Text>{' '}
              {t('documents.receipt.historyReturned', { name: x.returnedBy ?? d.recipientOrgName, reason: x.reason })}
            </>
          ),
        },
        ...(x.resentAt
          ? [
              {
                key: `s${i}`,
                color: 'blue',
                children: (
                  <>
                    <Typography.Text type="secondary">{formatDateTime(x.resentAt)}</Typography.Text>{' '}
                    {x.note
                      ? t('documents.receipt.historyResentNote', { name: x.resentBy ?? '', note: x.note })
                      : t('documents.receipt.historyResent', { name: x.resentBy ?? '' })}
                  </>
                ),
              },
            ]
          : []),
      ])}
    />
  );
}

export function ReceiptTable({ documentId, canAct }: { documentId: string; canAct: boolean }) {
  const t = useT();
  const { message } = useApp();
  const q = useReceiptTable(documentId, true);
  const live = useLiveEvents();
  const remind = useRemindDelivery();
  const withdraw = useWithdrawDelivery();
  const resend = useResendDelivery();
  const [resending, setResending] = useState<Delivery | null>(null);
  const s = q.data?.summary;
  const ackTotal = s ? s.total - s.withdrawn : 0;
  return (
    <Card
      size="small"
      className="doc-section"
      data-testid="receipt-table"
      title={
        <Flex gap={16} align="baseline" wrap>
          <span>{t('documents.receipt.title')}</span>
          <Space size={4}>
            <Badge status={live ? 'processing' : 'default'} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="receipt-live">
              {live ? t('documents.inbox.live') : t('documents.inbox.offline')}
            </Typography.Text>
          </Space>
          {s ? (
            <>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="receipt-count">
                {t('documents.receipt.count', { ack: s.acknowledged, total: ackTotal })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('documents.receipt.pendingCount', { n: s.pending })}</Typography.Text>
              {s.returned ? (
                <Typography.Text type="warning">{t('documents.receipt.returnedCount', { n: s.returned })}</Typography.Text>
              ) : null}
              {s.overdue ? <Typography.Text type="danger">{t('documents.receipt.overdueCount', { n: s.overdue })}</Typography.Text> : null}
            </>
          ) : null}
        </Flex>
      }
    >
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        onRow={(r) => ({ 'data-testid': `receipt-row-${r.recipientOrgName}`, 'data-status': r.status }) as object}
        expandable={{
          rowExpandable: (r) => r.returns.length > 0,
          expandedRowRender: (r) => <ReturnHistory d={r} />,
        }}
        columns={[
          { title: t('documents.col.recipient'), dataIndex: 'recipientOrgName', ellipsis: true },
          { title: t('documents.col.kind'), dataIndex: 'recipientKind', width: 84, render: (k: string) => t(`documents.kind.${k}`) },
          {
            title: t('documents.col.status'),
            dataIndex: 'status',
            width: 96,
            render: (_: unknown, r) => <DeliveryStatusTag status={r.status} overdue={r.overdue} />,
          },
          { title: t('documents.col.sentAt'), dataIndex: 'sentAt', width: 140, render: formatDateTime },
          { title: t('documents.col.ackAt'), dataIndex: 'acknowledgedAt', width: 140, render: formatDateTime },
          { title: t('documents.col.ackBy'), dataIndex: 'acknowledgedBy', width: 90 },
          {
            title: t('documents.col.note'),
            key: 'note',
            ellipsis: true,
            render: (_: unknown, r) =>
              r.status === 'returned' ? (
                <Typography.Text type="warning">{r.returnReason}</Typography.Text>
              ) : r.returns.length && r.status === 'pending' ? (
                <Typography.Text type="secondary">
                  {t('documents.receipt.resentAfter', { reason: r.returns[r.returns.length - 1]!.reason })}
                  {r.reminderCount ? `，${t('documents.receipt.reminders', { n: r.reminderCount })}` : ''}
                </Typography.Text>
              ) : r.overdue ? (
                <Typography.Text type="danger">
                  {t('documents.receipt.overdue')}
                  {r.reminderCount ? `，${t('documents.receipt.reminders', { n: r.reminderCount })}` : ''}
                </Typography.Text>
              ) : r.reminderCount ? (
                t('documents.receipt.reminders', { n: r.reminderCount })
              ) : null,
          },
          ...(canAct
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: Delivery) => (
                    <Space size={4}>
                      {r.allowedActions.includes('resend') ? (
                        <Button size="small" type="primary" onClick={() => setResending(r)} data-testid="resend">
                          {t('documents.receipt.resend')}
                        </Button>
                      ) : null}
                      {r.allowedActions.includes('remind') ? (
                        <Button
                          size="small"
                          type={r.overdue ? 'primary' : 'default'}
                          danger={r.overdue}
                          loading={remind.isPending && remind.variables === r.id}
                          onClick={() =>
                            remind.mutate(r.id, {
                              onSuccess: () => void message.success(t('documents.receipt.reminded', { name: r.recipientOrgName })),
                            })
                          }
                          data-testid="remind"
                        >
                          {t('documents.receipt.remind')}
                        </Button>
                      ) : null}
                      {r.allowedActions.includes('withdraw') ? (
                        <Popconfirm
                          title={t('documents.receipt.withdrawConfirm', { name: r.recipientOrgName })}
                          onConfirm={() => withdraw.mutate(r.id)}
                        >
                          <Button size="small" type="link">
                            {t('documents.receipt.withdraw')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TextModal
        open={!!resending}
        title={t('documents.receipt.resendTitle', { name: resending?.recipientOrgName ?? '' })}
        label={t('documents.receipt.resendNote')}
        help={resending ? t('documents.receipt.resendHelp', { reason: resending.returnReason ?? '' }) : null}
        placeholder={t('documents.receipt.resendPlaceholder')}
        required={false}
        max={500}
        okText={t('documents.receipt.resend')}
        successMessage={t('documents.receipt.resent', { name: resending?.recipientOrgName ?? '' })}
        testId="resend-modal"
        onClose={() => setResending(null)}
        onSubmit={(v) => resend.mutateAsync({ id: resending!.id, note: v.text.trim() })}
      />
    </Card>
  );
}
