/** /duty/handover — 交接班: outgoing and incoming person, outstanding matters, each confirms in person. */
import { Button, Card, DatePicker, Form, Grid, Input, List, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { usePeople } from '../../../lib/query.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useSession } from '../../../app/session.tsx';
import { useViewOrg } from '../../../app/view-org.tsx';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { useConfirmHandover, useCreateHandover, useHandovers, type Handover } from '../api/duty.ts';

interface HandoverValues {
  day: Dayjs;
  outgoingUserId: string;
  incomingUserId: string;
  outstanding?: string;
}

export default function HandoverPage() {
  const t = useT();
  const { can, me } = useSession();
  const { orgId } = useViewOrg();
  const list = useHandovers({ orgId });
  const people = usePeople();
  const create = useCreateHandover();
  const confirm = useConfirmHandover();
  const [open, setOpen] = useState(false);
  const narrow = !Grid.useBreakpoint().md;
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <>
      <PageHeader
        title={t('duty.handover.title')}
        extra={
          can('duty.keep') ? (
            <Button type="primary" data-testid="handover-new" onClick={() => setOpen(true)}>
              {t('duty.handover.new')}
            </Button>
          ) : null
        }
      />
      {narrow ? (
        // On a phone (390 px) each handover is a card with its confirm button on screen.
        <List<Handover>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('duty.handover.empty') }}
          data-testid="handover-cards"
          renderItem={(r) => (
            <Card
              size="small"
              style={{ marginBottom: 8 }}
              title={r.day}
              extra={
                r.complete ? (
                  <StatusTag tone="done">{t('duty.handover.done')}</StatusTag>
                ) : (
                  <StatusTag tone="inProgress">{t('duty.handover.waiting')}</StatusTag>
                )
              }
            >
              <div>
                {t('duty.handover.outgoing')}：{r.outgoingName} <small>{formatDateTime(r.outgoingConfirmedAt)}</small>
              </div>
              <div>
                {t('duty.handover.incoming')}：{r.incomingName} <small>{formatDateTime(r.incomingConfirmedAt)}</small>
              </div>
              <div style={{ marginTop: 4 }}>{r.outstanding}</div>
              {r.allowedActions.includes('confirm') ? (
                <Button block type="primary" style={{ marginTop: 8 }} onClick={() => confirm.mutate(r.id)}>
                  {t('duty.handover.confirm')}
                </Button>
              ) : null}
            </Card>
          )}
        />
      ) : (
        <Table<Handover>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('duty.handover.empty') }}
          columns={[
            { title: t('duty.handover.day'), dataIndex: 'day', width: 110 },
            {
              title: t('duty.handover.outgoing'),
              key: 'o',
              width: 170,
              render: (_: unknown, r) => (
                <>
                  {r.outgoingName} <small>{formatDateTime(r.outgoingConfirmedAt)}</small>
                </>
              ),
            },
            {
              title: t('duty.handover.incoming'),
              key: 'i',
              width: 170,
              render: (_: unknown, r) => (
                <>
                  {r.incomingName} <small>{formatDateTime(r.incomingConfirmedAt)}</small>
                </>
              ),
            },
            { title: t('duty.handover.outstanding'), dataIndex: 'outstanding', ellipsis: true },
            {
              title: t('duty.handover.state'),
              key: 's',
              width: 100,
              render: (_: unknown, r) =>
                r.complete ? (
                  <StatusTag tone="done">{t('duty.handover.done')}</StatusTag>
                ) : (
                  <StatusTag tone="inProgress">{t('duty.handover.waiting')}</StatusTag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 100,
              render: (_: unknown, r) =>
                r.allowedActions.includes('confirm') ? (
                  <Button size="small" type="link" data-testid={`handover-confirm-${r.id}`} onClick={() => confirm.mutate(r.id)}>
                    {t('duty.handover.confirm')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <FormModal<HandoverValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('duty.handover.new')}
        okText={t('common.save')}
        okTestId="handover-save"
        initialValues={{ day: dayjs(), outgoingUserId: me.id }}
        onSubmit={(v) =>
          create.mutateAsync({
            day: v.day.format('YYYY-MM-DD'),
            outgoingUserId: v.outgoingUserId,
            incomingUserId: v.incomingUserId,
            outstanding: v.outstanding ?? '',
          })
        }
      >
        <Form.Item name="day" label={t('duty.handover.day')}>
          <DatePicker />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="outgoingUserId" label={t('duty.handover.outgoing')} rules={[{ required: true }]} style={{ width: 200 }}>
            <Select options={options} />
          </Form.Item>
          <Form.Item
            name="incomingUserId"
            label={t('duty.handover.incoming')}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_r, v) =>
                  v && v === getFieldValue('outgoingUserId') ? Promise.reject(new Error('交班人和接班人不能是同一人')) : Promise.resolve(),
              }),
            ]}
            style={{ width: 200 }}
          >
            <Select options={options} data-testid="handover-incoming" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="outstanding" label={t('duty.handover.outstanding')}>
          <Input.TextArea rows={3} data-testid="handover-outstanding" />
        </Form.Item>
      </FormModal>
    </>
  );
}
