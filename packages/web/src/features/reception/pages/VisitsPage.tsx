/** /reception/visitors — 来客接待登记: the register with its reception-list costs; 新建 / 导出 Excel / 打印. */
import { Button, DatePicker, Form, Input, InputNumber, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SheetImport } from '../../../components/index.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { formatYuan } from '../../../lib/format.tsx';
import { useCreateVisit, useVisits, type Visit } from '../api/reception.ts';

interface VisitValues {
  date: Dayjs;
  unit: string;
  names: string;
  count?: number;
  purpose: string;
  letter?: string;
  host: string;
  arrangements?: string;
  meals?: number;
}

export default function VisitsPage() {
  const t = useT();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const paging = usePaging();
  const [q, setQ] = useState<string | undefined>();
  const list = useVisits({ orgId, q, page: paging.page, pageSize: paging.pageSize });
  const create = useCreateVisit();
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('reception.visits.title')}
        extra={
          <Space>
            {can('reception.keep') ? (
              <Button type="primary" data-testid="visit-new" onClick={() => setOpen(true)}>
                {t('reception.visits.new')}
              </Button>
            ) : null}
            {can('reception.keep') ? <SheetImport register="visits" invalidate="reception" /> : null}
            <Button onClick={() => download('/api/visits', { query: { orgId, q, format: 'xlsx' } })}>{t('common.export')}</Button>
            <Button onClick={() => openPdf('/api/visits', { orgId, q, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('reception.visits.q')}
          style={{ width: 220 }}
          onSearch={(v) => {
            paging.reset();
            setQ(v || undefined);
          }}
        />
      </Space>
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('reception.visits.empty') }}
        pagination={serverPagination(paging, list.data?.total, t)}
        columns={[
          { title: t('reception.visits.date'), dataIndex: 'visitDate', width: 110 },
          { title: t('reception.visits.unit'), dataIndex: 'visitingUnit', width: 160 },
          { title: t('reception.visits.names'), dataIndex: 'visitorNames', ellipsis: true, render: (n: string[]) => n.join('、') },
          { title: t('reception.visits.count'), dataIndex: 'visitorCount', width: 60, align: 'right' },
          { title: t('reception.visits.purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: t('reception.visits.letter'), dataIndex: 'letterRef', width: 140 },
          { title: t('reception.visits.host'), dataIndex: 'hostName', width: 80 },
          { title: t('reception.visits.cost'), dataIndex: 'totalCost', width: 100, align: 'right', render: formatYuan },
          {
            title: t('common.actions'),
            key: 'a',
            width: 90,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => openPdf(`/api/visits/${r.id}`, { format: 'pdf' })}>
                {t('reception.visits.print')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<VisitValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('reception.visits.new')}
        okText={t('common.save')}
        okTestId="visit-save"
        initialValues={{ date: dayjs() }}
        onSubmit={(v) => {
          const names = v.names.split(/[、,，\s]+/).filter(Boolean);
          return create.mutateAsync({
            visitDate: v.date.format('YYYY-MM-DD'),
            visitingUnit: v.unit,
            visitorNames: names,
            visitorCount: Math.max(v.count ?? names.length, names.length),
            purpose: v.purpose,
            letterRef: v.letter || undefined,
            hostName: v.host,
            arrangements: v.arrangements ?? '',
            costItems: v.meals ? [{ category: 'meals', description: '工作餐', amount: v.meals }] : [],
          });
        }}
      >
        <Space.Compact block>
          <Form.Item name="date" label={t('reception.visits.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="unit" label={t('reception.visits.unit')} rules={[{ required: true, max: 100 }]} style={{ flex: 1 }}>
            <Input data-testid="visit-unit" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="names" label={t('reception.visits.names')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input data-testid="visit-names" />
          </Form.Item>
          <Form.Item name="count" label={t('reception.visits.count')}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="purpose" label={t('reception.visits.purpose')} rules={[{ required: true, max: 500 }]}>
          <Input data-testid="visit-purpose" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="letter" label={t('reception.visits.letter')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="host" label={t('reception.visits.host')} rules={[{ required: true, max: 40 }]}>
            <Input data-testid="visit-host" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="arrangements" label={t('reception.visits.arrangements')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="meals" label={t('reception.visits.meals')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}
