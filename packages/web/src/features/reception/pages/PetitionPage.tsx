/**
 * /reception/petitions/:id — the case as on the paper 信访登记表: particulars, the statutory dates of
 * 信访工作条例 (2022) (the 15-day written notice of 第二十三条, the objection of its 第三款, the 复查 and
 * 复核 windows of 第三十五条 and 第三十六条, hearing days), every step as a button the server offers, the history.
 */
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Space, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  petitionAcceptSchema,
  petitionCloseSchema,
  petitionExtendSchema,
  petitionHearingSchema,
  petitionObjectionResultSchema,
  petitionObjectionSchema,
  petitionRejectSchema,
  petitionReviewAnswerSchema,
  petitionReviewRequestSchema,
} from '@township-office/domain/reception.api';
import type { PetitionStep } from '@township-office/domain/petitions';
import type { z } from 'zod';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal, PageHeader, RecordLoader } from '../../../components/index.ts';
import { StatusTag } from '../../../lib/format.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { usePetition, usePetitionStep, useReveal, type Petition, type Petitioner } from '../api/reception.ts';
import { DeadlineTag } from './DeadlineTag.tsx';

type Kind = 'date' | 'text' | 'long' | 'days' | 'agreed';
interface StepForm {
  path: string;
  stage?: 'review' | 'rereview';
  schema: z.ZodObject;
  fields: { name: string; kind: Kind; label: string; optional?: boolean }[];
}

/** Each step: its endpoint, its body's schema (the form's rules) and its fields, labelled for what the date means here. */
const STEPS: Record<PetitionStep, StepForm> = {
  accept: {
    path: 'accept',
    schema: petitionAcceptSchema,
    fields: [
      { name: 'decidedOn', kind: 'date', label: 'decidedOn' },
      { name: 'notifiedOn', kind: 'date', label: 'notifiedOn' },
    ],
  },
  reject: {
    path: 'reject',
    schema: petitionRejectSchema,
    fields: [
      { name: 'decidedOn', kind: 'date', label: 'decidedOn' },
      { name: 'notifiedOn', kind: 'date', label: 'notifiedOn' },
      { name: 'reason', kind: 'long', label: 'reason' },
    ],
  },
  object: {
    path: 'objection',
    schema: petitionObjectionSchema,
    fields: [
      { name: 'objectedOn', kind: 'date', label: 'objectedOn' },
      { name: 'reason', kind: 'long', label: 'objectionReason' },
    ],
  },
  objectionResult: {
    path: 'objection-result',
    schema: petitionObjectionResultSchema,
    fields: [
      { name: 'decidedOn', kind: 'date', label: 'objectionDecidedOn' },
      { name: 'agreed', kind: 'agreed', label: 'objectionAgreed' },
      { name: 'note', kind: 'text', label: 'note', optional: true },
    ],
  },
  extend: {
    path: 'extend',
    schema: petitionExtendSchema,
    fields: [
      { name: 'days', kind: 'days', label: 'days' },
      { name: 'reason', kind: 'long', label: 'reason' },
      { name: 'approvedBy', kind: 'text', label: 'approvedBy' },
      { name: 'approvedOn', kind: 'date', label: 'approvedOn' },
      { name: 'notifiedOn', kind: 'date', label: 'notifiedOn' },
    ],
  },
  close: {
    path: 'close',
    schema: petitionCloseSchema,
    fields: [
      { name: 'closedOn', kind: 'date', label: 'closedOn' },
      { name: 'result', kind: 'long', label: 'result' },
      { name: 'answerNotifiedOn', kind: 'date', label: 'answerNotifiedOn' },
    ],
  },
  reviewRequest: {
    path: 'review-request',
    stage: 'review',
    schema: petitionReviewRequestSchema,
    fields: [
      { name: 'requestedOn', kind: 'date', label: 'requestedOn' },
      { name: 'organ', kind: 'text', label: 'reviewOrgan' },
    ],
  },
  reviewAnswer: {
    path: 'review-answer',
    stage: 'review',
    schema: petitionReviewAnswerSchema,
    fields: [
      { name: 'answeredOn', kind: 'date', label: 'answeredOn' },
      { name: 'notifiedOn', kind: 'date', label: 'answerReceivedOn' },
      { name: 'result', kind: 'long', label: 'reviewResult' },
    ],
  },
  rereviewRequest: {
    path: 'review-request',
    stage: 'rereview',
    schema: petitionReviewRequestSchema,
    fields: [
      { name: 'requestedOn', kind: 'date', label: 'requestedOn' },
      { name: 'organ', kind: 'text', label: 'rereviewOrgan' },
    ],
  },
  hearing: {
    path: 'hearing',
    schema: petitionHearingSchema,
    fields: [
      { name: 'startedOn', kind: 'date', label: 'hearingFrom' },
      { name: 'endedOn', kind: 'date', label: 'hearingTo' },
      { name: 'note', kind: 'text', label: 'note', optional: true },
    ],
  },
  rereviewAnswer: {
    path: 'review-answer',
    stage: 'rereview',
    schema: petitionReviewAnswerSchema,
    fields: [
      { name: 'answeredOn', kind: 'date', label: 'answeredOn' },
      { name: 'notifiedOn', kind: 'date', label: 'answerReceivedOn' },
      { name: 'result', kind: 'long', label: 'rereviewResult' },
    ],
  },
};
const STEP_ORDER = Object.keys(STEPS) as PetitionStep[];
const day = (d: unknown) => (dayjs.isDayjs(d) ? (d as Dayjs).format('YYYY-MM-DD') : d);

