/** /duty/log — 值班日志: the paper log's columns; a phone-friendly form to log a call, visit, document or incident. */
import { Button, Card, Checkbox, DatePicker, Form, Grid, Input, List, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { listPagination, serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { useAddLog, useDutyLog, type LogEntry } from '../api/duty.ts';

const KINDS = ['phone', 'visit', 'document', 'incident', 'other'];

interface LogValues {
  at?: Dayjs;
  kind: string;
  callerUnit?: string;
  callerName?: string;
  callerPhone?: string;
  content: string;
  handling?: string;
  result?: string;
  reportUpward?: boolean;
}

export default function DutyLogPage() {
  const t = useT();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const paging = usePaging();
  const [kind, setKind] = useState<string | undefined>();
  // The log opens on the last 30 days, so printing it gives those pages, not the whole year's.
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = { orgId, kind, from, to, page: paging.page, pageSize: paging.pageSize };
  const log = useDutyLog(q);
  const add = useAddLog();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LogValues>();
  const kindValue = Form.useWatch('kind', form);
  const narrow = !Grid.useBreakpoint().md;
  return (
    <>
      <PageHeader
        title={t('duty.log.title')}
        extra={
          <Space>
            {can('duty.keep') ? (
              <Button type="primary" data-testid="log-new" onClick={() => setOpen(true)}>
                {t('duty.log.new')}
              </Button>
            ) : null}
            <Button onClick={() => download('/api/duty/log', { query: { orgId, kind, from, to, format: 'xlsx' } })}>
              {t('common.export')}
            </Button>
            <Button onClick={() => openPdf('/api/duty/log', { orgId, kind, from, to, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          data-testid="log-range"
          onChange={(v) => {
            if (!v?.[0] || !v[1]) return;
            paging.reset();
            setRange([v[0], v[1]]);
          }}
        />
        <Select
          allowClear
          placeholder={t('duty.log.kind')}
          style={{ width: 140 }}
          options={KINDS.map((k) => ({ value: k, label: t(`duty.kind.${k}`) }))}
          onChange={(k) => {
            paging.reset();
            setKind(k);
          }}
        />
      </Space>
      {narrow ? (
        // On a phone (390 px) each entry is a card: the time and kind, who called, what and how it was handled.
        <List<LogEntry>
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          locale={{ emptyText: t('duty.log.empty') }}
          data-testid="log-cards"
          pagination={listPagination(paging, log.data?.total)}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} title={formatDateTime(r.at)} extra={t(`duty.kind.${r.kind}`)}>
              {r.reportUpward ? <StatusTag tone="warning">{t('duty.log.reported')}</StatusTag> : null}
              {r.callerUnit || r.callerName || r.callerPhone ? (
                <div style={{ color: '#666' }}>{[r.callerUnit, r.callerName, r.callerPhone].filter(Boolean).join(' · ')}</div>
              ) : null}
              <div style={{ marginTop: 4 }}>{r.content}</div>
              {r.handling ? (
                <div style={{ marginTop: 4, color: '#444' }}>
                  {t('duty.log.handling')}：{r.handling}
                  {r.result ? `（${r.result}）` : ''}
                </div>
              ) : null}
              <div style={{ marginTop: 4, color: '#999', fontSize: 12 }}>
                {t('duty.log.recorder')}：{r.recordedByName}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<LogEntry>
          rowKey="id"
          size="middle"
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          locale={{ emptyText: t('duty.log.empty') }}
          scroll={{ x: 1100 }}
          pagination={serverPagination(paging, log.data?.total, t)}
          columns={[
            { title: t('duty.log.at'), dataIndex: 'at', width: 140, render: formatDateTime },
            {
              title: t('duty.log.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: string, r) => (
                <>
                  {t(`duty.kind.${k}`)} {r.reportUpward ? <StatusTag tone="warning">{t('duty.log.reported')}</StatusTag> : null}
                </>
              ),
            },
            { title: t('duty.log.unit'), dataIndex: 'callerUnit', width: 130 },
            { title: t('duty.log.name'), dataIndex: 'callerName', width: 80 },
            { title: t('duty.log.phone'), dataIndex: 'callerPhone', width: 120 },
            { title: t('duty.log.content'), dataIndex: 'content', ellipsis: true },
            { title: t('duty.log.handling'), dataIndex: 'handling', width: 170, ellipsis: true },
            { title: t('duty.log.result'), dataIndex: 'result', width: 100 },
            { title: t('duty.log.recorder'), dataIndex: 'recordedByName', width: 80 },
          ]}
        />
      )}
      <FormModal<LogValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('duty.log.new')}
        okText={t('common.save')}
        okTestId="log-save"
        form={form}
        initialValues={{ kind: 'phone', at: dayjs() }}
        onSubmit={(v) => {
          const opt = (s?: string) => (s ? s : undefined);
          return add.mutateAsync({
            at: (v.at ?? dayjs()).format(),
            kind: v.kind,
            callerUnit: opt(v.callerUnit),
            callerName: opt(v.callerName),
            callerPhone: opt(v.callerPhone),
            content: v.content,
            handling: opt(v.handling),
            result: opt(v.result),
            reportUpward: v.kind === 'incident' && !!v.reportUpward,
          });
        }}
      >
        <Space.Compact block>
          <Form.Item name="at" label={t('duty.log.at')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="kind" label={t('duty.log.kind')} style={{ width: 160 }}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`duty.kind.${k}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="callerUnit" label={t('duty.log.unit')}>
          <Input maxLength={100} data-testid="log-unit" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="callerName" label={t('duty.log.name')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="callerPhone" label={t('duty.log.phone')} rules={[{ pattern: /^[\d-]{3,20}$/ }]}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="content" label={t('duty.log.content')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="log-content" />
        </Form.Item>
        <Form.Item name="handling" label={t('duty.log.handling')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="result" label={t('duty.log.result')}>
          <Input />
        </Form.Item>
        {kindValue === 'incident' ? (
          <Form.Item name="reportUpward" valuePropName="checked">
            <Checkbox>{t('duty.log.reportUpward')}</Checkbox>
          </Form.Item>
        ) : null}
      </FormModal>
    </>
  );
}
