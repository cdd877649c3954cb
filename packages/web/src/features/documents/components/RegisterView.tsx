/** A register (发文登记本 / 收文登记本) in the paper book's column order, with filters, paging, 导出 Excel and 打印. */
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { CHANNELS, CLASSIFICATIONS, DOC_TYPES, INCOMING_STATUSES } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { formatDate, StatusTag } from '../../../lib/format.tsx';
import './slip.css';
import { downloadRegister, useRegister, type RegisterKind } from '../api/registers.ts';
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../api/types.ts';
import { useApp } from '../../../lib/app-messages.tsx';

const URG: Record<string, string> = { urgent: '加急', extra_urgent: '特急' };

function useColumns(kind: RegisterKind): TableColumnsType<OutgoingRegisterRow> | TableColumnsType<IncomingRegisterRow> {
  const t = useT();
  const h = (k: string) => t(`documents.register.h.${k}`);
  const cls = (c: string) => t(`documents.classification.${c}`);
  const urg = (u: string) => (URG[u] ? t(`documents.urgency.${u}`) : '');
  // 密级 as registered: 秘密★1年 when a 保密期限 was recorded; the paper channel beside 纸质.
  const clsMark = (c: string, r: { secrecyMark: string }) => r.secrecyMark || cls(c);
  const ch = (c: string | null, r: { paperChannel: string | null }) =>
    c ? (
      <Tag color={c === 'paper' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {t(`documents.channel.${c}`)}
        {r.paperChannel ? `·${t(`documents.secrecy.channel.${r.paperChannel}`)}` : ''}
      </Tag>
    ) : (
      ''
    );
  if (kind === 'outgoing')
    return [
      {
        title: h('docNumber'),
        dataIndex: 'docNumber',
        width: 190,
        fixed: 'left',
        render: (v: string, r: OutgoingRegisterRow) =>
          r.void ? <span style={{ textDecoration: 'line-through', color: '#999' }}>{v}</span> : v,
      },
      { title: h('title'), dataIndex: 'title', width: 240, ellipsis: true },
      { title: h('docType'), dataIndex: 'docType', width: 64 },
      { title: h('classification'), dataIndex: 'classification', width: 96, render: clsMark },
      { title: h('urgency'), dataIndex: 'urgency', width: 76, render: urg },
      { title: h('drafter'), dataIndex: 'drafter', width: 72 },
      { title: h('signer'), dataIndex: 'signer', width: 72 },
      { title: h('writtenDate'), dataIndex: 'writtenDate', width: 100, render: formatDate },
      { title: h('main'), dataIndex: 'mainRecipients', width: 180, ellipsis: true },
      { title: h('copy'), dataIndex: 'copyRecipients', width: 120, ellipsis: true },
      { title: h('copies'), dataIndex: 'copies', width: 56, align: 'right' },
      { title: h('copyNumbers'), dataIndex: 'copyNumbers', width: 120, ellipsis: true },
      { title: h('channel'), dataIndex: 'channel', width: 96, render: ch },
      {
        title: h('remark'),
        dataIndex: 'remark',
        width: 120,
        ellipsis: true,
        render: (v: string | null, r: OutgoingRegisterRow) =>
          r.void ? <StatusTag tone="overdue">{t('documents.register.void')}</StatusTag> : v,
      },
    ] as TableColumnsType<OutgoingRegisterRow>;
  return [
    { title: h('serial'), dataIndex: 'serial', width: 120, fixed: 'left' },
    { title: h('receivedDate'), dataIndex: 'receivedDate', width: 100, render: formatDate },
    { title: h('sender'), dataIndex: 'senderName', width: 150, ellipsis: true },
    { title: h('senderNumber'), dataIndex: 'docNumber', width: 150, ellipsis: true },
    { title: h('title'), dataIndex: 'title', width: 220, ellipsis: true },
    { title: h('classification'), dataIndex: 'classification', width: 96, render: clsMark },
    { title: h('copies'), dataIndex: 'copies', width: 56, align: 'right' },
    { title: h('copyNumbers'), dataIndex: 'copyNumbers', width: 120, ellipsis: true },
    { title: h('urgency'), dataIndex: 'urgency', width: 76, render: urg },
    { title: h('proposal'), dataIndex: 'proposal', width: 140, ellipsis: true },
    { title: h('instruction'), dataIndex: 'instruction', width: 140, ellipsis: true },
    { title: h('handlers'), dataIndex: 'handlers', width: 90, ellipsis: true },
    { title: h('deadline'), dataIndex: 'deadline', width: 100, render: formatDate },
    { title: h('closedDate'), dataIndex: 'closedAt', width: 100, render: formatDate },
    { title: h('archived'), dataIndex: 'archived', width: 56, render: (v: boolean) => (v ? t('documents.register.archived') : '') },
    { title: h('channel'), dataIndex: 'channel', width: 96, render: ch },
  ] as TableColumnsType<IncomingRegisterRow>;
}

/** `extra`: more buttons for the header (the import from Excel). */
export function RegisterView({ kind, extra }: { kind: RegisterKind; extra?: ReactNode }) {
  const t = useT();
  const { message } = useApp();
  const { orgId } = useViewOrg();
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [docType, setDocType] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const [classification, setClassification] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState<string>();
  const paging = usePaging();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const query = {
    orgId,
    year: range ? undefined : year,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    docType: kind === 'outgoing' ? docType : undefined,
    status: kind === 'incoming' ? status : undefined,
    channel,
    classification,
    q,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const data = useRegister(kind, query);
  const columns = useColumns(kind);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      paging.reset();
      set(v);
    };
  const save = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      const name = await downloadRegister(kind, query, format);
      void message.success(t('documents.register.saved', { name }));
    } finally {
      setBusy(null);
    }
  };
  const thisYear = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title={t(`documents.register.${kind}Title`)}
        extra={
          <>
            {extra}
            <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void save('xlsx')} data-testid="register-export">
              {t('documents.register.export')}
            </Button>
            <Button icon={<PrinterOutlined />} loading={busy === 'pdf'} onClick={() => void save('pdf')} data-testid="register-print">
              {t('documents.register.print')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="register-filters">
        <Select
          allowClear
          placeholder={t('documents.register.year')}
          value={year}
          onChange={reset(setYear)}
          style={{ width: 100 }}
          options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年` }))}
          disabled={!!range}
        />
        <DatePicker.RangePicker value={range} onChange={reset(setRange)} style={{ width: 240 }} />
        {kind === 'outgoing' ? (
          <Select
            allowClear
            placeholder={t('documents.register.docType')}
            value={docType}
            onChange={reset(setDocType)}
            style={{ width: 110 }}
            options={DOC_TYPES.map((d) => ({ value: d, label: d }))}
          />
        ) : null}
        {kind === 'incoming' ? (
          <Select
            allowClear
            placeholder={t('documents.register.status')}
            value={status}
            onChange={reset(setStatus)}
            style={{ width: 120 }}
            options={INCOMING_STATUSES.map((s) => ({ value: s, label: t(`documents.incomingStatus.${s}`) }))}
          />
        ) : null}
        <Select
          allowClear
          placeholder={t('documents.register.channel')}
          value={channel}
          onChange={reset(setChannel)}
          style={{ width: 100 }}
          options={CHANNELS.map((c) => ({ value: c, label: t(`documents.channel.${c}`) }))}
          data-testid="filter-channel"
        />
        <Select
          allowClear
          placeholder={t('documents.register.classification')}
          value={classification}
          onChange={reset(setClassification)}
          style={{ width: 100 }}
          options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`documents.classification.${c}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('documents.register.q')}
          onSearch={(v) => {
            paging.reset();
            setQ(v.trim() || undefined);
          }}
          style={{ width: 200 }}
          maxLength={50}
        />
      </Flex>
      <Table
        rowKey="id"
        size="small"
        bordered
        className="doc-register"
        data-testid="register-table"
        loading={data.isFetching}
        dataSource={(data.data?.items ?? []) as never[]}
        columns={columns as TableColumnsType<never>}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('documents.register.empty') }}
        pagination={{ ...serverPagination(paging, data.data?.total, t), showTotal: (n) => t('documents.register.total', { total: n }) }}
      />
    </>
  );
}