function StepDialog({ p, step, onClose }: { p: Petition; step: PetitionStep | null; onClose(): void }) {
  const t = useT();
  const rule = useZodRule();
  const run = usePetitionStep();
  const s = step ? STEPS[step] : null;
  return (
    <FormModal<Record<string, unknown>>
      open={!!s}
      onClose={onClose}
      title={step ? t(`reception.petitions.${step}`) : ''}
      okTestId="step-ok"
      successMessage={t('reception.petitions.saved')}
      initialValues={Object.fromEntries(
        (s?.fields ?? []).map((f) => [f.name, f.kind === 'date' ? dayjs() : f.kind === 'agreed' ? true : undefined]),
      )}
      onSubmit={(v) => {
        const body: Record<string, unknown> = s!.stage ? { stage: s!.stage } : {};
        for (const f of s!.fields) {
          const value = f.kind === 'date' ? day(v[f.name]) : v[f.name];
          if (value !== undefined && value !== '') body[f.name] = value;
        }
        return run.mutateAsync({ id: p.id, path: s!.path, body });
      }}
    >
      {s?.fields.map((f) => {
        const label = t(`reception.petitions.${f.label}`);
        const shape = s.schema.shape[f.name] as z.ZodType;
        return (
          <Form.Item
            key={f.name}
            name={f.name}
            label={label}
            rules={f.kind === 'agreed' ? [] : [rule(shape, label, f.kind === 'date' ? { from: day } : undefined)]}
          >
            {f.kind === 'date' ? (
              <DatePicker data-testid={`step-${f.name}`} />
            ) : f.kind === 'days' ? (
              <InputNumber min={1} max={30} data-testid="step-days" />
            ) : f.kind === 'agreed' ? (
              <Radio.Group
                data-testid="step-agreed"
                options={[
                  { value: true, label: t('reception.petitions.agreedYes') },
                  { value: false, label: t('reception.petitions.agreedNo') },
                ]}
              />
            ) : f.kind === 'long' ? (
              <Input.TextArea rows={3} data-testid={`step-${f.name}`} />
            ) : (
              <Input data-testid={`step-${f.name}`} />
            )}
          </Form.Item>
        );
      })}
    </FormModal>
  );
}

