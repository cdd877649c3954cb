/** /meetings — 会议记录本: filter bar, the register in the paper book's column order, paging, 新建 / 导出 Excel / 打印. */
import { Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SheetImport } from '../../../components/index.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { usePeople } from '../../../lib/query.ts';
import type { MeetingKind } from '@township-office/domain/meetings';
import { useCreateMeeting, useMeetings, type MeetingSummary } from '../api/meetings.ts';

const KINDS = ['party_committee', 'executive', 'topical', 'exchange', 'other'];
const tone = (s: string) => (s === 'confirmed' ? 'done' : s === 'finalised' ? 'inProgress' : 'draft');

export default function MeetingsPage() {
  const t = useT();
  const nav = useNavigate();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const [filter, setFilter] = useState<{ kind?: string; status?: string; q?: string }>({});
  const paging = usePaging();
  const query = { ...filter, orgId, page: paging.page, pageSize: paging.pageSize };
  const list = useMeetings(query);
  const [open, setOpen] = useState(false);
  const { orgId: _o, page: _p, ...exportQuery } = { ...query, orgId };
  return (
    <>
      <PageHeader
        title={t('meetings.list.title')}
        extra={
          <Space>
            {can('meetings.record') ? (
              <Button type="primary" data-testid="meeting-new" onClick={() => setOpen(true)}>
                {t('common.create')}
              </Button>
            ) : null}
            {can('meetings.record') ? <SheetImport register="meetings" invalidate="meetings" /> : null}
            <Button onClick={() => download('/api/meetings', { query: { ...exportQuery, orgId, format: 'xlsx' } })}>
              {t('common.export')}
            </Button>
            <Button onClick={() => openPdf('/api/meetings', { ...exportQuery, orgId, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('meetings.list.filterKind')}
          style={{ width: 170 }}
          options={KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
          onChange={(kind) => {
            paging.reset();
            setFilter({ ...filter, kind });
          }}
        />
        <Select
          allowClear
          placeholder={t('meetings.list.filterStatus')}
          style={{ width: 150 }}
          options={['draft', 'finalised', 'confirmed'].map((k) => ({ value: k, label: t(`meetings.status.${k}`) }))}
          onChange={(status) => {
            paging.reset();
            setFilter({ ...filter, status });
          }}
        />
        <Input.Search
          allowClear
          placeholder={t('meetings.list.q')}
          style={{ width: 220 }}
          onSearch={(q) => {
            paging.reset();
            setFilter({ ...filter, q: q || undefined });
          }}
        />
      </Space>
      <Table<MeetingSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('meetings.list.empty') }}
        pagination={serverPagination(paging, list.data?.total, t)}
        onRow={(r) => ({ onClick: () => nav(`/meetings/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('meetings.col.startsAt'), dataIndex: 'startsAt', width: 150, render: formatDateTime },
          { title: t('meetings.col.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`meetings.kind.${k}`) },
          { title: t('meetings.col.title'), dataIndex: 'title', ellipsis: true },
          { title: t('meetings.col.place'), dataIndex: 'place', width: 150, ellipsis: true },
          { title: t('meetings.col.host'), dataIndex: 'hostName', width: 90 },
          { title: t('meetings.col.recorder'), dataIndex: 'recorderName', width: 90 },
          { title: t('meetings.col.attendees'), dataIndex: 'attendeeCount', width: 80, align: 'right' },
          { title: t('meetings.col.decisions'), dataIndex: 'decisionCount', width: 80, align: 'right' },
          {
            title: t('meetings.col.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: string) => <StatusTag tone={tone(s)}>{t(`meetings.status.${s}`)}</StatusTag>,
          },
        ]}
      />
      {open ? <NewMeetingModal onClose={() => setOpen(false)} onCreated={(id) => nav(`/meetings/${id}`)} /> : null}
    </>
  );
}

interface NewMeetingValues {
  kind: MeetingKind;
  title: string;
  startsAt: Dayjs;
  place: string;
  hostUserId: string;
  recorderUserId: string;
  attendees?: string;
  itemTitle: string;
  discussion?: string;
  decisions?: string;
}

/** Mounted while open; a saved meeting opens its record. */
function NewMeetingModal({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const t = useT();
  const { me } = useSession();
  const people = usePeople();
  const create = useCreateMeeting();
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  const split = (s?: string) =>
    (s ?? '')
      .split(/[、,，\n]/)
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <FormModal<NewMeetingValues>
      open
      onClose={onClose}
      width={720}
      title={t('meetings.form.title')}
      okText={t('common.save')}
      okTestId="meeting-save"
      initialValues={{ kind: 'party_committee', recorderUserId: me.id, startsAt: dayjs().startOf('hour') }}
      onSubmit={async (v) => {
        const m = await create.mutateAsync({
          kind: v.kind,
          title: v.title,
          startsAt: v.startsAt.format(),
          place: v.place,
          hostUserId: v.hostUserId,
          recorderUserId: v.recorderUserId,
          attendees: split(v.attendees),
          items: [
            {
              title: v.itemTitle,
              discussion: v.discussion ?? '',
              decisions: (v.decisions ?? '')
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
            },
          ],
        });
        onCreated(m.id);
      }}
    >
      <Space.Compact block>
        <Form.Item name="kind" label={t('meetings.form.kind')} rules={[{ required: true }]} style={{ width: 200 }}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.form.name')} rules={[{ required: true, max: 200 }]} style={{ flex: 1 }}>
          <Input data-testid="meeting-title" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="startsAt" label={t('meetings.form.startsAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="meeting-time" />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.form.place')} rules={[{ required: true, max: 100 }]} style={{ flex: 1 }}>
          <Input data-testid="meeting-place" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="hostUserId" label={t('meetings.form.host')} rules={[{ required: true }]} style={{ width: 200 }}>
          <Select options={options} data-testid="meeting-host" />
        </Form.Item>
        <Form.Item name="recorderUserId" label={t('meetings.form.recorder')} rules={[{ required: true }]} style={{ width: 200 }}>
          <Select options={options} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="attendees" label={t('meetings.form.attendees')}>
        <Input />
      </Form.Item>
      <Form.Item name="itemTitle" label={t('meetings.form.itemTitle')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="meeting-item" />
      </Form.Item>
      <Form.Item name="discussion" label={t('meetings.form.discussion')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="decisions" label={t('meetings.form.decisions')}>
        <Input.TextArea rows={3} data-testid="meeting-decisions" />
      </Form.Item>
    </FormModal>
  );
}
