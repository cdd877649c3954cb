/** The sender's receipt table: every recipient, who acknowledged when, returns, pending >24 h in red, 催办 and 撤回. */
import { App, Button, Card, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useReceiptTable, useRemindDelivery, useWithdrawDelivery } from '../api/documents.ts';
import type { Delivery } from '../api/types.ts';
import { DeliveryStatusTag } from './labels.tsx';

export function ReceiptTable({ documentId, canAct }: { documentId: string; canAct: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const q = useReceiptTable(documentId, true);
  const remind = useRemindDelivery();
  const withdraw = useWithdrawDelivery();
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
                  width: 120,
                  render: (_: unknown, r: Delivery) =>
                    r.status === 'pending' ? (
                      <Space size={4}>
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
                        >
                          {t('documents.receipt.remind')}
                        </Button>
                        <Popconfirm
                          title={t('documents.receipt.withdrawConfirm', { name: r.recipientOrgName })}
                          onConfirm={() => withdraw.mutate(r.id)}
                        >
                          <Button size="small" type="link">
                            {t('documents.receipt.withdraw')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
