/**
 * /documents/outgoing/new and /documents/outgoing/:id/edit — the draft. Choosing 秘密/机密/绝密
 * turns it into the registration of a paper original: no body, no attachments (保密法).
 * A new draft is kept in the browser while typed, so nothing is lost before the first save.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  CLASSIFICATIONS,
  DOC_TYPES,
  TITLE_MAX,
  URGENCIES,
  type Classification,
  type DocType,
  type Urgency,
} from '@township-office/domain/documents';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { uploadAttachment, useCreateDocument, useDocument, useUpdateDocument } from '../api/documents.ts';
import { BodyEditor } from '../components/BodyEditor.tsx';
import { fromBody, toBody, type Paragraph } from '../components/body.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { joinRecipients, splitRecipients } from '../../../components/OrgPicker.tsx';
import { SecrecyPeriodField, secrecyPeriodOf, type SecrecyFormValues } from '../components/SecrecyFields.tsx';
import { useApp } from '../../../lib/app-messages.tsx';

interface Values extends SecrecyFormValues {
  docType: DocType;
  title: string;
  mainRecipientOrgIds: string[];
  copyRecipientOrgIds: string[];
  urgency: Urgency;
  classification: Classification;
  paragraphs: Paragraph[];
  attachmentNote?: string;
  remark?: string;
  important?: boolean;
  countersignOrgIds?: string[];
}

const LOCAL_KEY = 'documents.draft.new';
const EMPTY: Values = {
  docType: '通知',
  title: '',
  mainRecipientOrgIds: [],
  copyRecipientOrgIds: [],
  urgency: 'none',
  classification: 'none',
  paragraphs: [{ level: 0, text: '' }],
};

export default function DraftPage() {
  const { id } = useParams();
  const existing = useDocument(id);
  if (id && existing.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  const doc = existing.data;
  const initial: Values | undefined = doc
    ? {
        docType: doc.docType as DocType,
        title: doc.title,
        mainRecipientOrgIds: joinRecipients(doc.mainRecipientOrgIds, doc.mainRecipientGroups),
        copyRecipientOrgIds: joinRecipients(doc.copyRecipientOrgIds, doc.copyRecipientGroups),
        urgency: doc.urgency,
        classification: doc.classification,
        paragraphs: fromBody(doc.body),
        attachmentNote: doc.attachmentNote ?? '',
        remark: doc.remark ?? '',
        important: doc.important,
        countersignOrgIds: doc.countersignOrgIds,
        secrecyUnit: doc.secrecyPeriod?.unit ?? '',
        secrecyAmount: doc.secrecyPeriod?.amount ?? null,
      }
    : undefined;
  return <DraftForm id={id} initial={initial} />;
}

function DraftForm({ id, initial }: { id?: string; initial?: Values }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDocument();
  const update = useUpdateDocument(id ?? '');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const classification = Form.useWatch('classification', form) ?? 'none';
  const main = Form.useWatch('mainRecipientOrgIds', form) ?? [];
  const copy = Form.useWatch('copyRecipientOrgIds', form) ?? [];
  const countersign = Form.useWatch('countersignOrgIds', form) ?? [];
  const classified = classification !== 'none';

  useEffect(() => {
    if (id) return;
    const raw = localStorage.getItem(LOCAL_KEY);
    if (!raw) return;
    try {
      form.setFieldsValue(JSON.parse(raw) as Values);
      setRestored(true);
    } catch {
      localStorage.removeItem(LOCAL_KEY);
    }
  }, [id, form]);

  const onValuesChange = () => {
    if (id) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      localStorage.setItem(LOCAL_KEY, JSON.stringify(form.getFieldsValue(true)));
      setSavedAt(new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }));
    }, 800);
  };

  const save = async (v: Values) => {
    setServerError(null);
    const payload = {
      docType: v.docType,
      title: v.title.trim(),
      // The pickers hold single orgs and groups (group:<id>); the server expands the groups and keeps their names.
      mainRecipientOrgIds: splitRecipients(v.mainRecipientOrgIds).orgIds,
      mainRecipientGroupIds: splitRecipients(v.mainRecipientOrgIds).groupIds,
      copyRecipientOrgIds: splitRecipients(v.copyRecipientOrgIds).orgIds,
      copyRecipientGroupIds: splitRecipients(v.copyRecipientOrgIds).groupIds,
      urgency: v.urgency,
      classification: v.classification,
      important: v.important ?? false,
      countersignOrgIds: v.countersignOrgIds ?? [],
      // 保密期限 (printed 秘密★1年) belongs to a classified record only.
      secrecyPeriod: v.classification === 'none' ? null : secrecyPeriodOf(v),
      // A classified record carries no content at all: the server refuses it anyway.
      body: v.classification === 'none' ? toBody(v.paragraphs ?? []) || null : null,
      attachmentNote: v.classification === 'none' ? v.attachmentNote?.trim() || null : null,
      remark: v.remark?.trim() || null,
    };
    try {
      const docId = id ?? (await create.mutateAsync(payload)).id;
      if (id) await update.mutateAsync(payload);
      clearTimeout(timer.current);
      if (!id) localStorage.removeItem(LOCAL_KEY);
      for (const f of v.classification === 'none' ? files : []) {
        try {
          await uploadAttachment(docId, f.originFileObj as File);
        } catch (err) {
          void message.error(t('documents.form.uploadFailed', { name: f.name, error: (err as Error).message }));
        }
      }
      void message.success(t('documents.form.saved'));
      navigate(`/documents/outgoing/${docId}`);
    } catch (err) {
      if (err instanceof ApiError) setServerError(err.message);
    }
  };

  return (
    <>
      <PageHeader
        title={id ? t('documents.form.editTitle') : t('documents.form.newTitle')}
        subtitle={savedAt ? t('documents.form.autosaved', { time: savedAt }) : undefined}
      />
      <Card style={{ maxWidth: 980 }}>
        {restored ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('documents.form.restored')}
            action={
              <Button
                size="small"
                onClick={() => {
                  localStorage.removeItem(LOCAL_KEY);
                  form.setFieldsValue(EMPTY);
                  setRestored(false);
                }}
              >
                {t('documents.form.discardLocal')}
              </Button>
            }
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          initialValues={initial ?? EMPTY}
          onValuesChange={onValuesChange}
          onFinish={(v) => void save(v)}
          data-testid="draft-form"
        >
          <Form.Item name="docType" label={t('documents.form.docType')} rules={[{ required: true }]}>
            <Select options={DOC_TYPES.map((d) => ({ value: d, label: d }))} style={{ width: 160 }} data-testid="docType" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('documents.form.title')}
            rules={[
              { required: true, whitespace: true, message: t('documents.form.titleRequired') },
              { max: TITLE_MAX, message: t('documents.form.titleTooLong', { max: TITLE_MAX }) },
            ]}
          >
            <Input placeholder={t('documents.form.titlePlaceholder')} maxLength={TITLE_MAX} showCount data-testid="title" />
          </Form.Item>
          <Form.Item
            name="mainRecipientOrgIds"
            label={t('documents.form.main')}
            rules={[{ required: true, type: 'array', min: 1, message: t('documents.form.mainRequired') }]}
          >
            <OrgPicker withGroups exclude={[...copy, ...countersign]} testId="main-recipients" />
          </Form.Item>
          <Form.Item name="copyRecipientOrgIds" label={t('documents.form.copy')}>
            <OrgPicker withGroups exclude={[...main, ...countersign]} testId="copy-recipients" />
          </Form.Item>
          <Form.Item name="countersignOrgIds" label={t('documents.form.countersign')} extra={t('documents.form.countersignHelp')}>
            <OrgPicker exclude={[...main, ...copy]} testId="countersign-orgs" />
          </Form.Item>
          <Form.Item
            name="important"
            valuePropName="checked"
            label={t('documents.form.important')}
            extra={t('documents.form.importantHelp')}
          >
            <Checkbox data-testid="important">{t('documents.form.importantLabel')}</Checkbox>
          </Form.Item>
          <Form.Item name="urgency" label={t('documents.form.urgency')}>
            <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} />
          </Form.Item>
          <Form.Item name="classification" label={t('documents.form.classification')} style={{ marginBottom: classified ? 8 : undefined }}>
            <Radio.Group
              optionType="button"
              options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`documents.classification.${c}`) }))}
              data-testid="classification"
            />
          </Form.Item>
          {classified ? (
            <>
              <Form.Item label=" " colon={false}>
                <Alert
                  type="warning"
                  showIcon
                  data-testid="classified-alert"
                  message={t('documents.form.classifiedAlertTitle')}
                  description={t('documents.form.classifiedAlert', { level: t(`documents.classification.${classification}`) })}
                />
              </Form.Item>
              <SecrecyPeriodField testId="draft-secrecy" />
            </>
          ) : (
            <>
              <Form.Item name="paragraphs" label={t('documents.form.body')} extra={t('documents.form.bodyHelp')}>
                <BodyEditor />
              </Form.Item>
              <Form.Item name="attachmentNote" label={t('documents.form.attachmentNote')}>
                <Input placeholder={t('documents.form.attachmentNotePlaceholder')} maxLength={1000} />
              </Form.Item>
              <Form.Item label={t('documents.form.attachments')} extra={t('documents.form.attachmentsHelp')}>
                <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
                  <Button icon={<UploadOutlined />}>{t('documents.slip.upload')}</Button>
                </Upload>
              </Form.Item>
            </>
          )}
          <Form.Item name="remark" label={t('documents.form.remark')}>
            <Input maxLength={500} />
          </Form.Item>
          {serverError ? (
            <Form.Item label=" " colon={false}>
              <Alert type="error" showIcon message={serverError} data-testid="draft-error" />
            </Form.Item>
          ) : null}
          <Form.Item label=" " colon={false}>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="draft-save">
                {t('documents.form.save')}
              </Button>
              <Button onClick={() => navigate(id ? `/documents/outgoing/${id}` : '/documents/outgoing')}>{t('common.cancel')}</Button>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }} />
            </Flex>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
