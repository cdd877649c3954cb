/**
 * A township's staff filing (人员备案): its people with a change per row (信息变更 of any particular,
 * 调出 to another township, 离岗), a new member (新进), and the filings sent to the county.
 */
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CHANGEABLE_PARTICULARS,
  EDUCATION_LEVELS,
  GENDERS,
  POLITICAL_STATUSES,
  filingCreateSchema,
  staffParticularsSchema,
  type FilingCreate,
} from '@township-office/domain/personnel';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { useLabel, useLabelOptions } from '../../../app/i18n/labels.ts';
import { useOrgs } from '../../../app/view-org.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { formatDate } from '../../../lib/format.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useFileChange, useFilings, useStaff, type Filing, type Staff } from '../api/supervision.ts';

const STATE_COLOR = { submitted: 'processing', acknowledged: 'success', returned: 'error' } as const;
const DATE_FIELDS = new Set(['birthDate', 'startDate']);
const iso = (d: unknown) => (dayjs.isDayjs(d) ? (d as Dayjs).format('YYYY-MM-DD') : d);
type Values = Record<string, unknown>;
type Dialog = { kind: 'join' } | { kind: 'particulars' | 'transfer' | 'leave'; person: Staff } | null;

/** The particulars' inputs, each validated with the server's own rule and named in the user's language. */
function ParticularFields({ fields }: { fields: readonly string[] }) {
  const t = useT();
  const rule = useZodRule();
  const options = useLabelOptions();
  const schemaOf = (key: string) => staffParticularsSchema.shape[key as keyof typeof staffParticularsSchema.shape];
  return (
    <>
      {fields.map((key) => {
        const label = t(`supervision.field.${key}`);
        const rules = [rule(schemaOf(key), label, DATE_FIELDS.has(key) ? { from: iso } : undefined)];
        const input =
          key === 'gender' ? (
            <Select options={options('GENDER', GENDERS)} />
          ) : key === 'politicalStatus' ? (
            <Select options={options('POLITICAL', POLITICAL_STATUSES)} />
          ) : key === 'education' ? (
            <Select options={options('EDUCATION', EDUCATION_LEVELS)} />
          ) : DATE_FIELDS.has(key) ? (
            <DatePicker style={{ width: '100%' }} />
          ) : (
            <Input data-testid={`particular-${key}`} />
          );
        return (
          <Form.Item
            key={key}
            name={key}
            label={label}
            rules={rules}
            style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginRight: 8 }}
          >
            {input}
          </Form.Item>
        );
      })}
    </>
  );
}

/** The form's values as the filing the server takes; a change of particulars names only what changed. */
function toFiling(d: NonNullable<Dialog>, v: Values): FilingCreate | null {
  const changeDate = iso(v.changeDate) as string;
  if (d.kind === 'join') {
    const particulars = Object.fromEntries(['idNumber', ...CHANGEABLE_PARTICULARS].map((k) => [k, iso(v[k])]));
    return {
      kind: 'join',
      changeDate,
      particulars: particulars as Extract<FilingCreate, { kind: 'join' }>['particulars'],
      ...(v.reason ? { reason: String(v.reason) } : {}),
    };
  }
  if (d.kind === 'particulars') {
    const person = d.person as unknown as Values;
    const changed = Object.fromEntries(
      CHANGEABLE_PARTICULARS.filter((k) => String(iso(v[k]) ?? '') !== String(person[k] ?? '')).map((k) => [k, iso(v[k]) ?? '']),
    );
    if (Object.keys(changed).length === 0) return null;
    return { kind: 'particulars', changeDate, staffId: d.person.id, particulars: changed };
  }
  if (d.kind === 'transfer')
    return {
      kind: 'transfer',
      changeDate,
      staffId: d.person.id,
      toOrgId: String(v.toOrgId),
      ...(v.reason ? { reason: String(v.reason) } : {}),
    };
  return { kind: 'leave', changeDate, staffId: d.person.id, reason: String(v.reason ?? '') };
}

