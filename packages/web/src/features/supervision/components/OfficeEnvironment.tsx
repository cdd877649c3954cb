/**
 * One township's work environment, kept in the browser: the three rooms, the equipment, the year's
 * expenses by category, its six rules, the county's 十条禁令 to read and acknowledge, and who holds
 * each post. `editable`: the viewer may change them (the township's own office, the county office).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaYear } from '@township-office/domain/dates';
import {
  EXPENSE_CATEGORIES,
  POSTS,
  ROOM_KINDS,
  ROOM_STATUSES,
  RULE_KINDS,
  equipmentUpsertSchema,
  expenseUpsertSchema,
  postAssignSchema,
  ruleAdoptSchema,
  type Post,
  type RoomKind,
  type RuleKind,
} from '@township-office/domain/environment';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLabel, useLabelOptions } from '../../../app/i18n/labels.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { formatDate, formatYuan } from '../../../lib/format.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import {
  useAcknowledgeRuleDocument,
  useAdoptRule,
  useAssignPost,
  useEquipment,
  useExpenses,
  usePosts,
  useRooms,
  useRuleDocuments,
  useRules,
  useSaveEquipment,
  useSaveExpense,
  useSaveRoom,
  useStaff,
  type Room,
} from '../api/supervision.ts';

const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);
type Any = Record<string, unknown>;
type RoomLine = { kind: RoomKind; room?: Room };

export function RoomsAndEquipment({ orgId, editable }: { orgId: string; editable: boolean }) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const rule = useZodRule();
  const rooms = useRooms(orgId);
  const equipment = useEquipment(orgId);
  const saveRoom = useSaveRoom();
  const saveEquipment = useSaveEquipment();
  const [room, setRoom] = useState<RoomKind | null>(null);
  const [editEquipment, setEditEquipment] = useState(false);
  const byKind = new Map((rooms.data?.items ?? []).map((r) => [r.kind, r]));
  const eq = equipment.data?.items[0];
  const current = room ? byKind.get(room) : undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('supervision.environment.rooms')}>
          <Table<RoomLine>
            size="small"
            rowKey="kind"
            pagination={false}
            data-testid="rooms"
            dataSource={ROOM_KINDS.map((k) => ({ kind: k, room: byKind.get(k) }))}
            columns={[
              { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: RoomKind) => label('ROOM_KIND', k) },
              {
                title: t('supervision.field.status'),
                key: 'status',
                render: (_, r: { room?: Room }) =>
                  r.room ? label('ROOM_STATUS', r.room.status) : <Tag>{t('supervision.environment.notRecorded')}</Tag>,
              },
              { title: t('supervision.field.areaM2'), key: 'area', render: (_, r: { room?: Room }) => r.room?.areaM2 ?? '' },
              { title: t('supervision.field.inUseSince'), key: 'since', render: (_, r: { room?: Room }) => r.room?.inUseSince ?? '' },
              {
                title: t('supervision.field.updatedAt'),
                key: 'at',
                render: (_, r: { room?: Room }) => formatDate(r.room?.updatedAt ?? null),
              },
              ...(editable
                ? [
                    {
                      title: t('common.actions'),
                      key: 'act',
                      render: (_: unknown, r: RoomLine) => (
                        <Button type="link" size="small" onClick={() => setRoom(r.kind)} data-testid={`edit-room-${r.kind}`}>
                          {t('supervision.environment.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('supervision.environment.equipment')}
          extra={
            editable ? (
              <Button size="small" onClick={() => setEditEquipment(true)} data-testid="edit-equipment">
                {t('supervision.environment.edit')}
              </Button>
            ) : null
          }
        >
          {eq ? (
            <Space direction="vertical" data-testid="equipment">
              <span>
                {t('supervision.field.computers')}：{eq.computers}
                {' · '}
                {t('supervision.field.printers')}：{eq.printers}
              </span>
              <span>
                {t('supervision.field.docSystemAccess')}：{eq.docSystemAccess ? t('common.yes') : t('common.no')}
              </span>
              {eq.note ? <span>{eq.note}</span> : null}
              <Typography.Text type="secondary">
                {t('supervision.field.updatedAt')}：{formatDate(eq.updatedAt)}
              </Typography.Text>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('supervision.environment.notRecorded')}</Typography.Text>
          )}
        </Card>
      </Col>
      <FormModal<Any>
        open={!!room}
        onClose={() => setRoom(null)}
        title={room ? label('ROOM_KIND', room) : ''}
        initialValues={
          current
            ? {
                status: current.status,
                areaM2: current.areaM2,
                inUseSince: current.inUseSince ? dayjs(current.inUseSince) : undefined,
                note: current.note,
              }
            : { status: 'built' }
        }
        successMessage={t('supervision.saved')}
        okTestId="room-save"
        onSubmit={(v) =>
          saveRoom.mutateAsync({
            orgId,
            kind: room!,
            status: v.status as (typeof ROOM_STATUSES)[number],
            areaM2: (v.areaM2 as number | undefined) ?? null,
            inUseSince: (iso(v.inUseSince) as string | undefined) ?? null,
            note: (v.note as string | undefined) ?? '',
          })
        }
      >
        <Form.Item name="status" label={t('supervision.field.status')} rules={[{ required: true }]}>
          <Select options={options('ROOM_STATUS', ROOM_STATUSES)} data-testid="room-status" />
        </Form.Item>
        <Form.Item name="areaM2" label={t('supervision.field.areaM2')}>
          <InputNumber min={0} max={10000} style={{ width: 160 }} data-testid="room-area" />
        </Form.Item>
        <Form.Item name="inUseSince" label={t('supervision.field.inUseSince')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.field.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal<Any>
        open={editEquipment}
        onClose={() => setEditEquipment(false)}
        title={t('supervision.environment.equipment')}
        initialValues={eq ? { ...eq } : { computers: 1, printers: 1, docSystemAccess: true }}
        successMessage={t('supervision.saved')}
        okTestId="equipment-save"
        onSubmit={(v) =>
          saveEquipment.mutateAsync({
            orgId,
            computers: Number(v.computers ?? 0),
            printers: Number(v.printers ?? 0),
            docSystemAccess: !!v.docSystemAccess,
            note: (v.note as string | undefined) ?? '',
          })
        }
      >
        <Form.Item
          name="computers"
          label={t('supervision.field.computers')}
          rules={[rule(equipmentUpsertSchema.shape.computers, t('supervision.field.computers'))]}
        >
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item
          name="printers"
          label={t('supervision.field.printers')}
          rules={[rule(equipmentUpsertSchema.shape.printers, t('supervision.field.printers'))]}
        >
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="docSystemAccess" label={t('supervision.field.docSystemAccess')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.field.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Row>
  );
}

export function Expenses({ orgId, editable }: { orgId: string; editable: boolean }) {
  const t = useT();
  const label = useLabel();
  const rule = useZodRule();
  const [year, setYear] = useState(chinaYear());
  const q = useExpenses(year, orgId);
  const save = useSaveExpense();
  const [open, setOpen] = useState(false);
  const mine = q.data?.townships.find((x) => x.orgId === orgId);
  return (
    <Card
      size="small"
      title={t('supervision.environment.expensesOf', { year })}
      extra={
        <Space>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} aria-label={t('supervision.field.year')} />
          {editable ? (
            <Button size="small" onClick={() => setOpen(true)} data-testid="edit-expenses">
              {t('supervision.environment.edit')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="c"
        pagination={false}
        data-testid="expenses"
        dataSource={[...EXPENSE_CATEGORIES.map((c) => ({ c, v: mine?.byCategory[c] ?? 0 })), { c: 'total', v: mine?.total ?? 0 }]}
        columns={[
          {
            title: t('supervision.environment.category'),
            dataIndex: 'c',
            render: (c: string) => (c === 'total' ? t('supervision.environment.total') : label('EXPENSE_CATEGORY', c)),
          },
          { title: t('supervision.environment.amount'), dataIndex: 'v', align: 'right', render: (v: number) => formatYuan(v) },
        ]}
      />
      <FormModal<Any>
        open={open}
        onClose={() => setOpen(false)}
        title={t('supervision.environment.expensesOf', { year })}
        initialValues={Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, mine?.byCategory[c] ?? 0]))}
        successMessage={t('supervision.saved')}
        okTestId="expenses-save"
        onSubmit={async (v) => {
          for (const c of EXPENSE_CATEGORIES)
            if (Number(v[c] ?? 0) !== (mine?.byCategory[c] ?? 0))
              await save.mutateAsync({ orgId, year, category: c, amountYuan: Number(v[c] ?? 0) });
        }}
      >
        {EXPENSE_CATEGORIES.map((c) => (
          <Form.Item
            key={c}
            name={c}
            label={label('EXPENSE_CATEGORY', c)}
            rules={[rule(expenseUpsertSchema.shape.amountYuan, label('EXPENSE_CATEGORY', c))]}
          >
            <InputNumber
              min={0}
              precision={2}
              style={{ width: 200 }}
              addonAfter={t('supervision.environment.yuan')}
              data-testid={`expense-${c}`}
            />
          </Form.Item>
        ))}
      </FormModal>
    </Card>
  );
}

/** The county's 十条禁令 (read and acknowledged by the township) and the township's six rules. */
export function RulesAndProhibitions({ orgId, editable, mayAcknowledge }: { orgId: string; editable: boolean; mayAcknowledge: boolean }) {
  const t = useT();
  const label = useLabel();
  const rule = useZodRule();
  const docs = useRuleDocuments(orgId);
  const rules = useRules(orgId);
  const ack = useAcknowledgeRuleDocument();
  const adopt = useAdoptRule();
  const [reading, setReading] = useState<string | null>(null);
  const [kind, setKind] = useState<RuleKind | null>(null);
  const byKind = new Map((rules.data?.items ?? []).map((r) => [r.kind, r]));
  const doc = docs.data?.items.find((d) => d.id === reading);
  const acknowledged = (d: { acknowledgedBy: { orgId: string; at: string }[] }) => d.acknowledgedBy.find((a) => a.orgId === orgId);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('supervision.rules.prohibitions')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="rule-documents"
            dataSource={docs.data?.items ?? []}
            columns={[
              { title: t('supervision.field.title'), dataIndex: 'title' },
              { title: t('supervision.rules.issuedOn'), dataIndex: 'issuedOn', width: 110 },
              {
                title: t('supervision.rules.ack'),
                key: 'ack',
                render: (_, d) => {
                  const a = acknowledged(d);
                  return a ? (
                    <Tag color="green" data-testid={`acked-${d.id}`}>
                      {t('supervision.rules.acknowledgedOn', { date: formatDate(a.at) })}
                    </Tag>
                  ) : (
                    <Button
                      size="small"
                      type={mayAcknowledge ? 'primary' : 'default'}
                      onClick={() => setReading(d.id)}
                      data-testid={`read-${d.id}`}
                    >
                      {mayAcknowledge ? t('supervision.rules.readAndAck') : t('supervision.rules.read')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('supervision.rules.six')}>
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            data-testid="six-rules"
            dataSource={RULE_KINDS.map((k) => ({ kind: k, rule: byKind.get(k) }))}
            columns={[
              { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: RuleKind) => label('RULE_KIND', k) },
              {
                title: t('supervision.field.title'),
                key: 'title',
                render: (_, r) => r.rule?.title ?? <Tag color="red">{t('supervision.rules.missing')}</Tag>,
              },
              { title: t('supervision.field.adoptedOn'), key: 'on', render: (_, r) => r.rule?.adoptedOn ?? '' },
              ...(editable
                ? [
                    {
                      title: t('common.actions'),
                      key: 'act',
                      render: (_: unknown, r: { kind: RuleKind }) => (
                        <Button type="link" size="small" onClick={() => setKind(r.kind)} data-testid={`adopt-${r.kind}`}>
                          {byKind.has(r.kind) ? t('supervision.rules.revise') : t('supervision.rules.adopt')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={!!doc}
        title={doc?.title}
        width={720}
        onCancel={() => setReading(null)}
        cancelText={t('common.cancel')}
        okText={t('supervision.rules.confirmAck')}
        okButtonProps={{ disabled: !mayAcknowledge || !doc || !!acknowledged(doc), 'data-testid': 'ack-confirm' } as never}
        confirmLoading={ack.isPending}
        onOk={() => doc && ack.mutate(doc.id, { onSuccess: () => setReading(null) })}
      >
        <Alert type="info" showIcon message={t('supervision.rules.ackHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 420, overflow: 'auto' }} data-testid="rule-document-body">
          {doc?.body}
        </Typography.Paragraph>
      </Modal>
      <FormModal<Any>
        open={!!kind}
        onClose={() => setKind(null)}
        title={kind ? label('RULE_KIND', kind) : ''}
        width={720}
        initialValues={
          kind && byKind.get(kind)
            ? { title: byKind.get(kind)!.title, body: byKind.get(kind)!.body, adoptedOn: dayjs() }
            : { adoptedOn: dayjs(), title: kind ? label('RULE_KIND', kind) : '' }
        }
        successMessage={t('supervision.saved')}
        okTestId="rule-save"
        onSubmit={(v) =>
          adopt.mutateAsync({ orgId, kind: kind!, title: String(v.title), body: String(v.body), adoptedOn: iso(v.adoptedOn) as string })
        }
      >
        <Form.Item
          name="title"
          label={t('supervision.field.title')}
          rules={[rule(ruleAdoptSchema.shape.title, t('supervision.field.title'))]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="adoptedOn"
          label={t('supervision.field.adoptedOn')}
          rules={[rule(ruleAdoptSchema.shape.adoptedOn, t('supervision.field.adoptedOn'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="body" label={t('supervision.rules.body')} rules={[rule(ruleAdoptSchema.shape.body, t('supervision.rules.body'))]}>
          <Input.TextArea rows={8} data-testid="rule-body" />
        </Form.Item>
      </FormModal>
    </Row>
  );
}

/** Posts to persons (岗位明确到人): 文秘写作, 值班接待, 档案管理, each held by one of the township's staff. */
export function Posts({ orgId, editable }: { orgId: string; editable: boolean }) {
  const t = useT();
  const label = useLabel();
  const rule = useZodRule();
  const posts = usePosts(orgId);
  const staff = useStaff(orgId);
  const assign = useAssignPost();
  const [post, setPost] = useState<Post | null>(null);
  const byPost = new Map((posts.data?.items ?? []).map((p) => [p.post, p]));
  return (
    <Card size="small" title={t('supervision.posts.title')}>
      <Table
        size="small"
        rowKey="post"
        pagination={false}
        data-testid="posts"
        dataSource={POSTS.map((p) => ({ post: p, holder: byPost.get(p) }))}
        columns={[
          { title: t('supervision.field.post'), dataIndex: 'post', render: (p: Post) => label('POST', p) },
          {
            title: t('supervision.posts.holder'),
            key: 'holder',
            render: (_, r) => r.holder?.staffName ?? <Tag color="red">{t('supervision.posts.vacant')}</Tag>,
          },
          { title: t('supervision.field.since'), key: 'since', render: (_, r) => r.holder?.since ?? '' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'act',
                  render: (_: unknown, r: { post: Post }) => (
                    <Button type="link" size="small" onClick={() => setPost(r.post)} data-testid={`assign-${r.post}`}>
                      {t('supervision.posts.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<{ staffId: string; since: Dayjs }>
        open={!!post}
        onClose={() => setPost(null)}
        title={post ? t('supervision.posts.assignTitle', { post: label('POST', post) }) : ''}
        initialValues={{ staffId: post ? byPost.get(post)?.staffId : undefined, since: dayjs() }}
        successMessage={t('supervision.saved')}
        okTestId="post-save"
        onSubmit={(v) => assign.mutateAsync({ orgId, post: post!, staffId: v.staffId, since: v.since.format('YYYY-MM-DD') })}
      >
        <Form.Item
          name="staffId"
          label={t('supervision.posts.holder')}
          rules={[{ required: true, message: t('supervision.posts.pickHolder') }]}
        >
          <Select
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            loading={staff.isPending}
            data-testid="post-holder"
          />
        </Form.Item>
        <Form.Item
          name="since"
          label={t('supervision.field.since')}
          rules={[rule(postAssignSchema.shape.since, t('supervision.field.since'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
