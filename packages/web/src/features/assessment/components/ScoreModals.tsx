/** The county's score for one office and item (with reason and evidence), and its answer to an appeal. */
import { Form, Input, InputNumber } from 'antd';
import { appealAnswerSchema, scoreEntrySchema } from '@township-office/domain/assessment.api';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useAnswerAppeal, useEnterScore, type IndicatorOut } from '../api/assessment.ts';

export function ScoreModal({
  schemeId,
  orgId,
  orgName,
  indicator,
  current,
  evidence,
  onClose,
}: {
  schemeId: string;
  orgId: string;
  orgName: string;
  indicator: IndicatorOut;
  current?: number;
  /** The office's self-assessment evidence, shown to the scorer. */
  evidence?: string;
  onClose(): void;
}) {
  const t = useT();
  const rule = useZodRule();
  const enter = useEnterScore(schemeId);
  const min = indicator.method === 'deduction' ? -indicator.weight : 0;
  const max = indicator.method === 'deduction' ? 0 : indicator.weight;
  const s = scoreEntrySchema.shape;
  return (
    <FormModal<{ score: number; reason: string; evidence?: string }>
      open
      onClose={onClose}
      title={t('assessment.score.title', { org: orgName, code: indicator.code, name: indicator.name })}
      initialValues={{ score: current }}
      onSubmit={(v) =>
        enter.mutateAsync({ orgId, code: indicator.code, score: v.score, reason: v.reason, evidence: v.evidence || undefined })
      }
      successMessage={t('assessment.saved')}
      okTestId="score-save"
    >
      {evidence ? (
        <Form.Item label={t('assessment.self.evidence')}>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="score-self-evidence">
            {evidence}
          </div>
        </Form.Item>
      ) : null}
      <Form.Item
        name="score"
        label={t('assessment.score.score', { min, max })}
        rules={[rule(s.score.min(min).max(max), t('assessment.score.scoreLabel'))]}
      >
        <InputNumber min={min} max={max} step={0.5} data-testid="score-value" />
      </Form.Item>
      <Form.Item name="reason" label={t('assessment.score.reason')} rules={[rule(s.reason, t('assessment.score.reason'))]}>
        <Input.TextArea rows={3} data-testid="score-reason" />
      </Form.Item>
      <Form.Item name="evidence" label={t('assessment.score.evidence')} rules={[rule(s.evidence, t('assessment.score.evidence'))]}>
        <Input.TextArea rows={2} placeholder={t('assessment.score.evidenceHelp')} />
      </Form.Item>
    </FormModal>
  );
}

export function AppealAnswerModal({ appealId, indicator, onClose }: { appealId: string; indicator?: IndicatorOut; onClose(): void }) {
  const t = useT();
  const rule = useZodRule();
  const answer = useAnswerAppeal();
  const s = appealAnswerSchema.shape;
  const max = indicator ? (indicator.method === 'deduction' ? 0 : indicator.weight) : 100;
  const min = indicator?.method === 'deduction' ? -indicator.weight : 0;
  return (
    <FormModal<{ answer: string; newScore?: number }>
      open
      onClose={onClose}
      title={t('assessment.appeal.answerTitle')}
      onSubmit={(v) => answer.mutateAsync({ id: appealId, answer: v.answer, newScore: v.newScore ?? null })}
      successMessage={t('assessment.saved')}
      okTestId="appeal-answer-save"
    >
      <Form.Item name="answer" label={t('assessment.appeal.answer')} rules={[rule(s.answer, t('assessment.appeal.answer'))]}>
        <Input.TextArea rows={3} data-testid="appeal-answer" />
      </Form.Item>
      <Form.Item name="newScore" label={t('assessment.appeal.newScore', { min, max })} extra={t('assessment.appeal.newScoreHelp')}>
        <InputNumber min={min} max={max} step={0.5} data-testid="appeal-new-score" />
      </Form.Item>
    </FormModal>
  );
}
