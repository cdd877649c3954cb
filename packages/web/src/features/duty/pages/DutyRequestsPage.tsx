/**
 * /duty/swaps — 换班与报送: swap requests (a clerk asks, the leader in charge approves or rejects, the
 * roster follows), the holiday rosters the township submits to the county before each holiday, and the
 * incidents reported upward from the duty log.
 */
import { Button, Input, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { chinaToday, chinaYear } from '@township-office/domain/dates';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { DeadlineTag, PageHeader } from '../../../components/index.ts';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  useDecideSwap,
  useHolidays,
  useIncidentReports,
  useSubmitHolidayRoster,
  useSwaps,
  type Holiday,
  type IncidentReport,
  type Swap,
} from '../api/duty.ts';

function Swaps() {
  const t = useT();
  const { orgId } = useViewOrg();
  const swaps = useSwaps({ orgId });
  const decide = useDecideSwap();
  return (
    <Table<Swap>
      rowKey="id"
      size="middle"
      loading={swaps.isLoading}
      dataSource={swaps.data?.items ?? []}
      locale={{ emptyText: t('duty.swaps.empty') }}
      scroll={{ x: 800 }}
      pagination={false}
      data-testid="swaps"
      columns={[
        { title: t('duty.roster.day'), dataIndex: 'day', width: 110 },
        { title: t('duty.swaps.role'), dataIndex: 'role', width: 100, render: (r: string) => t(`duty.swaps.roles.${r}`) },
        { title: t('duty.swaps.from'), dataIndex: 'fromName', width: 100 },
        { title: t('duty.swaps.to'), dataIndex: 'toName', width: 100 },
        { title: t('duty.swaps.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('duty.swaps.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: string) => (
            <span data-testid="swap-status">
              <StatusTag tone={s === 'approved' ? 'done' : s === 'rejected' ? 'overdue' : 'inProgress'}>
                {t(`duty.swaps.statuses.${s}`)}
              </StatusTag>
            </span>
          ),
        },
        {
          title: t('common.actions'),
          key: 'a',
          width: 150,
          render: (_: unknown, r) => (
            <Space>
              {(['approve', 'reject'] as const)
                .filter((v) => r.allowedActions.includes(v))
                .map((verb) => (
                  <Button
                    key={verb}
                    size="small"
                    type={verb === 'approve' ? 'primary' : 'default'}
                    danger={verb === 'reject'}
                    data-testid={`swap-${verb}`}
                    loading={decide.isPending}
                    onClick={async () => {
                      await decide.mutateAsync({ id: r.id, verb });
                      notifySuccess(t(verb === 'approve' ? 'duty.swaps.approved' : 'duty.swaps.rejected'));
                    }}
                  >
                    {t(`duty.swaps.${verb}`)}
                  </Button>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

function HolidayRosters() {
  const t = useT();
  const { can } = useSession();
  const holidays = useHolidays(chinaYear());
  const submit = useSubmitHolidayRoster();
  const [note, setNote] = useState<Record<string, string>>({});
  const today = chinaToday();
  return (
    <Table<Holiday>
      rowKey="id"
      size="middle"
      loading={holidays.isLoading}
      dataSource={holidays.data?.items ?? []}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="holiday-rosters"
      columns={[
        { title: t('duty.holidays.name'), dataIndex: 'name', width: 110 },
        { title: t('duty.holidays.period'), key: 'p', width: 200, render: (_: unknown, h) => `${h.startsOn} ~ ${h.endsOn}` },
        {
          title: t('duty.holidays.due'),
          key: 'd',
          width: 170,
          render: (_: unknown, h) => (h.endsOn < today ? null : <DeadlineTag due={h.rosterDueOn} />),
        },
        {
          title: t('duty.holidays.note'),
          key: 'n',
          render: (_: unknown, h) =>
            can('duty.keep') && h.endsOn >= today ? (
              <Input size="small" maxLength={200} value={note[h.id] ?? ''} onChange={(e) => setNote({ ...note, [h.id]: e.target.value })} />
            ) : null,
        },
        {
          title: t('common.actions'),
          key: 'a',
          width: 150,
          render: (_: unknown, h) =>
            can('duty.keep') && h.endsOn >= today ? (
              <Button
                size="small"
                type="primary"
                data-testid="holiday-submit"
                onClick={async () => {
                  const r = await submit.mutateAsync({ id: h.id, note: note[h.id] });
                  notifySuccess(r.late ? t('duty.holidays.submittedLate') : t('duty.holidays.submitted'));
                }}
              >
                {t('duty.holidays.submit')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function Incidents() {
  const t = useT();
  const list = useIncidentReports();
  return (
    <Table<IncidentReport>
      rowKey="id"
      size="middle"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('duty.incidents.empty') }}
      pagination={false}
      scroll={{ x: 760 }}
      columns={[
        { title: t('duty.incidents.at'), dataIndex: 'reportedAt', width: 150, render: formatDateTime },
        { title: t('duty.incidents.org'), dataIndex: 'orgName', width: 140 },
        { title: t('duty.log.content'), key: 'c', render: (_: unknown, r) => r.entry.content },
        {
          title: t('duty.incidents.notified'),
          dataIndex: 'notifiedNames',
          width: 180,
          render: (n: string[]) => n.map((x) => <Tag key={x}>{x}</Tag>),
        },
      ]}
    />
  );
}

export default function DutyRequestsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('duty.swaps.title')} />
      <Tabs
        items={[
          { key: 'swaps', label: t('duty.swaps.tab'), children: <Swaps /> },
          { key: 'holidays', label: t('duty.holidays.tab'), children: <HolidayRosters /> },
          { key: 'incidents', label: t('duty.incidents.tab'), children: <Incidents /> },
        ]}
      />
    </>
  );
}
