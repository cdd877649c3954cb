/** /supervision/province — the province overview: one line per county, each drilling into its county grid. */
import { Card, InputNumber, Progress, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLabel } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useProvinceDashboard, type ProvinceDashboard } from '../api/supervision.ts';

type County = ProvinceDashboard['counties'][number];

export default function ProvincePage() {
  const t = useT();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || new Date().getFullYear());
  const q = useProvinceDashboard(year);
  const d = q.data;
  const share = (c: County) => (c.townships ? Math.round((c.allMet / c.townships) * 1000) / 10 : 0);
  return (
    <>
      <PageHeader
        title={d ? t('supervision.province.title', { province: d.province.name }) : t('nav.supervision.province')}
        subtitle={
          d
            ? t('supervision.province.subtitle', {
                counties: d.counties.length,
                townships: d.counties.reduce((a, c) => a + c.townships, 0),
              })
            : null
        }
        extra={
          <InputNumber
            value={year}
            min={2000}
            max={2100}
            data-testid="province-year"
            onChange={(v) => {
              if (!v) return;
              setYear(v);
              setParams({ year: String(v) }, { replace: true });
            }}
          />
        }
      />
      <Card size="small">
        <Table<County>
          rowKey="id"
          size="small"
          bordered
          loading={q.isLoading}
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={d?.counties ?? []}
          data-testid="province-grid"
          columns={[
            {
              title: t('supervision.province.county'),
              dataIndex: 'name',
              fixed: 'left',
              width: 120,
              render: (name: string, c) => (
                <Link to={`/supervision/province/counties/${c.id}?year=${year}`} data-testid={`county-${c.code}`}>
                  {name}
                </Link>
              ),
            },
            { title: t('supervision.province.townships'), dataIndex: 'townships', width: 80, align: 'right' },
            {
              title: t('supervision.province.allMet'),
              key: 'allMet',
              width: 200,
              render: (_: unknown, c) => (
                <Tooltip title={`${c.allMet}/${c.townships}`}>
                  <Progress
                    percent={share(c)}
                    size="small"
                    format={() => `${c.allMet}/${c.townships}`}
                    data-testid={`county-${c.code}-allMet`}
                  />
                </Tooltip>
              ),
            },
            { title: t('supervision.province.gaps'), dataIndex: 'gaps', width: 90, align: 'right' },
            ...(d?.columns ?? []).map((col) => ({
              title: label('STANDARD_COLUMN', col.key),
              key: col.key,
              width: 96,
              align: 'right' as const,
              render: (_: unknown, c: County) => `${c.standards[col.key]}/${c.townships}`,
            })),
          ]}
        />
      </Card>
    </>
  );
}
