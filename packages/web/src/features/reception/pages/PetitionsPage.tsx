/** /reception/petitions — 来信来访登记: masked personal data, deadline tags (overdue red), 新建 / 导出 Excel / 打印. */
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { StatusTag } from '../../../lib/format.tsx';
import {
  PETITION_SOURCES,
  PETITION_STATUSES,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionSource,
} from '@township-office/domain/petitions';
import { usePetitions, useRegisterPetition, type PetitionSummary } from '../api/reception.ts';
import { DeadlineTag } from './DeadlineTag.tsx';

const CHANNELS = ['letter', 'visit', 'phone', 'online'];
const CATEGORIES = ['land', 'labour', 'social_security', 'urban_rural', 'environment', 'law_enforcement', 'rural_affairs', 'other'];

interface PetitionValues {
  receivedOn: Dayjs;
  channel: PetitionChannel;
  category: PetitionCategory;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  subject: string;
  content: string;
  source: PetitionSource;
  transferredBy?: string;
  previousPetitionId?: string;
  newFacts?: string;
}

export default function PetitionsPage() {
  const t = useT();
  const nav = useNavigate();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const paging = usePaging();
  const [f, setF] = useState<{ status?: string; channel?: string; overdue?: string; noticeLate?: string }>({});
  const list = usePetitions({ orgId, ...f, page: paging.page, pageSize: paging.pageSize });
  const register = useRegisterPetition();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PetitionValues>();
  const source = Form.useWatch('source', form);
  const previous = usePetitions({ status: 'rereviewed', pageSize: 200, page: 1 });
  return (
    <>
      <PageHeader
        title={t('reception.petitions.title')}
        extra={
          <Space>
            {can('petitions.handle') ? (
              <Button type="primary" data-testid="petition-new" onClick={() => setOpen(true)}>
                {t('reception.petitions.new')}
              </Button>
            ) : null}
            <Button data-testid="petition-stats" onClick={() => nav('/reception/petitions/stats')}>
              {t('reception.petitions.stats')}
            </Button>
            <Button onClick={() => download('/api/petitions', { query: { orgId, ...f, format: 'xlsx' } })}>{t('common.export')}</Button>
            <Button onClick={() => openPdf('/api/petitions', { orgId, ...f, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('reception.petitions.status')}
          style={{ width: 150 }}
          options={PETITION_STATUSES.map((k) => ({ value: k, label: t(`reception.status.${k}`) }))}
          onChange={(status) => {
            paging.reset();
            setF({ ...f, status });
          }}
        />
        <Select
          allowClear
          placeholder={t('reception.petitions.channel')}
          style={{ width: 130 }}
          options={CHANNELS.map((k) => ({ value: k, label: t(`reception.channel.${k}`) }))}
          onChange={(channel) => {
            paging.reset();
            setF({ ...f, channel });
          }}
        />
        <Checkbox
          onChange={(e) => {
            paging.reset();
            setF({ ...f, overdue: e.target.checked ? 'true' : undefined });
          }}
        >
          {t('reception.petitions.onlyOverdue')}
        </Checkbox>
        <Checkbox
          data-testid="only-notice-late"
          onChange={(e) => {
            paging.reset();
            setF({ ...f, noticeLate: e.target.checked ? 'true' : undefined });
          }}
        >
          {t('reception.petitions.onlyNoticeLate')}
        </Checkbox>
      </Space>
      <Table<PetitionSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('reception.petitions.empty') }}
        pagination={serverPagination(paging, list.data?.total, t)}
        onRow={(r) => ({ onClick: () => nav(`/reception/petitions/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('reception.petitions.serial'), dataIndex: 'serial', width: 100 },
          { title: t('reception.petitions.received'), dataIndex: 'receivedOn', width: 110 },
          { title: t('reception.petitions.channel'), dataIndex: 'channel', width: 80, render: (c: string) => t(`reception.channel.${c}`) },
          {
            title: t('reception.petitions.petitioner'),
            key: 'p',
            width: 100,
            render: (_: unknown, r) => r.petitioners.map((p) => p.name).join('、'),
          },
          {
            title: t('reception.petitions.phone'),
            key: 'ph',
            width: 120,
            render: (_: unknown, r) =>
              r.petitioners
                .map((p) => p.phone)
                .filter(Boolean)
                .join('；'),
          },
          { title: t('reception.petitions.subject'), dataIndex: 'subject', ellipsis: true },
          {
            title: t('reception.petitions.category'),
            dataIndex: 'category',
            width: 90,
            render: (c: string) => t(`reception.category.${c}`),
          },
          {
            title: t('reception.petitions.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) => (
              <StatusTag
                tone={
                  s === 'registered' ? 'draft' : ['closed', 'not_accepted', 'reviewed', 'rereviewed'].includes(s) ? 'done' : 'inProgress'
                }
              >
                {t(`reception.status.${s}`)}
              </StatusTag>
            ),
          },
          { title: t('reception.petitions.due'), key: 'd', width: 150, render: (_: unknown, r) => <DeadlineTag p={r} /> },
        ]}
      />
      <FormModal<PetitionValues>
        open={open}
        onClose={() => setOpen(false)}
        form={form}
        width={640}
        title={t('reception.petitions.new')}
        okText={t('common.save')}
        okTestId="petition-save"
        initialValues={{ receivedOn: dayjs(), channel: 'visit', category: 'other', source: 'direct' }}
        onSubmit={async (v) => {
          const p = await register.mutateAsync({
            receivedOn: v.receivedOn.format('YYYY-MM-DD'),
            channel: v.channel,
            source: v.source,
            ...(v.source !== 'direct' && v.transferredBy ? { transferredBy: v.transferredBy } : {}),
            ...(v.previousPetitionId ? { previousPetitionId: v.previousPetitionId } : {}),
            ...(v.newFacts ? { newFacts: v.newFacts } : {}),
            category: v.category,
            subject: v.subject,
            content: v.content,
            petitioners: [
              {
                name: v.name,
                ...(v.idNumber ? { idNumber: v.idNumber } : {}),
                ...(v.phone ? { phone: v.phone } : {}),
                ...(v.address ? { address: v.address } : {}),
              },
            ],
          });
          nav(`/reception/petitions/${p.id}`);
        }}
      >
        <Space.Compact block>
          <Form.Item name="receivedOn" label={t('reception.petitions.received')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="channel" label={t('reception.petitions.channel')} style={{ width: 140 }}>
            <Select options={CHANNELS.map((k) => ({ value: k, label: t(`reception.channel.${k}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('reception.petitions.category')} style={{ width: 160 }}>
            <Select options={CATEGORIES.map((k) => ({ value: k, label: t(`reception.category.${k}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="name" label={t('reception.petitions.petitioner')} rules={[{ required: true, max: 40 }]}>
            <Input data-testid="petition-name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('reception.petitions.idNumber')} rules={[{ pattern: /^\d{17}[\dXx]$/ }]} style={{ flex: 1 }}>
            <Input data-testid="petition-id" />
          </Form.Item>
          <Form.Item name="phone" label={t('reception.petitions.phone')} rules={[{ pattern: /^[\d-]{7,20}$/ }]}>
            <Input data-testid="petition-phone" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="address" label="住址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="subject" label={t('reception.petitions.subject')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="petition-subject" />
        </Form.Item>
        <Form.Item name="content" label={t('reception.petitions.content')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} data-testid="petition-content" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="source" label={t('reception.petitions.source')} style={{ width: 160 }}>
            <Select
              data-testid="petition-source"
              options={PETITION_SOURCES.map((k) => ({ value: k, label: t(`reception.source.${k}`) }))}
            />
          </Form.Item>
          {source && source !== 'direct' ? (
            <Form.Item
              name="transferredBy"
              label={t('reception.petitions.transferredBy')}
              rules={[{ required: true, max: 100 }]}
              style={{ flex: 1 }}
            >
              <Input data-testid="petition-transferred-by" />
            </Form.Item>
          ) : null}
        </Space.Compact>
        <Form.Item name="previousPetitionId" label={t('reception.petitions.previous')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="petition-previous"
            options={(previous.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.serial} ${p.subject}` }))}
          />
        </Form.Item>
        <Form.Item
          name="newFacts"
          label={t('reception.petitions.newFacts')}
          extra={t('reception.petitions.newFactsHelp')}
          rules={[{ max: 2000 }]}
        >
          <Input.TextArea rows={2} data-testid="petition-new-facts" />
        </Form.Item>
      </FormModal>
    </>
  );
}
