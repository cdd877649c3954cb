/**
 * One indicator of a draft scheme: code, parent, name, points, description, scoring method, and for
 * a measured one (or a deduction or bonus counted from the records) its metric and rule.
 */
import { Form, Input, InputNumber, Select } from 'antd';
import { indicatorSchema, type Indicator, type ScoringRule } from '@township-office/domain/assessment';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import type { IndicatorOut } from '../api/assessment.ts';
import { METHODS } from './labels.ts';

export interface IndicatorValues {
  code: string;
  parentCode?: string;
  name: string;
  weight: number;
  method: Indicator['method'];
  metric?: string;
  description?: string;
  ruleKind?: 'default' | ScoringRule['kind'];
  target?: number;
  floor?: number;
  points?: number;
  cap?: number;
}

export function toValues(i: IndicatorOut): IndicatorValues {
  const r = i.rule;
  return {
    code: i.code,
    parentCode: i.parentCode ?? undefined,
    name: i.name,
    weight: i.weight,
    method: i.method,
    metric: i.metric ?? undefined,
    description: i.description || undefined,
    ruleKind: r?.kind ?? 'default',
    target: r && r.kind !== 'per_event' ? r.target : undefined,
    floor: r?.kind === 'linear' ? r.floor : undefined,
    points: r?.kind === 'per_event' ? r.points : undefined,
    cap: r?.kind === 'per_event' ? r.cap : undefined,
  };
}

export function fromValues(v: IndicatorValues): Indicator {
  const metric = v.metric ?? null;
  let rule: ScoringRule | null = null;
  if (metric && v.ruleKind === 'target') rule = { kind: 'target', target: v.target ?? 1 };
  if (metric && v.ruleKind === 'linear') rule = { kind: 'linear', floor: v.floor ?? 0, target: v.target ?? 1 };
  if (metric && v.ruleKind === 'per_event') rule = { kind: 'per_event', points: v.points ?? 1, cap: v.cap ?? v.weight };
  return {
    code: v.code.trim(),
    parentCode: v.parentCode ?? null,
    name: v.name,
    weight: v.weight,
    method: v.method,
    metric: v.method === 'manual' || v.method === 'self' ? null : metric,
    description: v.description ?? '',
    rule,
  };
}

export function IndicatorModal({
  open,
  onClose,
  title,
  initial,
  parents,
  metrics,
  onSubmit,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  initial: Partial<IndicatorValues>;
  /** Codes and names a parent may be chosen from. */
  parents: { code: string; name: string }[];
  metrics: { key: string }[];
  onSubmit(v: IndicatorValues): Promise<unknown>;
}) {
  const t = useT();
  const rule = useZodRule();
  const [form] = Form.useForm<IndicatorValues>();
  const method = Form.useWatch('method', form);
  const metric = Form.useWatch('metric', form);
  const ruleKind = Form.useWatch('ruleKind', form);
  const counted = method === 'measured' || method === 'deduction' || method === 'bonus';
  const s = indicatorSchema.shape;
  return (
    <FormModal<IndicatorValues>
      open={open}
      onClose={onClose}
      title={title}
      form={form}
      initialValues={{ ruleKind: 'default', method: 'manual', ...initial }}
      onSubmit={onSubmit}
      successMessage={t('assessment.saved')}
      testId="indicator-form"
      okTestId="indicator-save"
      width={640}
    >
      <Form.Item name="code" label={t('assessment.col.code')} rules={[rule(s.code, t('assessment.col.code'))]}>
        <Input data-testid="indicator-code" />
      </Form.Item>
      <Form.Item name="parentCode" label={t('assessment.form.parent')}>
        <Select
          allowClear
          placeholder={t('assessment.form.topLevel')}
          options={parents.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('assessment.col.name')} rules={[rule(s.name, t('assessment.col.name'))]}>
        <Input data-testid="indicator-name" />
      </Form.Item>
      <Form.Item
        name="weight"
        label={t('assessment.col.weight')}
        extra={t('assessment.form.weightHelp')}
        rules={[rule(s.weight.min(0), t('assessment.col.weight'))]}
      >
        <InputNumber min={0} max={100} step={0.5} data-testid="indicator-weight" />
      </Form.Item>
      <Form.Item name="method" label={t('assessment.col.method')} rules={[{ required: true }]}>
        <Select data-testid="indicator-method" options={METHODS.map((m) => ({ value: m, label: t(`assessment.method.${m}`) }))} />
      </Form.Item>
      {counted && (
        <Form.Item
          name="metric"
          label={t('assessment.col.metric')}
          extra={metric ? t(`assessment.metricFormula.${metric}`) : method === 'measured' ? undefined : t('assessment.form.metricOptional')}
          rules={method === 'measured' ? [{ required: true, message: t('assessment.form.metricRequired') }] : []}
        >
          <Select
            allowClear
            data-testid="indicator-metric"
            options={metrics.map((m) => ({ value: m.key, label: t(`assessment.metric.${m.key}`) }))}
          />
        </Form.Item>
      )}
      {counted && metric && (
        <Form.Item name="ruleKind" label={t('assessment.form.rule')}>
          <Select
            options={(method === 'measured' ? ['default', 'target', 'linear', 'per_event'] : ['default', 'per_event']).map((k) => ({
              value: k,
              label: t(`assessment.rule.${k}`),
            }))}
          />
        </Form.Item>
      )}
      {counted && metric && (ruleKind === 'target' || ruleKind === 'linear') && (
        <Form.Item name="target" label={t('assessment.form.target')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
      )}
      {counted && metric && ruleKind === 'linear' && (
        <Form.Item name="floor" label={t('assessment.form.floor')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
      )}
      {counted && metric && ruleKind === 'per_event' && (
        <>
          <Form.Item name="points" label={t('assessment.form.perEvent')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
          <Form.Item name="cap" label={t('assessment.form.cap')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="description"
        label={t('assessment.form.description')}
        rules={[rule(s.description, t('assessment.form.description'))]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
