/**
 * The fields of a classified paper record (issue 13): 保密期限 (a number with 年/个月/天, or 长期; printed
 * 秘密★1年), the paper channel (机要交通, 机要通信, 专人送达) and the 份号 of the copies (6 digits each).
 * Shown only when the classification is not 非密; the server's schema refuses them otherwise.
 */
import { Flex, Form, InputNumber, Input, Radio } from 'antd';
import { PAPER_CHANNELS, SECRECY_UNITS, parseCopyNumbers, type SecrecyPeriod, type SecrecyUnit } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** What the form holds for the period: two fields, made into the API's object by `secrecyPeriodOf`. */
export interface SecrecyFormValues {
  /** '' is 不标注 (no period). */
  secrecyUnit?: SecrecyUnit | '' | null;
  secrecyAmount?: number | null;
}

export function secrecyPeriodOf(v: SecrecyFormValues): SecrecyPeriod | null {
  if (!v.secrecyUnit) return null;
  return v.secrecyUnit === 'long_term' ? { unit: 'long_term' } : { unit: v.secrecyUnit, amount: v.secrecyAmount ?? null };
}

export function SecrecyPeriodField({ testId }: { testId: string }) {
  const t = useT();
  const form = Form.useFormInstance<SecrecyFormValues>();
  const unit = Form.useWatch('secrecyUnit', form);
  return (
    <Form.Item label={t('documents.secrecy.period')} style={{ marginBottom: 0 }}>
      <Flex gap={8}>
        {unit && unit !== 'long_term' ? (
          <Form.Item name="secrecyAmount" rules={[{ required: true, message: t('documents.secrecy.amountRequired') }]}>
            <InputNumber min={1} max={99} precision={0} style={{ width: 96 }} data-testid={`${testId}-amount`} />
          </Form.Item>
        ) : null}
        <Form.Item name="secrecyUnit" initialValue="">
          <Radio.Group
            optionType="button"
            data-testid={`${testId}-unit`}
            options={[
              { value: '', label: t('documents.secrecy.none') },
              ...SECRECY_UNITS.map((u) => ({ value: u, label: t(`documents.secrecy.unit.${u}`) })),
            ]}
          />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}

export function PaperChannelField({ testId }: { testId: string }) {
  const t = useT();
  return (
    <Form.Item name="paperChannel" label={t('documents.secrecy.paperChannel')}>
      <Radio.Group
        optionType="button"
        data-testid={testId}
        options={PAPER_CHANNELS.map((c) => ({ value: c, label: t(`documents.secrecy.channel.${c}`) }))}
      />
    </Form.Item>
  );
}

export function CopyNumbersField({ label, testId }: { label: string; testId: string }) {
  const t = useT();
  return (
    <Form.Item
      name="copyNumbers"
      label={label}
      extra={t('documents.secrecy.copyNumbersHint')}
      rules={[
        {
          validator: (_r, v: string | undefined) =>
            !v?.trim() || parseCopyNumbers(v) ? Promise.resolve() : Promise.reject(new Error(t('documents.secrecy.copyNumbersFormat'))),
        },
      ]}
    >
      <Input maxLength={200} placeholder={t('documents.action.copyNumbersPlaceholder')} data-testid={testId} />
    </Form.Item>
  );
}
