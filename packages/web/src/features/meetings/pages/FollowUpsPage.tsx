/** /meetings/follow-ups — 督办事项: decisions being followed up, overdue ones in red; progress and closure. */
import { Button, Checkbox, DatePicker, Form, Input, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { serverPagination, usePaging } from '../../../components/pagination.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { StatusTag } from '../../../lib/format.tsx';
import { useCloseFollowUp, useFollowUpProgress, useFollowUps, type FollowUp } from '../api/meetings.ts';

export default function FollowUpsPage() {
  const t = useT();
  const { orgId } = useViewOrg();
  const paging = usePaging();
  const [overdue, setOverdue] = useState(false);
  // Opened from a meeting's record: only that meeting's follow-ups.
  const meetingId = useSearchParams()[0].get('meetingId') ?? undefined;
  const q = { orgId, meetingId, page: paging.page, pageSize: paging.pageSize, ...(overdue ? { overdue: 'true' } : {}) };
  const list = useFollowUps(q);
  const close = useCloseFollowUp();
  const progress = useFollowUpProgress();
  const [target, setTarget] = useState<{ f: FollowUp; mode: 'close' | 'progress' } | null>(null);
  const exportQ = { orgId, meetingId, ...(overdue ? { overdue: 'true' } : {}) };
  return (
    <>
      <PageHeader
        title={t('meetings.followUps.title')}
        extra={
          <Space>
            <Button onClick={() => download('/api/follow-ups', { query: { ...exportQ, format: 'xlsx' } })}>{t('common.export')}</Button>
            <Button onClick={() => openPdf('/api/follow-ups', { ...exportQ, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            paging.reset();
            setOverdue(e.target.checked);
          }}
        >
          {t('meetings.followUps.onlyOverdue')}
        </Checkbox>
      </Space>
      <Table<FollowUp>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('meetings.followUps.empty') }}
        pagination={serverPagination(paging, list.data?.total, t)}
        columns={[
          { title: t('meetings.followUps.meeting'), dataIndex: 'meetingTitle', width: 220, ellipsis: true },
          { title: t('meetings.followUps.decision'), dataIndex: 'decisionText', ellipsis: true },
          { title: t('meetings.followUps.owner'), dataIndex: 'ownerName', width: 90 },
          { title: t('meetings.followUps.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('meetings.followUps.state'),
            key: 's',
            width: 100,
            render: (_: unknown, r) =>
              r.status === 'closed' ? (
                <StatusTag tone="done">{t('meetings.followUps.closed')}</StatusTag>
              ) : r.overdue ? (
                <StatusTag tone="overdue">{t('meetings.followUps.overdue')}</StatusTag>
              ) : (
                <StatusTag tone="inProgress">{t('meetings.followUps.open')}</StatusTag>
              ),
          },
          { title: t('meetings.followUps.result'), dataIndex: 'result', width: 180, ellipsis: true },
          {
            title: t('common.actions'),
            key: 'a',
            width: 130,
            render: (_: unknown, r) =>
              r.allowedActions.includes('close') ? (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setTarget({ f: r, mode: 'progress' })}>
                    {t('meetings.followUps.progress')}
                  </Button>
                  <Button size="small" type="link" data-testid={`close-${r.id}`} onClick={() => setTarget({ f: r, mode: 'close' })}>
                    {t('meetings.followUps.close')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <FormModal<{ text: string; on?: Dayjs }>
        open={!!target}
        onClose={() => setTarget(null)}
        title={target ? t(`meetings.followUps.${target.mode}`) : ''}
        okTestId="followup-ok"
        onSubmit={(v) => {
          const day = (v.on ?? dayjs()).format('YYYY-MM-DD');
          return target!.mode === 'close'
            ? close.mutateAsync({ id: target!.f.id, result: v.text, closedOn: day })
            : progress.mutateAsync({ id: target!.f.id, note: v.text, on: day });
        }}
      >
        <Form.Item
          name="text"
          label={target?.mode === 'close' ? t('meetings.followUps.result') : t('meetings.followUps.progress')}
          rules={[{ required: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="followup-text" />
        </Form.Item>
        <Form.Item name="on" label={t('meetings.followUps.closedOn')}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </>
  );
}
