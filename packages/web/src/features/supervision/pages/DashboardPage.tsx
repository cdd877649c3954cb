/** /supervision — the county dashboard: headline figures, the township × standard grid, charts. */
import { Button, Card, Col, InputNumber, Row, Space, Statistic } from 'antd';
import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useT, useLang } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { useCharts, useCountyDashboard } from '../api/supervision.ts';
import { DashboardCharts } from '../components/DashboardCharts.tsx';
import { StandardGrid } from '../components/StandardGrid.tsx';

export default function DashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useCountyDashboard(year);
  const charts = useCharts(year);
  const d = q.data;
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? t('supervision.noData') : `${Math.round(x * 1000) / 10}%`);
  return (
    <>
      <PageHeader
        title={t('supervision.dashboard.title')}
        extra={
          <Space>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="dashboard-year" />
            <Button icon={<FilePdfOutlined />} onClick={() => void openPdf('/api/dashboard/county/export', { year, format: 'pdf' })}>
              {t('supervision.print')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void download('/api/dashboard/county/export', { query: { year, format: 'xlsx' } })}
            >
              {t('supervision.exportExcel')}
            </Button>
          </Space>
        }
      />
      {d ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="headline">
            {[
              ['townships', d.townships],
              ['leaders', `${d.leadersInCharge.familiar}/${d.leadersInCharge.assigned}`],
              ['filedStaff', d.filedStaff],
              ['training', `${d.trainingSessions}`],
              ['trained', `${d.trainedAtLeastOnce.trained}/${d.trainedAtLeastOnce.total}`],
              ['rotations', d.rotationsByQuarter.join(' / ')],
              ['rooms', d.threeRoomsComplete],
              ['online', pct(d.onlineShare)],
              ['expense', d.avgOfficeExpenseYuan === null ? t('supervision.noData') : `${d.avgOfficeExpenseYuan.toLocaleString('zh-CN')}`],
              ['rules', d.townshipsWithAllSixRules],
            ].map(([k, v]) => (
              <Col key={k as string} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t(`supervision.headline.${k}`)} value={v as string} data-testid={`headline-${k}`} />
                  {k === 'expense' && d.expenseYearOnYear !== null ? (
                    <small>
                      {t('supervision.headline.yoy')} {d.expenseYearOnYear > 0 ? '+' : ''}
                      {Math.round(d.expenseYearOnYear * 1000) / 10}%
                    </small>
                  ) : null}
                </Card>
              </Col>
            ))}
          </Row>
          <StandardGrid data={d} lang={lang} />
        </>
      ) : null}
      {charts.data ? <DashboardCharts charts={charts.data} t={t} /> : null}
    </>
  );
}
