/**
 * Training sessions (业务知识培训班) of the three-year window, and recording one with its attendees
 * picked from the staff database: a township its own office's people, the county anyone's.
 */
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Progress, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { trainingSessionCreateSchema } from '@township-office/domain/training';
import { chinaYear } from '@township-office/domain/dates';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useCoverage, useRecordSession, useSessions, useStaff, type TrainingSession } from '../api/supervision.ts';

interface Values {
  heldOn: Dayjs;
  topic: string;
  organiser: string;
  materials?: string;
  staffIds: string[];
}
const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);

/** `orgId`: the township whose office trains (its own people only); absent: the county's sessions for everyone. */
export function TrainingSessions({ orgId, mayRecord, defaultOrganiser }: { orgId?: string; mayRecord: boolean; defaultOrganiser: string }) {
  const t = useT();
  const rule = useZodRule();
  const year = chinaYear();
  const sessions = useSessions(year);
  const coverage = useCoverage(year, orgId);
  const staff = useStaff(orgId);
  const record = useRecordSession();
  const [open, setOpen] = useState(false);
  const shape = trainingSessionCreateSchema.shape;
  const people = useMemo(
    () => (staff.data?.items ?? []).map((s) => ({ value: s.id, label: orgId ? s.name : `${s.name}（${s.orgName}）` })),
    [staff.data, orgId],
  );
  const c = coverage.data;
  return (
    <Card
      size="small"
      title={t('supervision.training.title')}
      extra={
        mayRecord ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="record-training">
            {t('supervision.training.record')}
          </Button>
        ) : null
      }
    >
      {c ? (
        <div style={{ marginBottom: 12 }} data-testid="training-coverage">
          {t('supervision.training.coverage', { trained: c.trained, total: c.total, from: c.window.from, to: c.window.to })}
          <Progress percent={c.total ? Math.round((c.trained / c.total) * 100) : 0} size="small" style={{ maxWidth: 360 }} />
          {c.neverTrained.length ? (
            <div style={{ color: '#cf1322' }}>
              {t('supervision.training.never', { names: c.neverTrained.map((p) => p.name).join('、') })}
            </div>
          ) : null}
        </div>
      ) : null}
      <Table<TrainingSession>
        size="small"
        rowKey="id"
        pagination={localPagination(t, 6)}
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        data-testid="training-sessions"
        columns={[
          { title: t('supervision.training.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('supervision.training.topic'), dataIndex: 'topic' },
          { title: t('supervision.training.organiser'), dataIndex: 'organiser' },
          { title: t('supervision.training.heldBy'), dataIndex: 'orgName' },
          {
            title: t('supervision.training.attendees'),
            key: 'n',
            align: 'right',
            render: (_, s) => s.staffAttendees + s.leaderAttendees,
          },
        ]}
      />
      <FormModal<Values>
        open={open}
        onClose={() => setOpen(false)}
        title={t('supervision.training.record')}
        width={640}
        initialValues={{ heldOn: dayjs(), organiser: defaultOrganiser, staffIds: [] }}
        successMessage={t('supervision.training.saved')}
        okTestId="training-save"
        onSubmit={(v) =>
          record.mutateAsync({
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            topic: v.topic,
            organiser: v.organiser,
            materials: v.materials ?? '',
            staffIds: v.staffIds,
          })
        }
      >
        <Form.Item
          name="heldOn"
          label={t('supervision.training.heldOn')}
          rules={[rule(shape.heldOn, t('supervision.training.heldOn'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="topic" label={t('supervision.training.topic')} rules={[rule(shape.topic, t('supervision.training.topic'))]}>
          <Input data-testid="training-topic" />
        </Form.Item>
        <Form.Item
          name="organiser"
          label={t('supervision.training.organiser')}
          rules={[rule(shape.organiser, t('supervision.training.organiser'))]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="materials"
          label={t('supervision.training.materials')}
          rules={[rule(shape.materials, t('supervision.training.materials'))]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="staffIds"
          label={t('supervision.training.attendees')}
          rules={[{ required: true, type: 'array', min: 1, message: t('supervision.training.pickAttendees') }]}
        >
          <Select
            mode="multiple"
            options={people}
            loading={staff.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.pickPeople')}
            data-testid="training-attendees"
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
