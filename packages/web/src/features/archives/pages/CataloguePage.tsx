/** /archives/catalogue — 归档文件目录 of one group (year, retention, org unit or subject), export to Excel and print. */
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { RETENTIONS, type Retention } from '@township-office/domain/archives';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { downloadCatalogue, useArchiveConfig, useCatalogue, type CatalogueRow } from '../api/archives.ts';

export default function CataloguePage() {
  const t = useT();
  const config = useArchiveConfig();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [retention, setRetention] = useState<Retention>('Y');
  const [classKey, setClassKey] = useState<string | undefined>();
  const classes = config.data?.classes ?? [];
  const chosen =
    classKey ??
    (classes.find((c) => c.kind === config.data?.config?.scheme)
      ? `${config.data!.config!.scheme}:${classes.find((c) => c.kind === config.data?.config?.scheme)!.code}`
      : undefined);
  const [kind, code] = (chosen ?? ':').split(':') as ['unit' | 'subject', string];
  const query = { year, retention, ...(kind === 'unit' ? { unitCode: code } : { subjectCode: code }) };
  const q = useCatalogue(query, !!chosen);
  return (
    <>
      <PageHeader
        title={t('archives.catalogue.title')}
        subtitle={q.data?.filterSummary}
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!chosen}
              onClick={() => downloadCatalogue(query, 'xlsx')}
              data-testid="catalogue-xlsx"
            >
              {t('common.export')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              disabled={!chosen}
              onClick={() => downloadCatalogue(query, 'pdf')}
              data-testid="catalogue-pdf"
            >
              {t('common.print')}
            </Button>
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <InputNumber value={year} min={1949} max={2100} onChange={(v) => v && setYear(v)} />
        <Select
          style={{ width: 120 }}
          value={retention}
          onChange={setRetention}
          data-testid="catalogue-retention"
          options={RETENTIONS.map((r) => ({ value: r, label: t(`archives.retention.${r}`) }))}
        />
        <Select
          style={{ width: 180 }}
          value={chosen}
          onChange={setClassKey}
          options={classes.map((c) => ({
            value: `${c.kind}:${c.code}`,
            label: `${c.kind === 'unit' ? '机构' : '问题'}：${c.name}（${c.code}）`,
          }))}
        />
      </Space>
      {q.error instanceof ApiError ? <Alert type="warning" showIcon message={q.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<CatalogueRow>
        rowKey="id"
        size="small"
        bordered
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('archives.catalogue.empty') }}
        pagination={localPagination(t, 50)}
        footer={q.data?.footer ? () => q.data!.footer : undefined}
        data-testid="catalogue-table"
        columns={[
          { title: t('archives.col.seq'), dataIndex: 'seq', width: 56, align: 'center' },
          {
            title: t('archives.col.archivalCode'),
            dataIndex: 'archivalCode',
            width: 235,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          { title: t('archives.col.docNumber'), dataIndex: 'docNumber', width: 170 },
          { title: t('archives.col.responsible'), dataIndex: 'responsible', width: 150, ellipsis: true },
          { title: t('archives.col.title'), dataIndex: 'title', ellipsis: true },
          { title: t('archives.col.date'), dataIndex: 'date', width: 90 },
          { title: t('archives.col.classification'), dataIndex: 'classification', width: 56 },
          { title: t('archives.col.pages'), dataIndex: 'pages', width: 56, align: 'right' },
          { title: t('archives.col.remark'), dataIndex: 'remark', width: 140, ellipsis: true },
        ]}
      />
    </>
  );
}
