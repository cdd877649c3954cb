/** /duty/roster — 值班安排表: a month's days with the leader on duty and staff; generated from a rotation, edited by hand. */
import { Button, DatePicker, Form, Input, Modal, Radio, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { download, openPdf } from '../../../lib/api.ts';
import { PeoplePicker } from '../../../components/index.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useGenerateRoster, useRequestSwap, useRoster, useSetRosterDay, type RosterDay } from '../api/duty.ts';

const WEEK = '日一二三四五六';

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
  const [form] = Form.useForm();
  const swapRole = Form.useWatch('role', form) as 'leader' | 'staff' | undefined;
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
      <Modal
        open={open}
        title={t('duty.roster.generate')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'roster-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await generate.mutateAsync({
            from: q.from,
            to: q.to,
            mode: v.mode,
            leaders: v.leaders,
            staff: v.staff,
            staffPerDay: 1,
          });
          setOpen(false);
        }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ mode: 'daily' }}>
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
        </Form>
      </Modal>
      <Modal
        open={!!editing}
        title={editing?.day}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await form.validateFields();
          await setDay.mutateAsync({ day: editing!.day, leaderName: v.leaderName ?? '', staffNames: v.staff ?? [] });
          setEditing(null);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ leaderName: editing?.leaderName, staff: editing?.staffNames }}
        >
          <Form.Item
            name="leaderName"
            label={t('duty.roster.leader')}
            rules={[{ required: true, message: t('duty.roster.leaderRequired') }]}
          >
            <PeoplePicker valueKey="displayName" />
          </Form.Item>
          <Form.Item name="staff" label={t('duty.roster.staffCol')} rules={[{ required: true }]}>
            <PeoplePicker mode="multiple" valueKey="displayName" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!swapping}
        title={`${t('duty.swaps.request')} ${swapping?.day ?? ''}`}
        okText={t('duty.swaps.send')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        onCancel={() => setSwapping(null)}
        okButtonProps={{ 'data-testid': 'swap-ok', loading: requestSwap.isPending } as never}
        onOk={async () => {
          const v = await form.validateFields();
          await requestSwap.mutateAsync({ day: swapping!.day, role: v.role, fromName: v.fromName, toName: v.toName, reason: v.reason });
          notifySuccess(t('duty.swaps.sent'));
          setSwapping(null);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: 'staff', fromName: swapping?.staffNames[0] }}
          onValuesChange={(c) => {
            if (c.role && swapping) form.setFieldValue('fromName', c.role === 'leader' ? swapping.leaderName : swapping.staffNames[0]);
          }}
        >
          <Form.Item name="role" label={t('duty.swaps.role')}>
            <Radio.Group
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
        </Form>
      </Modal>
    </>
  );
}
