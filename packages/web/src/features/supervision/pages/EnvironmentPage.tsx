/**
 * /supervision/environment — three rooms, funding (average and year on year), rules, across the
 * county; the county issues the 十条禁令 here and sees which townships have read and acknowledged it.
 */
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { EXPENSE_CATEGORIES, ruleDocumentCreateSchema } from '@township-office/domain/environment';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { useLabel } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useOrgs } from '../../../app/view-org.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { formatDate, formatYuan } from '../../../lib/format.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useExpenses, useIssueRuleDocument, useRooms, useRuleDocuments, useRules, type RuleDocument } from '../api/supervision.ts';

const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);

/** The county's rule documents (十条禁令): issue one, and see each township's acknowledgement. */
function Prohibitions() {
  const t = useT();
  const rule = useZodRule();
  const { can } = useSession();
  const docs = useRuleDocuments();
  const orgs = useOrgs();
  const issue = useIssueRuleDocument();
  const [open, setOpen] = useState(false);
  const townships = (orgs.data ?? []).filter((o) => o.kind === 'township');
  const shape = ruleDocumentCreateSchema.shape;
  return (
    <Card
      size="small"
      title={t('supervision.rules.prohibitions')}
      style={{ marginBottom: 16 }}
      extra={
        can('environment.issueRules') ? (
          <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="issue-prohibitions">
            {t('supervision.rules.issue')}
          </Button>
        ) : null
      }
    >
      <Table<RuleDocument>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={docs.data?.items ?? []}
        data-testid="county-rule-documents"
        expandable={{
          expandedRowRender: (d) => {
            const missing = townships.filter((o) => !d.acknowledgedBy.some((a) => a.orgId === o.id));
            return missing.length
              ? t('supervision.rules.notYet', { names: missing.map((o) => o.name).join('、') })
              : t('supervision.rules.allAcked');
          },
        }}
        columns={[
          { title: t('supervision.field.title'), dataIndex: 'title' },
          { title: t('supervision.rules.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          {
            title: t('supervision.rules.ackCount'),
            key: 'n',
            render: (_, d) => (
              <Tag color={d.acknowledgedBy.length >= townships.length ? 'green' : 'orange'} data-testid={`ack-count-${d.id}`}>
                {d.acknowledgedBy.length}/{townships.length}
              </Tag>
            ),
          },
          {
            title: t('supervision.rules.lastAck'),
            key: 'last',
            render: (_, d) =>
              formatDate(
                d.acknowledgedBy
                  .map((a) => a.at)
                  .sort()
                  .at(-1) ?? null,
              ),
          },
        ]}
      />
      <FormModal<{ title: string; body: string; issuedOn: Dayjs }>
        open={open}
        onClose={() => setOpen(false)}
        title={t('supervision.rules.issue')}
        width={720}
        initialValues={{ issuedOn: dayjs() }}
        successMessage={t('supervision.rules.issued')}
        okTestId="prohibitions-save"
        onSubmit={(v) => issue.mutateAsync({ title: v.title, body: v.body, issuedOn: v.issuedOn.format('YYYY-MM-DD') })}
      >
        <Form.Item name="title" label={t('supervision.field.title')} rules={[rule(shape.title, t('supervision.field.title'))]}>
          <Input data-testid="prohibitions-title" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('supervision.rules.issuedOn')}
          rules={[rule(shape.issuedOn, t('supervision.rules.issuedOn'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="body" label={t('supervision.rules.body')} rules={[rule(shape.body, t('supervision.rules.body'))]}>
          <Input.TextArea rows={10} data-testid="prohibitions-body" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

export default function EnvironmentPage() {
  const t = useT();
  const label = useLabel();
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
      <Prohibitions />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('supervision.environment.average', { year })}
              value={e?.average === null || e?.average === undefined ? '—' : formatYuan(e.average)}
              data-testid="expense-average"
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('supervision.environment.previous')}
              value={e?.previousAverage === null || e?.previousAverage === undefined ? '—' : formatYuan(e.previousAverage)}
            />
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
              title: label('EXPENSE_CATEGORY', c),
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
              pagination={localPagination(t, 9)}
              dataSource={rooms.data?.items ?? []}
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                {
                  title: t('supervision.field.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => label('ROOM_KIND', k),
                },
                {
                  title: t('supervision.field.status'),
                  dataIndex: 'status',
                  render: (s: string) => label('ROOM_STATUS', s),
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
              pagination={localPagination(t, 9)}
              dataSource={rules.data?.items ?? []}
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                {
                  title: t('supervision.field.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => label('RULE_KIND', k),
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
