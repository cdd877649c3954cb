/** A new year's scheme, usually a copy of last year's (the county then edits the copy, a draft). */
import { Form, Input, InputNumber, Select } from 'antd';
import { TARGET_KINDS, type TargetKind } from '@township-office/domain/assessment';
import { schemeCreateSchema } from '@township-office/domain/assessment.api';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useCreateScheme, useSchemes } from '../api/assessment.ts';

interface Values {
  year: number;
  targetKind: TargetKind;
  title: string;
  copyFromSchemeId?: string;
}

export function SchemeCreateModal({
  year,
  onClose,
  onCreated,
}: {
  year: number;
  onClose(): void;
  onCreated(id: string, year: number): void;
}) {
  const t = useT();
  const rule = useZodRule();
  const [form] = Form.useForm<Values>();
  const chosenYear = Form.useWatch('year', form) ?? year;
  const kind = Form.useWatch('targetKind', form);
  const previous = useSchemes(chosenYear - 1);
  const create = useCreateScheme();
  const sources = (previous.data?.items ?? []).filter((s) => !kind || s.targetKind === kind);
  const s = schemeCreateSchema.shape;
  return (
    <FormModal<Values>
      open
      form={form}
      onClose={onClose}
      title={t('assessment.create.title')}
      initialValues={{ year, targetKind: 'township' }}
      onSubmit={async (v) => {
        const r = await create.mutateAsync({ ...v, copyFromSchemeId: v.copyFromSchemeId ?? null });
        onCreated(r.id, v.year);
      }}
      successMessage={t('assessment.create.done')}
      okTestId="scheme-create-save"
    >
      <Form.Item name="year" label={t('assessment.year')} rules={[rule(s.year, t('assessment.year'))]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item
        name="targetKind"
        label={t('assessment.create.targetKind')}
        rules={[rule(s.targetKind, t('assessment.create.targetKind'))]}
      >
        <Select options={TARGET_KINDS.map((k) => ({ value: k, label: t(`assessment.target.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('assessment.create.schemeTitle')} rules={[rule(s.title, t('assessment.create.schemeTitle'))]}>
        <Input data-testid="scheme-title" />
      </Form.Item>
      <Form.Item name="copyFromSchemeId" label={t('assessment.create.copyFrom')} extra={t('assessment.create.copyHelp')}>
        <Select
          allowClear
          data-testid="scheme-copy-from"
          placeholder={t('assessment.create.empty')}
          options={sources.map((x) => ({ value: x.id, label: x.title }))}
        />
      </Form.Item>
    </FormModal>
  );
}