function CaseView({ p }: { p: Petition }) {
  const t = useT();
  const reveal = useReveal();
  const [full, setFull] = useState<Petitioner[] | null>(null);
  const [open, setOpen] = useState<PetitionStep | null>(null);
  const who = full ?? p.petitioners;
  const d = (v: string | null | undefined) => v ?? '—';
  const reviewShown = p.closedOn !== null;
  return (
    <>
      <PageHeader title={`${p.serial} ${p.subject}`} subtitle={<DeadlineTag p={p} />} />
      <div style={{ maxWidth: 960, background: '#fff', padding: 24, border: '1px solid #ddd' }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('reception.petitions.serial')}>{p.serial}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.received')}>{p.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.channel')}>{t(`reception.channel.${p.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.source')}>
            {t(`reception.source.${p.source}`)}
            {p.transferredBy ? `（${p.transferredBy}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.category')}>{t(`reception.category.${p.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.status')}>
            <span data-testid="petition-status">{t(`reception.status.${p.status}`)}</span>
            {p.extensionDays ? `（${t('reception.petitions.extension')} ${p.extensionDays} ${t('reception.petitions.daysUnit')}）` : ''}
          </Descriptions.Item>
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
          <Descriptions.Item label={t('reception.petitions.subject')} span={3}>
            {p.subject}
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.content')} span={3}>
            {p.content}
          </Descriptions.Item>
          {p.newFacts ? (
            <Descriptions.Item label={t('reception.petitions.newFacts')} span={3}>
              {p.newFacts}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('reception.petitions.noticeDueOn')}>{p.noticeDueOn}</Descriptions.Item>
          <Descriptions.Item label={t('reception.petitions.notifiedOn')} span={2}>
            {d(p.notifiedOn)}{' '}
            {p.noticeLate ? (
              <span data-testid="notice-late">
                <StatusTag tone="overdue">{t('reception.petitions.noticeLate')}</StatusTag>
              </span>
            ) : null}
          </Descriptions.Item>
          {p.objectionDueOn ? (
            <Descriptions.Item label={t('reception.petitions.objectionDueOn')} span={3}>
              {p.objectionDueOn}
              {p.objectedOn ? ` · ${t('reception.petitions.objectedOn')} ${p.objectedOn}：${p.objectionReason}` : ''}
              {p.objectionAgreed !== null
                ? ` · ${t(p.objectionAgreed ? 'reception.petitions.agreedYes' : 'reception.petitions.agreedNo')}`
                : ''}
            </Descriptions.Item>
          ) : null}
          {p.result ? (
            <Descriptions.Item label={t('reception.petitions.result')} span={3}>
              {p.result}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {reviewShown ? (
          <Card size="small" style={{ marginTop: 16 }} title={t('reception.petitions.reviewTitle')} data-testid="review-card">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('reception.petitions.answerNotifiedOn')}>{d(p.answerNotifiedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.reviewRequestDueOn')}>{d(p.reviewRequestDueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.reviewRequestedOn')}>
                {d(p.reviewRequestedOn)}
                {p.reviewOrgan ? `（${p.reviewOrgan}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.reviewAnsweredOn')}>
                {d(p.reviewAnsweredOn)}
                {p.reviewAnswerNotifiedOn ? ` · ${t('reception.petitions.answerReceivedOn')} ${p.reviewAnswerNotifiedOn}` : ''}
              </Descriptions.Item>
              {p.reviewResult ? (
                <Descriptions.Item label={t('reception.petitions.reviewResult')} span={2}>
                  {p.reviewResult}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('reception.petitions.rereviewRequestDueOn')}>{d(p.rereviewRequestDueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.rereviewRequestedOn')}>
                {d(p.rereviewRequestedOn)}
                {p.rereviewOrgan ? `（${p.rereviewOrgan}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.hearingDays')}>
                <span data-testid="hearing-days">{p.rereviewHearingDays}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.rereviewAnswerDueOn')}>{d(p.rereviewAnswerDueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('reception.petitions.rereviewAnsweredOn')}>
                {d(p.rereviewAnsweredOn)}
                {p.rereviewAnswerNotifiedOn ? ` · ${t('reception.petitions.answerReceivedOn')} ${p.rereviewAnswerNotifiedOn}` : ''}
              </Descriptions.Item>
              {p.rereviewResult ? (
                <Descriptions.Item label={t('reception.petitions.rereviewResult')} span={2}>
                  {p.rereviewResult}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('reception.petitions.reviewRule')} />
          </Card>
        ) : null}
        {full ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('reception.petitions.revealed')} /> : null}
        <h4 style={{ marginTop: 16 }}>{t('reception.petitions.history')}</h4>
        <Timeline
          items={p.events.map((e) => ({ children: `${e.on} ${e.byName} ${t(`reception.event.${e.kind}`)}${e.note ? `：${e.note}` : ''}` }))}
        />
      </div>
      <Space wrap style={{ marginTop: 16 }}>
        {STEP_ORDER.filter((a) => p.allowedActions.includes(a)).map((a) => (
          <Button
            key={a}
            type={a === 'reject' || a === 'object' || a === 'hearing' ? 'default' : 'primary'}
            data-testid={`petition-${a}`}
            onClick={() => setOpen(a)}
          >
            {t(`reception.petitions.${a}`)}
          </Button>
        ))}
        {p.allowedActions.includes('reveal') && !full ? (
          <Button data-testid="petition-reveal" onClick={async () => setFull((await reveal.mutateAsync(p.id)).petitioners)}>
            {t('reception.petitions.reveal')}
          </Button>
        ) : null}
      </Space>
      <StepDialog p={p} step={open} onClose={() => setOpen(null)} />
    </>
  );
}

export default function PetitionPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = usePetition(id);
  return (
    <RecordLoader query={q} notFound={t('reception.petitions.notFound')} backTo="/reception/petitions">
      {(p) => <CaseView p={p} />}
    </RecordLoader>
  );
}
