/** /documents/incoming/:id — 文件处理笺: 初审, 传阅 with read receipts, or 拟办 → 批示 → 承办 → 催办 → 办结 → 答复. */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Result, Select, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { openPdf } from '../../../lib/api.ts';
import { formatDate, formatDateText, formatDateTime } from '../../../lib/format.tsx';
import { usePeople } from '../../../lib/query.ts';
import { useIncoming, useIncomingOp, useReplyIncoming, type IncomingOp } from '../api/incoming.ts';
import { BodyView } from '../components/BodyView.tsx';
import { SignatureStatus } from '../components/SignatureStatus.tsx';
import { ClassificationTag, IncomingStatusTag, UrgencyTag } from '../components/labels.tsx';
import { TextModal, type TextValues } from '../components/TextModal.tsx';
import '../components/slip.css';
import { useApp } from '../../../lib/app-messages.tsx';

type Dialog = null | 'screenReturn' | 'circulate' | 'read' | 'propose' | 'instruct' | 'assign' | 'remind' | 'close';

function PeopleField({ name, label, required, help }: { name: string; label: string; required?: string; help?: string }) {
  const people = usePeople();
  return (
    <Form.Item name={name} label={label} help={help} rules={required ? [{ required: true, type: 'array', min: 1, message: required }] : []}>
      <Select
        mode="multiple"
        loading={people.isPending}
        optionFilterProp="label"
        options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
        data-testid={`${name}-select`}
      />
    </Form.Item>
  );
}

