/**
 * /reception/petitions/stats — 信访统计: the year's cases received, accepted, closed, the late written
 * notices (信访工作条例 第二十三条, counted against the office), overdue cases, objections, 复查 and 复核
 * requests, and the counts by category, channel and month.
 */
import { Alert, Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { chinaYear } from '@township-office/domain/dates';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { PageHeader } from '../../../components/index.ts';
import { usePetitionStats, type PetitionStats } from '../api/reception.ts';

const FIGURES = [
  'total',
  'accepted',
  'notAccepted',
  'closed',
  'noticeLate',
  'overdue',
  'transferred',
  'objected',
  'reviews',
  'rereviews',
] as const satisfies readonly (keyof PetitionStats['figures'])[];

export default function PetitionStatsPage() {
  const t = useT();
  const { orgId } = useViewOrg();
  const [year, setYear] = useState(chinaYear());
  const q = usePetitionStats({ year, ...(orgId ? { orgId } : {}) });
  const s = q.data;
  const table = (title: string, rows: { key: string; count: number }[], label: (k: string) => string) => (
    <Card size="small" title={title}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        loading={q.isLoading}
        dataSource={rows}
        columns={[
          { title: title, dataIndex: 'key', render: (k: string) => label(k) },
          { title: t('reception.stats.count'), dataIndex: 'count', align: 'right', width: 100 },
        ]}
      />
    </Card>
  );
  return (
    <>
      <PageHeader
        title={t('reception.stats.title')}
        extra={
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
            data-testid="stats-year"
          />
        }
      />
      <Row gutter={[12, 12]} data-testid="petition-figures">
        {FIGURES.map((k) => (
          <Col key={k} xs={12} sm={8} md={6} lg={4}>
            <Card size="small">
              <Statistic
                title={t(`reception.stats.${k}`)}
                value={s?.figures[k] ?? 0}
                loading={q.isLoading}
                styles={
                  k === 'noticeLate' || k === 'overdue'
                    ? { content: { color: (s?.figures[k] ?? 0) > 0 ? '#cf1322' : undefined } }
                    : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Alert type="info" showIcon style={{ margin: '12px 0' }} title={t('reception.stats.noticeLateHelp')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          {table(t('reception.stats.byCategory'), s?.byCategory ?? [], (k) => t(`reception.category.${k}`))}
        </Col>
        <Col xs={24} md={8}>
          {table(t('reception.stats.byChannel'), s?.byChannel ?? [], (k) => t(`reception.channel.${k}`))}
        </Col>
        <Col xs={24} md={8}>
          {table(t('reception.stats.byMonth'), s?.byMonth ?? [], (k) => t('reception.stats.month', { month: k }))}
        </Col>
      </Row>
    </>
  );
}
