/** 登记纸质来文: a document that came on paper, by hand; a classified one as metadata only. */
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { CLASSIFICATIONS, DOC_TYPES, TITLE_MAX, URGENCIES, type IncomingPaper } from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useRegisterPaper } from '../api/incoming.ts';
import { CopyNumbersField, PaperChannelField, SecrecyPeriodField, secrecyPeriodOf, type SecrecyFormValues } from './SecrecyFields.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

type PaperValues = Omit<IncomingPaper, 'receivedDate' | 'secrecyPeriod'> & { receivedDate: dayjs.Dayjs } & SecrecyFormValues;

export function PaperIncomingModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(id: string): void }) {
  const t = useT();
  const { message } = useApp();
  const [form] = Form.useForm<PaperValues>();
  const register = useRegisterPaper();
  const classification = Form.useWatch('classification', form) ?? 'none';
  const classified = classification !== 'none';
  return (
    <FormModal<PaperValues>
      open={open}
      onClose={onClose}
      title={t('documents.paper.title')}
      form={form}
      layout="horizontal"
      labelCol={{ flex: '96px' }}
      width={640}
      initialValues={{ urgency: 'none', classification: 'none', copies: 1, receivedDate: dayjs() }}
      testId="paper-form"
      onSubmit={async ({ secrecyUnit, secrecyAmount, ...v }) => {
        const r = await register.mutateAsync({
          ...v,
          docNumber: v.docNumber?.trim() || null,
          // 保密期限, 份号 and the channel belong to a classified record only (the server refuses them on 非密).
          copyNumbers: classified ? v.copyNumbers?.trim() || null : null,
          secrecyPeriod: classified ? secrecyPeriodOf({ secrecyUnit, secrecyAmount }) : null,
          paperChannel: classified ? (v.paperChannel ?? null) : null,
          body: classified ? null : v.body?.trim() || null,
          receivedDate: v.receivedDate.format('YYYY-MM-DD'),
        });
        // The message names the serial the server gave, so it is shown here rather than as successMessage.
        void message.success(t('documents.paper.done', { serial: r.serial }));
        onDone(r.id);
      }}
    >
      <Form.Item
        name="senderName"
        label={t('documents.paper.senderName')}
        rules={[{ required: true, whitespace: true, message: t('documents.paper.senderRequired') }]}
      >
        <Input maxLength={100} data-testid="paper-sender" />
      </Form.Item>
      <Form.Item name="docNumber" label={t('documents.paper.docNumber')}>
        <Input maxLength={60} placeholder="某委发〔2026〕3号" data-testid="paper-number" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('documents.paper.title2')}
        rules={[{ required: true, whitespace: true, message: t('documents.form.titleRequired') }]}
      >
        <Input maxLength={TITLE_MAX} data-testid="paper-title" />
      </Form.Item>
      <Form.Item name="docType" label={t('documents.paper.docType')}>
        <Select allowClear options={DOC_TYPES.map((d) => ({ value: d, label: d }))} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="urgency" label={t('documents.paper.urgency')}>
        <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} />
      </Form.Item>
      <Form.Item name="classification" label={t('documents.paper.classification')}>
        <Radio.Group
          optionType="button"
          options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`documents.classification.${c}`) }))}
          data-testid="paper-classification"
        />
      </Form.Item>
      {classified ? (
        <>
          <Form.Item label=" " colon={false}>
            <Alert
              type="warning"
              showIcon
              message={t('documents.form.classifiedAlertTitle')}
              description={t('documents.slip.classifiedBody')}
              data-testid="paper-classified-alert"
            />
          </Form.Item>
          <SecrecyPeriodField testId="paper-secrecy" />
        </>
      ) : null}
      <Form.Item name="copies" label={t('documents.paper.copies')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} data-testid="paper-copies" />
      </Form.Item>
      {classified ? (
        <>
          <CopyNumbersField label={t('documents.paper.copyNumbers')} testId="paper-copy-numbers" />
          <PaperChannelField testId="paper-channel" />
        </>
      ) : null}
      <Form.Item name="receivedDate" label={t('documents.paper.receivedDate')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      {classified ? null : (
        <Form.Item name="body" label={t('documents.paper.body')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
