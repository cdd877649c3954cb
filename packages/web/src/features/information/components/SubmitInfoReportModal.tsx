import { Form, Input, Select } from 'antd';
import { INFO_KINDS, INFO_URGENCIES, type InfoKind, type InfoUrgency } from '@township-office/domain/information';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useSubmitInfoReport } from '../api/information.ts';

interface Values {
  title: string;
  content: string;
  kind: InfoKind;
  urgency: InfoUrgency;
}

/** The township's submission form, with the server's limits beside each field. */
export function SubmitInfoReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const submit = useSubmitInfoReport();
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      title={t('information.submissions.new')}
      width={720}
      initialValues={{ kind: 'news', urgency: 'none' }}
      onSubmit={(v) => submit.mutateAsync(v)}
      successMessage={t('information.form.submitted')}
      testId="info-submit-form"
    >
      <Form.Item name="title" label={t('information.form.title')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="kind" label={t('information.form.kind')} rules={[{ required: true }]}>
        <Select options={INFO_KINDS.map((k) => ({ value: k, label: t(`information.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('information.form.urgency')}>
        <Select options={INFO_URGENCIES.map((k) => ({ value: k, label: t(`information.urgency.${k}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('information.form.content')} rules={[{ required: true, min: 10, max: 20000 }]}>
        <Input.TextArea rows={10} maxLength={20000} showCount />
      </Form.Item>
    </FormModal>
  );
}
