/** What an office sends: a comment on the draft, its self-assessment evidence, an appeal in the notice. */
import { Form, Input, Select } from 'antd';
import { appealCreateSchema, commentAnswerSchema, commentCreateSchema, selfReportSchema } from '@township-office/domain/assessment.api';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useAnswerComment, useAppeal, useComment, useSelfReport, type IndicatorOut } from '../api/assessment.ts';

const options = (items: readonly IndicatorOut[]) => items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));

export function CommentModal({ schemeId, indicators, onClose }: { schemeId: string; indicators: IndicatorOut[]; onClose(): void }) {
  const t = useT();
  const rule = useZodRule();
  const comment = useComment(schemeId);
  return (
    <FormModal<{ code?: string; text: string }>
      open
      onClose={onClose}
      title={t('assessment.consult.comment')}
      onSubmit={(v) => comment.mutateAsync({ code: v.code ?? null, text: v.text })}
      successMessage={t('assessment.consult.sent')}
      okTestId="comment-save"
    >
      <Form.Item name="code" label={t('assessment.col.name')} extra={t('assessment.consult.wholeScheme')}>
        <Select allowClear data-testid="comment-code" options={options(indicators)} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('assessment.consult.text')}
        rules={[rule(commentCreateSchema.shape.text, t('assessment.consult.text'))]}
      >
        <Input.TextArea rows={4} data-testid="comment-text" />
      </Form.Item>
    </FormModal>
  );
}

export function CommentAnswerModal({ commentId, onClose }: { commentId: string; onClose(): void }) {
  const t = useT();
  const rule = useZodRule();
  const answer = useAnswerComment();
  return (
    <FormModal<{ adopted: boolean; answer: string }>
      open
      onClose={onClose}
      title={t('assessment.consult.answerTitle')}
      initialValues={{ adopted: true }}
      onSubmit={(v) => answer.mutateAsync({ id: commentId, ...v })}
      successMessage={t('assessment.saved')}
      okTestId="comment-answer-save"
    >
      <Form.Item name="adopted" label={t('assessment.consult.adopted')} rules={[{ required: true }]}>
        <Select
          data-testid="comment-adopted"
          options={[
            { value: true, label: t('assessment.consult.yes') },
            { value: false, label: t('assessment.consult.no') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('assessment.consult.answer')}
        rules={[rule(commentAnswerSchema.shape.answer, t('assessment.consult.answer'))]}
      >
        <Input.TextArea rows={3} data-testid="comment-answer" />
      </Form.Item>
    </FormModal>
  );
}

export function SelfReportModal({
  schemeId,
  indicators,
  initialCode,
  onClose,
}: {
  schemeId: string;
  indicators: IndicatorOut[];
  initialCode?: string;
  onClose(): void;
}) {
  const t = useT();
  const rule = useZodRule();
  const report = useSelfReport(schemeId);
  return (
    <FormModal<{ code: string; evidence: string }>
      open
      onClose={onClose}
      title={t('assessment.self.title')}
      initialValues={{ code: initialCode }}
      onSubmit={(v) => report.mutateAsync(v)}
      successMessage={t('assessment.self.sent')}
      okTestId="self-save"
    >
      <Form.Item name="code" label={t('assessment.col.name')} rules={[{ required: true, message: t('assessment.self.pick') }]}>
        <Select data-testid="self-code" options={options(indicators)} />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('assessment.self.evidence')}
        extra={t('assessment.self.evidenceHelp')}
        rules={[rule(selfReportSchema.shape.evidence, t('assessment.self.evidence'))]}
      >
        <Input.TextArea rows={5} data-testid="self-evidence" />
      </Form.Item>
    </FormModal>
  );
}

export function AppealModal({
  schemeId,
  indicators,
  initialCode,
  onClose,
}: {
  schemeId: string;
  indicators: IndicatorOut[];
  initialCode?: string;
  onClose(): void;
}) {
  const t = useT();
  const rule = useZodRule();
  const appeal = useAppeal(schemeId);
  return (
    <FormModal<{ code: string; reason: string }>
      open
      onClose={onClose}
      title={t('assessment.appeal.title')}
      initialValues={{ code: initialCode }}
      onSubmit={(v) => appeal.mutateAsync(v)}
      successMessage={t('assessment.appeal.sent')}
      okTestId="appeal-save"
    >
      <Form.Item name="code" label={t('assessment.col.name')} rules={[{ required: true, message: t('assessment.self.pick') }]}>
        <Select data-testid="appeal-code" options={options(indicators)} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assessment.appeal.reason')}
        rules={[rule(appealCreateSchema.shape.reason, t('assessment.appeal.reason'))]}
      >
        <Input.TextArea rows={4} data-testid="appeal-reason" />
      </Form.Item>
    </FormModal>
  );
}
