/** /meetings/:id — the minutes laid out like the paper 会议记录: header boxes, agenda items, decisions, the action bar. */
import { Button, DatePicker, Descriptions, Form, Input, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { openPdf } from '../../../lib/api.ts';
import { formatDateTime, StatusTag } from '../../../lib/format.tsx';
import { useAmend, useCreateFollowUp, useMeeting, useMeetingStep } from '../api/meetings.ts';

export default function MeetingPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = useMeeting(id);
  const step = useMeetingStep();
  const amend = useAmend();
  const follow = useCreateFollowUp();
  const [target, setTarget] = useState<{ itemIndex: number; decisionIndex: number } | null>(null);
  const [amending, setAmending] = useState(false);
  const m = q.data;
  if (!m) return null;
  const can = (a: string) => m.allowedActions.includes(a);
  const followed = new Set(m.followUps.map((f) => `${f.itemIndex}.${f.decisionIndex}`));
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={
          <StatusTag tone={m.status === 'confirmed' ? 'done' : m.status === 'finalised' ? 'inProgress' : 'draft'}>
            {t(`meetings.status.${m.status}`)}
          </StatusTag>
        }
      />
      <div style={{ maxWidth: 900, background: '#fff', padding: 24, border: '1px solid #ddd' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', letterSpacing: 8 }}>
          {t('meetings.record.title')}
        </Typography.Title>
        <Descriptions bordered size="small" column={3}>
          <Descriptions.Item label={t('meetings.col.title')} span={2}>
            {m.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.col.kind')}>{t(`meetings.kind.${m.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.col.startsAt')}>{formatDateTime(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.col.place')} span={2}>
            {m.place}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.col.host')}>{m.hostName}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.col.recorder')} span={2}>
            {m.recorderName}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.record.attendees')} span={3}>
            {m.attendees.join('、') || t('meetings.record.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.record.absentees')} span={3}>
            {m.absentees.map((a) => `${a.name}（${a.reason}）`).join('、') || t('meetings.record.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.record.nonVoting')} span={3}>
            {m.nonVoting.join('、') || t('meetings.record.none')}
          </Descriptions.Item>
        </Descriptions>
        {m.items.map((it, i) => (
          <div key={i} style={{ marginTop: 16 }}>
            <Typography.Title level={5}>
              {t('meetings.record.item', { n: i + 1 })}：{it.title}
            </Typography.Title>
            {it.discussion ? <Typography.Paragraph>{it.discussion}</Typography.Paragraph> : null}
            {it.decisions.map((d, j) => (
              <div key={j} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
                <span>
                  {t('meetings.record.decision')}
                  {j + 1}：{d}
                </span>
                {followed.has(`${i}.${j}`) ? (
                  <StatusTag tone="inProgress">{t('meetings.record.isFollowed')}</StatusTag>
                ) : can('followUp') ? (
                  <Button size="small" data-testid={`follow-${i}-${j}`} onClick={() => setTarget({ itemIndex: i, decisionIndex: j })}>
                    {t('meetings.record.followUp')}
                  </Button>
                ) : null}
              </div>
            ))}
          </div>
        ))}
        {m.amendments.length ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('meetings.record.amendments')}
            </Typography.Title>
            <Timeline items={m.amendments.map((a) => ({ children: `${formatDateTime(a.amendedAt)} ${a.amendedByName}：${a.reason}` }))} />
          </>
        ) : null}
      </div>
      <Space style={{ marginTop: 16 }}>
        {can('finalise') ? (
          <Button type="primary" data-testid="meeting-finalise" onClick={() => step.mutate({ id, step: 'finalise' })}>
            {t('meetings.record.finalise')}
          </Button>
        ) : null}
        {can('confirm') ? (
          <Button type="primary" data-testid="meeting-confirm" onClick={() => step.mutate({ id, step: 'confirm' })}>
            {t('meetings.record.confirm')}
          </Button>
        ) : null}
        {can('amend') ? <Button onClick={() => setAmending(true)}>{t('meetings.record.amend')}</Button> : null}
        <Button onClick={() => openPdf(`/api/meetings/${id}`, { format: 'pdf' })}>{t('meetings.record.print')}</Button>
        {m.followUps.length ? (
          <Link to={`/meetings/follow-ups?meetingId=${id}`} data-testid="meeting-follow-ups">
            {t('meetings.followUps.title')}（{m.followUps.length}）
          </Link>
        ) : null}
      </Space>
      <FormModal<{ ownerName: string; deadline: Dayjs }>
        open={!!target}
        onClose={() => setTarget(null)}
        title={t('meetings.record.followUp')}
        initialValues={{ deadline: dayjs().add(14, 'day') }}
        okTestId="follow-save"
        onSubmit={(v) =>
          follow.mutateAsync({ meetingId: id, ...target!, ownerName: v.ownerName, deadline: v.deadline.format('YYYY-MM-DD') })
        }
      >
        <Form.Item name="ownerName" label={t('meetings.record.owner')} rules={[{ required: true, max: 40 }]}>
          <Input data-testid="follow-owner" />
        </Form.Item>
        <Form.Item name="deadline" label={t('meetings.record.deadline')} rules={[{ required: true }]}>
          <DatePicker data-testid="follow-deadline" />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string; nonVoting?: string }>
        open={amending}
        onClose={() => setAmending(false)}
        title={t('meetings.record.amend')}
        initialValues={{ nonVoting: m.nonVoting.join('、') }}
        onSubmit={(v) =>
          amend.mutateAsync({
            id,
            reason: v.reason,
            nonVoting: (v.nonVoting ?? '')
              .split(/[、,，]/)
              .map((x) => x.trim())
              .filter(Boolean),
          })
        }
      >
        <Form.Item name="reason" label={t('meetings.record.amendReason')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nonVoting" label={t('meetings.record.nonVoting')}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
