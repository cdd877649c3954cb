/** /supervision/my-office — a township's own standing and its staff filings (file a change, see it acknowledged). */
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { FILING_KIND_LABELS } from '@township-office/domain/personnel';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { useFileChange, useFilings, useStaff, type Filing } from '../api/supervision.ts';
import { Standing } from './TownshipPage.tsx';

const STATE_COLOR = { submitted: 'processing', acknowledged: 'success', returned: 'error' } as const;

export default function MyOfficePage() {
  const t = useT();
  const { me } = useSession();
  const staff = useStaff(me.org.id);
  const filings = useFilings({ orgId: me.org.id });
  const file = useFileChange();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  return (
    <>
      <PageHeader title={t('supervision.my.title')} subtitle={me.org.name} />
      <Standing orgId={me.org.id} year={new Date().getFullYear()} />
      <Card size="small" title={t('supervision.my.file')} style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'particulars', changeDate: dayjs() }}
          data-testid="file-change"
          onFinish={(v) => {
            const base = { kind: v.kind, changeDate: v.changeDate.format('YYYY-MM-DD'), staffId: v.staffId };
            const body = v.kind === 'particulars' ? { ...base, particulars: { phone: v.phone } } : { ...base, reason: v.reason };
            file.mutate(body, {
              onSuccess: () => {
                void message.success(t('supervision.my.filed'));
                form.resetFields(['phone', 'reason']);
              },
            });
          }}
        >
          <Form.Item name="kind" label={t('supervision.field.kind')}>
            <Select
              style={{ width: 130 }}
              options={(['particulars', 'leave'] as const).map((k) => ({ value: k, label: FILING_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="staffId" label={t('supervision.field.name')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              data-testid="file-staff"
              options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Form.Item name="changeDate" label={t('supervision.field.changeDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {kind === 'leave' ? (
            <Form.Item name="reason" label={t('supervision.field.reason')} rules={[{ required: true, min: 2 }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          ) : (
            <Form.Item name="phone" label={t('supervision.field.phone')} rules={[{ required: true, pattern: /^[0-9-]{7,20}$/ }]}>
              <Input style={{ width: 160 }} data-testid="file-phone" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="file-submit">
            {t('supervision.my.submit')}
          </Button>
        </Form>
        <Table<Filing>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={{ pageSize: 8 }}
          dataSource={filings.data?.items ?? []}
          data-testid="my-filings"
          columns={[
            { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: Filing['kind']) => FILING_KIND_LABELS[k] },
            { title: t('supervision.field.name'), dataIndex: 'staffName' },
            { title: t('supervision.field.changeDate'), dataIndex: 'changeDate' },
            { title: t('supervision.field.filedAt'), dataIndex: 'filedAt', render: (v: string) => formatDate(v) },
            {
              title: t('supervision.field.state'),
              dataIndex: 'state',
              render: (s: Filing['state'], f) => (
                <Tag color={STATE_COLOR[s]} data-testid={`filing-state-${f.id}`}>
                  {t(`supervision.filingState.${s}`)}
                  {f.late ? ` · ${t('supervision.team.late')}` : ''}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
