/** /reception/petitions/:id — the case as on the paper 信访登记表: particulars, deadlines, the steps, the history. */
import { Alert, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { usePetition, usePetitionStep, useReveal, type Petitioner } from '../api/reception.ts';
import { DeadlineTag } from './DeadlineTag.tsx';

type StepKey = 'accept' | 'reject' | 'extend' | 'close';
const FIELDS: Record<StepKey, { name: string; kind: 'date' | 'text' | 'days' }[]> = {
  accept: [
    { name: 'decidedOn', kind: 'date' },
    { name: 'notifiedOn', kind: 'date' },
  ],
  reject: [
    { name: 'decidedOn', kind: 'date' },
    { name: 'notifiedOn', kind: 'date' },
    { name: 'reason', kind: 'text' },
  ],
  extend: [
    { name: 'days', kind: 'days' },
    { name: 'reason', kind: 'text' },
    { name: 'approvedBy', kind: 'text' },
    { name: 'approvedOn', kind: 'date' },
    { name: 'notifiedOn', kind: 'date' },
  ],
  close: [
    { name: 'closedOn', kind: 'date' },
    { name: 'result', kind: 'text' },
    { name: 'answerNotifiedOn', kind: 'date' },
  ],
};

export default function PetitionPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = usePetition(id);
  const step = usePetitionStep();
  const reveal = useReveal();
  const [full, setFull] = useState<Petitioner[] | null>(null);
  const [open, setOpen] = useState<StepKey | null>(null);
  const [form] = Form.useForm();
  const p = q.data;
  if (!p) return null;
  const who = full ?? p.petitioners;
  return (
    <>
      <PageHeader title={`${p.serial} ${p.subject}`} subtitle={<DeadlineTag p={p} />} />
      <div style={{ maxWidth: 900, background: '#fff', padding: 24, border: '1px solid #ddd' }}>
        <Descriptions bordered size="small" column={3}>
          <Descriptions.Item label={t('reception.petitions.serial')}>{p.serial}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.received')}>{p.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.channel')}>{t(`reception.channel.${p.channel}`)}</Descriptions.Item>
          {who.map((x, i) => (
            <Descriptions.Item key={i} label={t('reception.petitions.petitioner')} span={3}>
              <span data-testid="petitioner">
                {[
                  x.name,
                  `${t('reception.petitions.idNumber')}：${x.idNumber ?? '—'}`,
                  `${t('reception.petitions.phone')}：${x.phone ?? '—'}`,
                  x.address ?? '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('reception.petitions.category')}>{t(`reception.category.${p.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.status')} span={2}>
            <span data-testid="petition-status">{t(`reception.status.${p.status}`)}</span>
            {p.extensionDays ? `（${t('reception.petitions.extension')} ${p.extensionDays} 日）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.subject')} span={3}>
            {p.subject}
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.content')} span={3}>
            {p.content}
          </Descriptions.Item>
          {p.result ? (
            <Descriptions.Item label={t('reception.petitions.result')} span={3}>
              {p.result}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {full ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('reception.petitions.revealed')} /> : null}
        <h4 style={{ marginTop: 16 }}>{t('reception.petitions.history')}</h4>
        <Timeline
          items={p.events.map((e) => ({ children: `${e.on} ${e.byName} ${t(`reception.event.${e.kind}`)}${e.note ? `：${e.note}` : ''}` }))}
        />
      </div>
      <Space style={{ marginTop: 16 }}>
        {(['accept', 'reject', 'extend', 'close'] as const)
          .filter((a) => p.allowedActions.includes(a))
          .map((a) => (
            <Button key={a} type={a === 'reject' ? 'default' : 'primary'} data-testid={`petition-${a}`} onClick={() => setOpen(a)}>
              {t(`reception.petitions.${a}`)}
            </Button>
          ))}
        {p.allowedActions.includes('reveal') && !full ? (
          <Button data-testid="petition-reveal" onClick={async () => setFull((await reveal.mutateAsync(id)).petitioners)}>
            {t('reception.petitions.reveal')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={!!open}
        title={open ? t(`reception.petitions.${open}`) : ''}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        onCancel={() => setOpen(null)}
        okButtonProps={{ 'data-testid': 'step-ok' } as never}
        onOk={async () => {
          const v = await form.validateFields();
          const body = Object.fromEntries(
            FIELDS[open!].map((f) => [f.name, f.kind === 'date' ? (v[f.name] ?? dayjs()).format('YYYY-MM-DD') : v[f.name]]),
          );
          await step.mutateAsync({ id, step: open!, body });
          setOpen(null);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open
            ? FIELDS[open].map((f) => (
                <Form.Item
                  key={f.name}
                  name={f.name}
                  label={t(`reception.petitions.${f.name}`)}
                  initialValue={f.kind === 'date' ? dayjs() : undefined}
                  rules={
                    f.kind === 'date'
                      ? []
                      : f.kind === 'days'
                        ? [{ required: true }, { type: 'number', max: 30, message: '延期不得超过 30 日' }]
                        : [{ required: true, max: 1000 }]
                  }
                >
                  {f.kind === 'date' ? (
                    <DatePicker />
                  ) : f.kind === 'days' ? (
                    <InputNumber min={1} data-testid="step-days" />
                  ) : (
                    <Input data-testid={`step-${f.name}`} />
                  )}
                </Form.Item>
              ))
            : null}
        </Form>
      </Modal>
    </>
  );
}
