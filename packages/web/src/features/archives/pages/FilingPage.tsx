/** /archives/filing — 年终归档: closed documents of a year filed into one group; the archived items with their stamped PDF. */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { RETENTIONS, type Retention } from '@township-office/domain/archives';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination, serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import {
  printItem,
  useArchiveBatch,
  useArchiveConfig,
  useArchiveItems,
  useCandidates,
  type ArchiveItem,
  type Candidate,
} from '../api/archives.ts';
import { useApp } from '../../../lib/app-messages.tsx';

export default function FilingPage() {
  const t = useT();
  const { message } = useApp();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [retention, setRetention] = useState<Retention>('D30');
  const [classCode, setClassCode] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const paging = usePaging();
  const config = useArchiveConfig();
  const may = can('archives.manage');
  const candidates = useCandidates(year, may && !!config.data?.config);
  const items = useArchiveItems({ year, orgId, page: paging.page, pageSize: paging.pageSize });
  const batch = useArchiveBatch();
  const classes = (config.data?.classes ?? []).filter((c) => c.kind === config.data?.config?.scheme);
  const code = classCode ?? classes[0]?.code;
  return (
    <>
      <PageHeader
        title={t('archives.filing.title')}
        subtitle={config.data?.config ? t('archives.filing.fonds', { code: config.data.config.fondsCode }) : undefined}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('archives.filing.year')}</span>
        <InputNumber value={year} min={1949} max={2100} onChange={(v) => v && setYear(v)} data-testid="filing-year" />
      </Space>
      {may && config.data && !config.data.config ? (
        <Alert type="warning" showIcon message={t('archives.filing.notConfigured')} style={{ marginBottom: 12 }} />
      ) : null}
      {may && config.data?.config ? (
        <Card
          size="small"
          title={t('archives.filing.candidates', { n: candidates.data?.items.length ?? 0 })}
          style={{ marginBottom: 16 }}
          extra={
            <Space>
              <Select
                style={{ width: 120 }}
                value={retention}
                onChange={setRetention}
                options={RETENTIONS.map((r) => ({ value: r, label: t(`archives.retention.${r}`) }))}
              />
              <Select
                style={{ width: 140 }}
                value={code}
                onChange={setClassCode}
                options={classes.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
              />
              <Button
                type="primary"
                disabled={!selected.length || !code}
                loading={batch.isPending}
                data-testid="archive-selected"
                onClick={async () => {
                  const sources = (candidates.data?.items ?? [])
                    .filter((c) => selected.includes(c.id))
                    .map((c) => ({ kind: c.kind, id: c.id }));
                  const res = await batch.mutateAsync({ year, retention, classCode: code!, sources });
                  setSelected([]);
                  message.success(t('archives.filing.done', { n: res.items.length }));
                }}
              >
                {t('archives.filing.archive', { n: selected.length })}
              </Button>
            </Space>
          }
        >
          <Table<Candidate>
            rowKey="id"
            size="small"
            dataSource={candidates.data?.items ?? []}
            pagination={localPagination(t, 10)}
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
            columns={[
              {
                title: t('archives.col.source'),
                dataIndex: 'kind',
                width: 80,
                render: (k: Candidate['kind']) => t(`archives.source.${k}`),
              },
              { title: t('archives.col.docNumber'), dataIndex: 'docNumber', width: 190 },
              { title: t('archives.col.title'), dataIndex: 'title', ellipsis: true },
              { title: t('archives.col.date'), dataIndex: 'date', width: 110 },
            ]}
          />
        </Card>
      ) : null}
      <Table<ArchiveItem>
        rowKey="id"
        size="middle"
        title={() => t('archives.filing.archived')}
        loading={items.isFetching && !items.data}
        dataSource={items.data?.items ?? []}
        pagination={serverPagination(paging, items.data?.total, t)}
        columns={[
          { title: t('archives.col.archivalCode'), dataIndex: 'archivalCode', width: 220 },
          { title: t('archives.col.docNumber'), dataIndex: 'docNumber', width: 180 },
          { title: t('archives.col.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('archives.filing.retention'),
            dataIndex: 'retention',
            width: 90,
            render: (r: Retention) => <Tag>{t(`archives.retention.${r}`)}</Tag>,
          },
          { title: t('archives.col.pages'), dataIndex: 'pages', width: 60, align: 'right' },
          {
            title: t('common.actions'),
            key: 'p',
            width: 150,
            render: (_: unknown, r) => (
              <Button size="small" icon={<PrinterOutlined />} onClick={() => printItem(r.id)}>
                {t('archives.filing.print')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
