/**
 * 流转记录: every step of the drafting slip, oldest first (from the document's audit trail): the step,
 * what was done, who, for whom (委托), the opinion or reason, when — as the printed 发文笺 has it.
 */
import { Card, Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import type { DocumentRecord } from '../api/types.ts';

type Item = DocumentRecord['flowRecord'][number];

export function FlowSteps({ record }: { record: Item[] }) {
  const t = useT();
  if (record.length === 0) return null;
  return (
    <Card size="small" className="doc-section" title={t('documents.flow.history')} style={{ marginTop: 12 }} data-testid="flow-steps">
      <Table<Item & { key: number }>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={record.map((r, key) => ({ ...r, key }))}
        rowClassName={(r) => (r.action === 'return' || r.action.endsWith('Return') ? 'flow-record-return' : '')}
        columns={[
          { title: t('documents.flowRecord.step'), dataIndex: 'step', render: (s: Item['step']) => t(`documents.flowRecord.step_${s}`) },
          {
            title: t('documents.flowRecord.action'),
            dataIndex: 'action',
            render: (a: Item['action']) => <Typography.Text strong>{t(`documents.flowRecord.action_${a}`)}</Typography.Text>,
          },
          {
            title: t('documents.flowRecord.user'),
            dataIndex: 'userName',
            render: (_: string, r) => (r.orgName ? `${r.userName}（${r.orgName}）` : r.userName),
          },
          {
            title: t('documents.flowRecord.onBehalfOf'),
            dataIndex: 'onBehalfOfName',
            render: (n: string | null) => (n ? t('documents.flowRecord.for', { name: n }) : ''),
          },
          { title: t('documents.flowRecord.opinion'), dataIndex: 'opinion', render: (o: string | null) => o ?? '' },
          { title: t('documents.flowRecord.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
        ]}
      />
    </Card>
  );
}