export default function IncomingSlipPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const { message } = useApp();
  const q = useIncoming(id);
  const op = useIncomingOp(id);
  const replyOp = useReplyIncoming(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (q.isError)
    return (
      <Result
        status="warning"
        title={q.error.message}
        extra={<Button onClick={() => navigate('/documents/inbox')}>{t('documents.action.back')}</Button>}
      />
    );
  const r = q.data;
  const may = (a: string) => r.allowedActions.includes(a);
  const text = (d: string | null) => formatDateText(d, lang);
  const run = (o: IncomingOp, label: string) =>
    op.mutate(o, { onSuccess: () => void message.success(t('documents.action.done', { what: label })) });
  const deadline = (v: { deadline?: Dayjs | null }) => (v.deadline ? v.deadline.format('YYYY-MM-DD') : null);
  const urgent = r.urgency !== 'none';
  const unread = r.circulation.filter((c) => !c.readAt);
  const pending = (s: string) => <span className="pending">{s}</span>;
  const box = (content: string | null, by: string | null, when: string | null, testId: string) => (
    <td colSpan={3} data-testid={testId}>
      <div className="opinion">{content ?? pending('—')}</div>
      {content && (by || when) ? (
        <div className="sig">
          {by}
          {'\u3000'}
          {text(when)}
        </div>
      ) : null}
    </td>
  );

  const buttons = [
    may('screen') && (
      <Button key="read" type="primary" onClick={() => run({ op: 'screen', decision: 'read' }, t('documents.procAction.screenRead'))}>
        {t('documents.procAction.screenRead')}
      </Button>
    ),
    may('screen') && (
      <Button
        key="act"
        type="primary"
        onClick={() => run({ op: 'screen', decision: 'act' }, t('documents.procAction.screenAct'))}
        data-testid="screen-act"
      >
        {t('documents.procAction.screenAct')}
      </Button>
    ),
    may('screen') && (
      <Button key="ret" danger onClick={() => setDialog('screenReturn')}>
        {t('documents.procAction.screenReturn')}
      </Button>
    ),
    may('circulate') && (
      <Button key="circulate" onClick={() => setDialog('circulate')}>
        {t('documents.procAction.circulate')}
      </Button>
    ),
    may('read') && (
      <Button key="readR" type="primary" onClick={() => setDialog('read')}>
        {t('documents.procAction.read')}
      </Button>
    ),
    may('propose') && (
      <Button key="propose" type="primary" onClick={() => setDialog('propose')}>
        {t('documents.procAction.propose')}
      </Button>
    ),
    may('instruct') && (
      <Button key="instruct" type="primary" onClick={() => setDialog('instruct')}>
        {t('documents.procAction.instruct')}
      </Button>
    ),
    may('assign') && (
      <Button key="assign" onClick={() => setDialog('assign')}>
        {t('documents.procAction.assign')}
      </Button>
    ),
    may('remind') && (
      <Button key="remind" onClick={() => setDialog('remind')}>
        {t('documents.procAction.remind')}
      </Button>
    ),
    may('close') && (
      <Button key="close" type="primary" onClick={() => setDialog('close')}>
        {t('documents.procAction.close')}
      </Button>
    ),
    may('reply') && (
      <Button
        key="reply"
        loading={replyOp.isPending}
        onClick={() => replyOp.mutate(undefined, { onSuccess: (res) => void navigate(`/documents/outgoing/${res.documentId}/edit`) })}
      >
        {t('documents.procAction.reply')}
      </Button>
    ),
    r.documentId && (
      <Button key="doc" onClick={() => navigate(`/documents/outgoing/${r.documentId}`)}>
        {t('documents.proc.openDocument')}
      </Button>
    ),
  ].filter(Boolean);

  const modal = (
    d: Exclude<Dialog, null>,
    label: string,
    fieldLabel: string,
    build: (v: TextValues) => IncomingOp,
    opts: { placeholder?: string; required?: boolean; extra?: React.ReactNode } = {},
  ) => (
    <TextModal
      key={d}
      open={dialog === d}
      title={label}
      label={fieldLabel}
      placeholder={opts.placeholder}
      required={opts.required === false ? false : t('documents.procAction.required')}
      onClose={() => setDialog(null)}
      onSubmit={(v) => op.mutateAsync(build(v))}
      successMessage={t('documents.action.done', { what: label })}
      testId={`${d}-modal`}
    >
      {opts.extra}
    </TextModal>
  );
  const deadlineField = (
    <Form.Item
      name="deadline"
      label={t('documents.procAction.deadline')}
      rules={urgent ? [{ required: true, message: t('documents.procAction.deadlineRequired') }] : []}
    >
      <DatePicker />
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={r.title}
        subtitle={r.serial}
        extra={
          <>
            {/* 文件处理笺: the processing slip as PDF (GET /api/incoming/{id}/slip). */}
            <Button icon={<PrinterOutlined />} data-testid="print-slip" onClick={() => void openPdf(`/api/incoming/${id}/slip`)}>
              {t('documents.action.printProcessingSlip')}
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/documents/inbox?tab=incoming')}>
              {t('documents.action.back')}
            </Button>
          </>
        }
      />
      {r.status === 'returned' && r.returnReason ? (
        <Alert
          className="doc-section"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('documents.proc.returnedReason', { reason: r.returnReason })}
        />
      ) : null}
      {unread.length && r.status === 'circulating' ? (
        <Alert
          className="doc-section"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('documents.proc.unreadWarning', { n: unread.length, names: unread.map((c) => c.name).join('、') })}
        />
      ) : null}
      <div className="doc-slip" data-testid="processing-slip">
        <h2 className="doc-slip-title">{t('documents.proc.title')}</h2>
        <div className="doc-slip-sub">
          <IncomingStatusTag status={r.status} overdue={r.overdue} />
        </div>
        <table>
          <tbody>
            <tr>
              <th>{t('documents.proc.serial')}</th>
              <td data-testid="proc-serial">{r.serial}</td>
              <th>{t('documents.proc.receivedDate')}</th>
              <td>
                {text(r.receivedDate)}
                {r.receivedByName ? `（${r.receivedByName}）` : ''}
              </td>
            </tr>
            <tr>
              <th>{t('documents.proc.sender')}</th>
              <td>{r.senderName}</td>
              <th>{t('documents.proc.docNumber')}</th>
              <td>{r.docNumber ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('documents.proc.titleField')}</th>
              <td colSpan={3} className="doc-title">
                {r.title}
              </td>
            </tr>
            <tr>
              <th>{t('documents.proc.classification')}</th>
              <td>
                {r.classification === 'none' ? (
                  t('documents.classification.none')
                ) : (
                  <ClassificationTag classification={r.classification} mark={r.secrecyMark} />
                )}
              </td>
              <th>{t('documents.proc.urgency')}</th>
              <td>{urgent ? <UrgencyTag urgency={r.urgency} /> : t('documents.urgency.none')}</td>
            </tr>
            <tr>
              <th>{t('documents.proc.copies')}</th>
              <td data-testid="proc-copies">
                {r.copies}
                {r.copyNumbers ? `（${r.copyNumbers}）` : ''}
              </td>
              <th>{t('documents.proc.channel')}</th>
              <td data-testid="proc-channel">
                {t(`documents.channel.${r.channel}`)}
                {r.paperChannel ? `（${t(`documents.secrecy.channel.${r.paperChannel}`)}）` : ''}
              </td>
            </tr>
            <tr>
              <th>{t('documents.proc.screen')}</th>
              <td colSpan={3}>
                {r.mode
                  ? t(`documents.proc.mode.${r.mode}`)
                  : r.status === 'returned'
                    ? t('documents.incomingStatus.returned')
                    : pending('—')}
              </td>
            </tr>
            {r.mode !== 'read' ? (
              <>
                <tr>
                  <th>{t('documents.proc.proposal')}</th>
                  {box(r.proposal, r.proposedByName, null, 'proc-proposal')}
                </tr>
                <tr>
                  <th>{t('documents.proc.instruction')}</th>
                  {box(
                    r.instruction,
                    r.instructedForName
                      ? t('documents.onBehalf', { by: r.instructedByName ?? '', for: r.instructedForName })
                      : r.instructedByName,
                    null,
                    'proc-instruction',
                  )}
                </tr>
                <tr>
                  <th>{t('documents.proc.handlers')}</th>
                  <td data-testid="proc-handlers">{r.handlers.map((h) => h.name).join('、') || pending('—')}</td>
                  <th>{t('documents.proc.deadline')}</th>
                  <td style={r.overdue ? { color: '#cf1322' } : undefined}>{r.deadline ? text(r.deadline) : pending('—')}</td>
                </tr>
                <tr>
                  <th>{t('documents.proc.reminders')}</th>
                  <td colSpan={3}>
                    {r.reminders.length
                      ? r.reminders.map((m, i) => (
                          <div key={i}>
                            {formatDateTime(m.sentAt)}
                            {'\u3000'}
                            {m.kind === 'manual' ? t('documents.proc.reminderManual') : t('documents.proc.reminderAuto')}
                            {m.note ? `：${m.note}` : ''}
                          </div>
                        ))
                      : pending('—')}
                  </td>
                </tr>
                <tr>
                  <th>{t('documents.proc.result')}</th>
                  {box(r.result, r.closedByName, r.closedAt, 'proc-result')}
                </tr>
                {r.mode === 'act' ? (
                  <tr>
                    <th>{t('documents.proc.reply')}</th>
                    {r.replyDocument ? (
                      <td colSpan={3} data-testid="proc-reply">
                        <a onClick={() => void navigate(`/documents/outgoing/${r.replyDocument!.id}`)}>
                          {r.replyDocument.docNumber ?? t('documents.proc.replyDraft', { title: r.replyDocument.title })}
                        </a>
                      </td>
                    ) : (
                      box(r.reply, null, r.repliedAt, 'proc-reply')
                    )}
                  </tr>
                ) : null}
              </>
            ) : (
              <tr>
                <th>{t('documents.proc.circulation')}</th>
                <td colSpan={3}>
                  <Table
                    size="small"
                    rowKey="userId"
                    pagination={false}
                    dataSource={r.circulation}
                    columns={[
                      { title: t('documents.procAction.readers'), dataIndex: 'name', width: 120 },
                      {
                        title: t('documents.col.status'),
                        dataIndex: 'readAt',
                        width: 150,
                        render: (v: string | null) =>
                          v ? (
                            t('documents.proc.readAt', { date: formatDate(v) })
                          ) : (
                            <Typography.Text type="danger">{t('documents.proc.unread')}</Typography.Text>
                          ),
                      },
                      { title: t('documents.col.note'), dataIndex: 'note' },
                    ]}
                  />
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {r.classification === 'none' && r.body ? <BodyView body={r.body} /> : null}
      {/* The recipient's copy: whether the document received online verifies against its sender's signature. */}
      {r.documentId ? <SignatureStatus documentId={r.documentId} dispatched={r.channel === 'online'} /> : null}
      <Flex className="doc-actionbar" gap={8} wrap align="center" data-testid="action-bar">
        {buttons.length ? buttons : <Typography.Text type="secondary">{t('documents.slip.noActions')}</Typography.Text>}
      </Flex>

      {modal('screenReturn', t('documents.procAction.screenReturn'), t('documents.action.reason'), (v) => ({
        op: 'screen',
        decision: 'return',
        reason: v.text.trim(),
      }))}
      {modal(
        'circulate',
        t('documents.procAction.circulate'),
        t('documents.procAction.note'),
        (v) => ({ op: 'circulate', userIds: v.userIds as string[] }),
        {
          required: false,
          extra: <PeopleField name="userIds" label={t('documents.procAction.readers')} required={t('documents.procAction.pickPeople')} />,
        },
      )}
      {modal('read', t('documents.procAction.read'), t('documents.procAction.note'), (v) => ({ op: 'read', note: v.text.trim() }), {
        required: false,
      })}
      {modal(
        'propose',
        t('documents.procAction.propose'),
        t('documents.procAction.proposal'),
        (v) => ({ op: 'propose', proposal: v.text.trim() }),
        { placeholder: t('documents.procAction.proposalPlaceholder') },
      )}
      {modal(
        'instruct',
        t('documents.procAction.instruct'),
        t('documents.procAction.instruction'),
        (v) => {
          const handlerIds = v.handlerIds as string[] | undefined;
          return {
            op: 'instruct',
            instruction: v.text.trim(),
            ...(handlerIds?.length ? { handlerIds, deadline: deadline(v as { deadline?: Dayjs }) } : {}),
          };
        },
        {
          placeholder: t('documents.procAction.instructionPlaceholder'),
          extra: (
            <>
              <PeopleField name="handlerIds" label={t('documents.procAction.handlers')} help={t('documents.procAction.handlersHelp')} />
              {deadlineField}
            </>
          ),
        },
      )}
      {modal(
        'assign',
        t('documents.procAction.assign'),
        t('documents.procAction.note'),
        (v) => ({ op: 'assign', handlerIds: v.handlerIds as string[], deadline: deadline(v as { deadline?: Dayjs }) }),
        {
          required: false,
          extra: (
            <>
              <PeopleField name="handlerIds" label={t('documents.procAction.handlers')} required={t('documents.procAction.pickPeople')} />
              {deadlineField}
            </>
          ),
        },
      )}
      {modal('remind', t('documents.procAction.remind'), t('documents.procAction.note'), (v) => ({ op: 'remind', note: v.text.trim() }), {
        required: false,
      })}
      {modal('close', t('documents.procAction.close'), t('documents.procAction.result'), (v) => ({ op: 'close', result: v.text.trim() }), {
        placeholder: t('documents.procAction.resultPlaceholder'),
      })}
    </>
  );
}
