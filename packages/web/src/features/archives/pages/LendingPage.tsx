/** /archives/lending — 借阅登记: who has which item, until when; returns; overdue loans in red. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate, StatusTag } from '../../../lib/format.tsx';
import { useArchiveItems, useLend, useLoans, useReturnLoan, type Loan } from '../api/archives.ts';

interface LoanValues {
  itemId: string;
  borrower: string;
  borrowerOrg?: string;
  purpose: string;
  dueOn: Dayjs;
}

export default function LendingPage() {
  const t = useT();
  const { can } = useSession();
  const loans = useLoans();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState<number>(new Date().getFullYear() - 1);
  const items = useArchiveItems({ year: search, pageSize: 200 });
  const lend = useLend();
  const ret = useReturnLoan();
  return (
    <>
      <PageHeader
        title={t('archives.lending.title')}
        extra={
          can('archives.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="loan-new">
              {t('archives.lending.new')}
            </Button>
          ) : null
        }
      />
      <Table<Loan>
        rowKey="id"
        size="middle"
        loading={loans.isLoading}
        dataSource={loans.data?.items ?? []}
        locale={{ emptyText: t('archives.lending.empty') }}
        columns={[
          { title: t('archives.col.archivalCode'), dataIndex: 'archivalCode', width: 210 },
          { title: t('archives.col.title'), dataIndex: 'title', ellipsis: true },
          { title: t('archives.lending.borrower'), dataIndex: 'borrower', width: 90 },
          { title: t('archives.lending.purpose'), dataIndex: 'purpose', width: 160, ellipsis: true },
          { title: t('archives.lending.lentAt'), dataIndex: 'lentAt', width: 110, render: formatDate },
          { title: t('archives.lending.dueOn'), dataIndex: 'dueOn', width: 110 },
          { title: t('archives.lending.returnedAt'), dataIndex: 'returnedAt', width: 110, render: formatDate },
          {
            title: t('common.status.inProgress'),
            key: 's',
            width: 90,
            render: (_: unknown, r) =>
              r.returnedAt ? (
                <StatusTag tone="done">{t('archives.lending.returned')}</StatusTag>
              ) : r.overdue ? (
                <StatusTag tone="overdue">{t('archives.lending.overdue')}</StatusTag>
              ) : (
                <StatusTag tone="inProgress">{t('archives.lending.out')}</StatusTag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 80,
            render: (_: unknown, r) =>
              !r.returnedAt && can('archives.manage') ? (
                <Button size="small" type="link" onClick={() => ret.mutate(r.id)}>
                  {t('archives.lending.return')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<LoanValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('archives.lending.new')}
        onSubmit={(v) =>
          lend.mutateAsync({
            itemId: v.itemId,
            borrower: v.borrower,
            borrowerOrg: v.borrowerOrg || undefined,
            purpose: v.purpose,
            dueOn: v.dueOn.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item label={t('archives.filing.year')}>
          <Input type="number" value={search} onChange={(e) => setSearch(Number(e.target.value))} />
        </Form.Item>
        <Form.Item name="itemId" label={t('archives.lending.item')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.archivalCode} ${i.title}` }))}
          />
        </Form.Item>
        <Form.Item name="borrower" label={t('archives.lending.borrower')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="borrowerOrg" label={t('archives.lending.borrowerOrg')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="purpose" label={t('archives.lending.purpose')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dueOn" label={t('archives.lending.dueOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </>
  );
}
