/**
 * The townships' leaders in charge (分管领导): who, since when, on what basis they know office work,
 * linked to the leader's account; a change keeps the previous leader as history.
 */
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { leaderAssignSchema } from '@township-office/domain/personnel';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useAssignLeader, useLeaderCandidates, useLeaders, type Leader } from '../api/supervision.ts';

interface Values {
  userId: string;
  position: string;
  since: Dayjs;
  familiar: boolean;
  basis?: string;
}
const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);

function History({ orgId }: { orgId: string }) {
  const t = useT();
  const q = useLeaders({ orgId, history: true });
  return (
    <Table<Leader>
      size="small"
      rowKey="id"
      pagination={false}
      loading={q.isPending}
      dataSource={q.data?.items ?? []}
      data-testid={`leader-history-${orgId}`}
      columns={[
        { title: t('supervision.field.name'), dataIndex: 'name' },
        { title: t('supervision.field.position'), dataIndex: 'position' },
        { title: t('supervision.field.since'), dataIndex: 'since' },
        { title: t('supervision.field.until'), dataIndex: 'until', render: (u: string | null) => u ?? t('supervision.leaders.current') },
        { title: t('supervision.field.basis'), dataIndex: 'basis' },
      ]}
    />
  );
}

export function LeadersCard({ mayAssign }: { mayAssign: boolean }) {
  const t = useT();
  const rule = useZodRule();
  const leaders = useLeaders();
  const assign = useAssignLeader();
  const [changing, setChanging] = useState<Leader | null>(null);
  const candidates = useLeaderCandidates(changing?.orgId);
  const [form] = Form.useForm<Values>();
  const familiar = Form.useWatch('familiar', form);
  const shape = leaderAssignSchema.shape;
  return (
    <Card size="small" title={t('supervision.leaders.title')} style={{ marginBottom: 16 }}>
      <Table<Leader>
        size="small"
        rowKey="id"
        pagination={localPagination(t, 6)}
        loading={leaders.isPending}
        dataSource={leaders.data?.items ?? []}
        data-testid="leaders"
        expandable={{ expandedRowRender: (l) => <History orgId={l.orgId} />, rowExpandable: () => true }}
        columns={[
          { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
          { title: t('supervision.field.name'), dataIndex: 'name' },
          { title: t('supervision.field.position'), dataIndex: 'position' },
          { title: t('supervision.field.since'), dataIndex: 'since', width: 110 },
          {
            title: t('supervision.field.familiar'),
            dataIndex: 'familiar',
            render: (f: boolean, l) =>
              f ? (
                <Tag color="green" title={l.basis}>
                  {t('common.yes')}
                </Tag>
              ) : (
                <Tag color="orange">{t('common.no')}</Tag>
              ),
          },
          {
            title: t('supervision.leaders.account'),
            dataIndex: 'username',
            render: (u: string | null) => u ?? <Tag>{t('supervision.leaders.noAccount')}</Tag>,
          },
          ...(mayAssign
            ? [
                {
                  title: t('common.actions'),
                  key: 'act',
                  render: (_: unknown, l: Leader) =>
                    l.allowedActions.includes('assign') ? (
                      <Button type="link" size="small" onClick={() => setChanging(l)} data-testid={`change-leader-${l.orgId}`}>
                        {t('supervision.leaders.change')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values>
        open={!!changing}
        form={form}
        onClose={() => setChanging(null)}
        title={changing ? t('supervision.leaders.changeTitle', { org: changing.orgName }) : ''}
        initialValues={{ since: dayjs(), familiar: true, position: changing?.position }}
        successMessage={t('supervision.leaders.saved')}
        okTestId="leader-save"
        onSubmit={(v) =>
          assign.mutateAsync({
            orgId: changing!.orgId,
            userId: v.userId,
            position: v.position,
            since: v.since.format('YYYY-MM-DD'),
            familiar: v.familiar,
            basis: v.basis ?? '',
          })
        }
      >
        <Form.Item
          name="userId"
          label={t('supervision.leaders.accountPick')}
          extra={t('supervision.leaders.accountHint')}
          rules={[{ required: true, message: t('supervision.leaders.pickAccount') }]}
        >
          <Select
            loading={candidates.isPending}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))}
            data-testid="leader-account"
          />
        </Form.Item>
        <Form.Item name="position" label={t('supervision.field.position')} rules={[rule(shape.position, t('supervision.field.position'))]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="since"
          label={t('supervision.field.since')}
          rules={[rule(shape.since, t('supervision.field.since'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="familiar" label={t('supervision.field.familiar')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('supervision.field.basis')}
          rules={familiar ? [{ required: true, min: 2, message: t('supervision.leaders.basisRequired') }] : []}
        >
          <Input.TextArea rows={2} data-testid="leader-basis" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