export function StaffFiling({ orgId }: { orgId: string }) {
  const t = useT();
  const label = useLabel();
  const rule = useZodRule();
  const staff = useStaff(orgId);
  const filings = useFilings({ orgId });
  const file = useFileChange();
  const orgs = useOrgs();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const townships = (orgs.data ?? []).filter((o) => o.kind === 'township' && o.id !== orgId).map((o) => ({ value: o.id, label: o.name }));
  const initial: Values | undefined =
    dialog?.kind === 'particulars'
      ? {
          changeDate: dayjs(),
          ...Object.fromEntries(
            CHANGEABLE_PARTICULARS.map((k) => [
              k,
              DATE_FIELDS.has(k) ? dayjs((dialog.person as unknown as Values)[k] as string) : (dialog.person as unknown as Values)[k],
            ]),
          ),
        }
      : { changeDate: dayjs() };
  const leaveSchema = filingCreateSchema.options[1].shape;
  return (
    <Card
      size="small"
      title={t('supervision.my.staff')}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'join' })} data-testid="file-join">
          {t('supervision.my.join')}
        </Button>
      }
    >
      <Table<Staff>
        size="small"
        rowKey="id"
        pagination={false}
        loading={staff.isPending}
        dataSource={staff.data?.items ?? []}
        data-testid="my-staff"
        columns={[
          { title: t('supervision.field.name'), dataIndex: 'name' },
          { title: t('supervision.field.gender'), dataIndex: 'gender', render: (g: Staff['gender']) => label('GENDER', g) },
          { title: t('supervision.field.education'), dataIndex: 'education', render: (e: Staff['education']) => label('EDUCATION', e) },
          { title: t('supervision.field.major'), dataIndex: 'major' },
          { title: t('supervision.field.officeRole'), dataIndex: 'officeRole' },
          { title: t('supervision.field.phone'), dataIndex: 'phone' },
          { title: t('supervision.field.startDate'), dataIndex: 'startDate' },
          {
            title: t('common.actions'),
            key: 'act',
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'particulars', person: p })}
                  data-testid={`change-${p.id}`}
                >
                  {t('supervision.my.change')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'transfer', person: p })}>
                  {t('supervision.my.transfer')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'leave', person: p })}>
                  {t('supervision.my.leave')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Table<Filing>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={localPagination(t, 8)}
        dataSource={filings.data?.items ?? []}
        data-testid="my-filings"
        columns={[
          { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: Filing['kind']) => label('FILING_KIND', k) },
          { title: t('supervision.field.name'), dataIndex: 'staffName' },
          {
            title: t('supervision.my.what'),
            key: 'what',
            render: (_, f) =>
              f.kind === 'particulars'
                ? Object.keys(f.particulars)
                    .map((k) => t(`supervision.field.${k}`))
                    .join('、')
                : f.kind === 'transfer'
                  ? t('supervision.my.to', { org: f.toOrgName ?? '' })
                  : (f.reason ?? ''),
          },
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
          { title: t('supervision.field.returnReason'), dataIndex: 'returnReason' },
        ]}
      />
      <FormModal<Values>
        open={!!dialog}
        onClose={() => {
          setDialog(null);
          setNothingChanged(false);
        }}
        width={dialog?.kind === 'join' || dialog?.kind === 'particulars' ? 760 : 480}
        title={dialog ? t(`supervision.my.dialog.${dialog.kind}`, { name: dialog.kind === 'join' ? '' : dialog.person.name }) : ''}
        initialValues={initial}
        okText={t('supervision.my.submit')}
        okTestId="filing-save"
        successMessage={t('supervision.my.filed')}
        onSubmit={async (v) => {
          const body = toFiling(dialog!, v);
          if (!body) {
            setNothingChanged(true);
            throw new Error('nothing changed');
          }
          await file.mutateAsync(body);
        }}
      >
        <Form.Item
          name="changeDate"
          label={t('supervision.field.changeDate')}
          rules={[rule(leaveSchema.changeDate, t('supervision.field.changeDate'), { from: iso })]}
        >
          <DatePicker />
        </Form.Item>
        {dialog?.kind === 'join' ? (
          <>
            <ParticularFields fields={['name', 'idNumber', ...CHANGEABLE_PARTICULARS.filter((k) => k !== 'name')]} />
            <Form.Item name="reason" label={t('supervision.my.joinReason')} extra={t('supervision.my.joinReasonHint')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === 'particulars' ? (
          <>
            <p style={{ color: '#666' }}>{t('supervision.my.changeHint')}</p>
            <ParticularFields fields={CHANGEABLE_PARTICULARS} />
            {nothingChanged ? (
              <div role="alert" style={{ color: '#cf1322' }} data-testid="nothing-changed">
                {t('supervision.my.nothingChanged')}
              </div>
            ) : null}
          </>
        ) : null}
        {dialog?.kind === 'transfer' ? (
          <>
            <Form.Item
              name="toOrgId"
              label={t('supervision.my.toOrg')}
              rules={[{ required: true, message: t('supervision.my.pickTownship') }]}
            >
              <Select options={townships} showSearch={{ optionFilterProp: 'label' }} data-testid="transfer-to" />
            </Form.Item>
            <Form.Item name="reason" label={t('supervision.field.reason')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === 'leave' ? (
          <Form.Item name="reason" label={t('supervision.field.reason')} rules={[rule(leaveSchema.reason, t('supervision.field.reason'))]}>
            <Input.TextArea rows={2} data-testid="leave-reason" />
          </Form.Item>
        ) : null}
      </FormModal>
    </Card>
  );
}
