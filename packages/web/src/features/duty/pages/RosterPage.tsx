/** /duty/roster — 值班安排表: a month's days with the leader on duty and staff; generated from a rotation, edited by hand. */
import { Button, DatePicker, Form, Input, Radio, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { FormModal, PeoplePicker } from '../../../components/index.ts';
import { useGenerateRoster, useRequestSwap, useRoster, useSetRosterDay, type RosterDay } from '../api/duty.ts';

const WEEK = '日一二三四五六';

interface GenerateValues {
  mode: 'daily' | 'weekly';
  leaders: string[];
  staff: string[];
}
interface DayValues {
  leaderName?: string;
  staff?: string[];
}
interface SwapValues {
  role: 'leader' | 'staff';
  fromName: string;
  toName: string;
  reason: string;
}

export default function RosterPage() {
  const t = useT();
  const { can } = useSession();
  const { orgId } = useViewOrg();
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf('month'));
  const q = { from: month.format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD'), orgId };
  const roster = useRoster(q);
  const generate = useGenerateRoster();
  const setDay = useSetRosterDay();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<RosterDay | null>(null);
  const [swapping, setSwapping] = useState<RosterDay | null>(null);
  const requestSwap = useRequestSwap();
  const [swapForm] = Form.useForm<SwapValues>();
  const swapRole = Form.useWatch('role', swapForm);
  return (
    <>
      <PageHeader
        title={t('duty.roster.title')}
        extra={
          <Space>
            {can('duty.keep') ? (
              <Button type="primary" data-testid="roster-generate" onClick={() => setOpen(true)}>
                {t('duty.roster.generate')}
              </Button>
            ) : null}
            <Button onClick={() => download('/api/duty/roster', { query: { ...q, format: 'xlsx' } })}>{t('common.export')}</Button>
            <Button onClick={() => openPdf('/api/duty/roster', { ...q, format: 'pdf' })}>{t('common.print')}</Button>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(v) => v && setMonth(v.startOf('month'))}
          data-testid="roster-month"
        />
      </Space>
      <Table<RosterDay>
        rowKey="id"
        size="small"
        loading={roster.isLoading}
        dataSource={roster.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('duty.roster.empty') }}
        columns={[
          { title: t('duty.roster.day'), dataIndex: 'day', width: 110 },
          { title: t('duty.roster.weekday'), key: 'w', width: 70, render: (_: unknown, r) => `星期${WEEK[dayjs(r.day).day()]}` },
          { title: t('duty.roster.leader'), dataIndex: 'leaderName', width: 120 },
          { title: t('duty.roster.staffCol'), dataIndex: 'staffNames', render: (s: string[]) => s.join('、') },
          {
            title: t('duty.roster.note'),
            key: 'n',
            render: (_: unknown, r) => [t(`duty.roster.source.${r.source}`), r.note].filter(Boolean).join(' '),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 140,
            render: (_: unknown, r) =>
              can('duty.keep') ? (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {t('duty.roster.edit')}
                  </Button>
                  <Button size="small" type="link" data-testid="swap-request" onClick={() => setSwapping(r)}>
                    {t('duty.swaps.request')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <FormModal<GenerateValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('duty.roster.generate')}
        okTestId="roster-ok"
        initialValues={{ mode: 'daily' }}
        onSubmit={(v) =>
          generate.mutateAsync({
            from: q.from,
            to: q.to,
            mode: v.mode,
            leaders: v.leaders,
            staff: v.staff,
            staffPerDay: 1,
          })
        }
      >
        <Form.Item name="mode" label={t('duty.roster.mode')}>
          <Radio.Group
            options={[
              { value: 'daily', label: t('duty.roster.daily') },
              { value: 'weekly', label: t('duty.roster.weekly') },
            ]}
          />
        </Form.Item>
        <Form.Item name="leaders" label={t('duty.roster.leaders')} rules={[{ required: true }]}>
          <PeoplePicker mode="multiple" valueKey="displayName" testId="roster-leaders" />
        </Form.Item>
        <Form.Item name="staff" label={t('duty.roster.staff')} rules={[{ required: true }]}>
          <PeoplePicker mode="multiple" valueKey="displayName" testId="roster-staff" />
        </Form.Item>
      </FormModal>
      <FormModal<DayValues>
        open={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.day}
        okText={t('common.save')}
        initialValues={{ leaderName: editing?.leaderName, staff: editing?.staffNames }}
        onSubmit={(v) => setDay.mutateAsync({ day: editing!.day, leaderName: v.leaderName ?? '', staffNames: v.staff ?? [] })}
      >
        <Form.Item name="leaderName" label={t('duty.roster.leader')} rules={[{ required: true, message: t('duty.roster.leaderRequired') }]}>
          <PeoplePicker valueKey="displayName" />
        </Form.Item>
        <Form.Item name="staff" label={t('duty.roster.staffCol')} rules={[{ required: true }]}>
          <PeoplePicker mode="multiple" valueKey="displayName" />
        </Form.Item>
      </FormModal>
      <FormModal<SwapValues>
        open={!!swapping}
        onClose={() => setSwapping(null)}
        title={`${t('duty.swaps.request')} ${swapping?.day ?? ''}`}
        okText={t('duty.swaps.send')}
        okTestId="swap-ok"
        form={swapForm}
        initialValues={{ role: 'staff', fromName: swapping?.staffNames[0] }}
        onSubmit={(v) =>
          requestSwap.mutateAsync({ day: swapping!.day, role: v.role, fromName: v.fromName, toName: v.toName, reason: v.reason })
        }
        successMessage={t('duty.swaps.sent')}
      >
        <Form.Item name="role" label={t('duty.swaps.role')}>
          <Radio.Group
            // Choosing the role picks the person rostered in it as the one to be swapped out.
            onChange={(e) => {
              if (swapping) swapForm.setFieldValue('fromName', e.target.value === 'leader' ? swapping.leaderName : swapping.staffNames[0]);
            }}
            options={[
              { value: 'staff', label: t('duty.swaps.roles.staff') },
              { value: 'leader', label: t('duty.swaps.roles.leader') },
            ]}
          />
        </Form.Item>
        <Form.Item name="fromName" label={t('duty.swaps.from')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="swap-from"
            options={(swapRole === 'leader' ? [swapping?.leaderName ?? ''] : (swapping?.staffNames ?? [])).map((n) => ({
              value: n,
              label: n,
            }))}
          />
        </Form.Item>
        <Form.Item name="toName" label={t('duty.swaps.to')} rules={[{ required: true }]}>
          <PeoplePicker valueKey="displayName" testId="swap-to" />
        </Form.Item>
        <Form.Item name="reason" label={t('duty.swaps.reason')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="swap-reason" />
        </Form.Item>
      </FormModal>
    </>
  );
}
