/** /supervision/environment — three rooms, funding (average and year on year), rules, across the county. */
import { Card, Col, InputNumber, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  ROOM_KIND_LABELS,
  ROOM_STATUS_LABELS,
  RULE_KIND_LABELS,
} from '@township-office/domain/environment';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { formatYuan } from '../../../lib/format.tsx';
import { useExpenses, useRooms, useRules } from '../api/supervision.ts';

export default function EnvironmentPage() {
  const t = useT();
  const [year, setYear] = useState(new Date().getFullYear());
  const exp = useExpenses(year);
  const rooms = useRooms();
  const rules = useRules();
  const e = exp.data;
  return (
    <>
      <PageHeader
        title={t('supervision.environment.title')}
        extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('supervision.environment.average', { year })} value={e?.average ?? '—'} data-testid="expense-average" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('supervision.environment.previous')} value={e?.previousAverage ?? '—'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('supervision.headline.yoy')}
              value={e?.yearOnYear === null || e?.yearOnYear === undefined ? '—' : `${Math.round(e.yearOnYear * 1000) / 10}%`}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('supervision.environment.expenses')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="orgId"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={e?.townships ?? []}
          columns={[
            { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
            ...EXPENSE_CATEGORIES.map((c) => ({
              title: EXPENSE_CATEGORY_LABELS[c],
              key: c,
              align: 'right' as const,
              render: (_: unknown, r: { byCategory: Record<string, number> }) => formatYuan(r.byCategory[c]),
            })),
            {
              title: t('supervision.environment.total'),
              dataIndex: 'total',
              align: 'right' as const,
              render: (v: number) => formatYuan(v),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('supervision.environment.rooms')}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 9 }}
              dataSource={rooms.data?.items ?? []}
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                {
                  title: t('supervision.field.kind'),
                  dataIndex: 'kind',
                  render: (k: keyof typeof ROOM_KIND_LABELS) => ROOM_KIND_LABELS[k],
                },
                {
                  title: t('supervision.field.status'),
                  dataIndex: 'status',
                  render: (s: keyof typeof ROOM_STATUS_LABELS) => ROOM_STATUS_LABELS[s],
                },
                { title: t('supervision.field.areaM2'), dataIndex: 'areaM2' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('supervision.environment.rules')}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 9 }}
              dataSource={rules.data?.items ?? []}
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                {
                  title: t('supervision.field.kind'),
                  dataIndex: 'kind',
                  render: (k: keyof typeof RULE_KIND_LABELS) => RULE_KIND_LABELS[k],
                },
                { title: t('supervision.field.title'), dataIndex: 'title' },
                { title: t('supervision.field.adoptedOn'), dataIndex: 'adoptedOn' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
