import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { auditVerbKey } from '@township-office/domain/audit-words';
import { isLabelKnown } from '@township-office/domain/labels';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { serverPagination } from '../../../components/pagination.ts';
import { useLabel, type LabelFunction } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useAuditPage, useVerifyAudit, type AuditFilter, type AuditItem } from '../api/audit.ts';

interface FilterForm {
  actor?: string;
  action?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** A code's words, or the code itself when the table does not know it (a new action shows, never vanishes). */
function auditWord(label: LabelFunction, map: 'AUDIT_VERB' | 'AUDIT_ENTITY', key: string, code: string): string {
  return isLabelKnown(map, key) ? label(map, key) : code;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** 审计日志 (audit_admin): every write with actor, IP, before and after; and a check of the SM3 chain. */
export default function AuditPage() {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const audit = useAuditPage(filter);
  const verify = useVerifyAudit();

  const search = (v: FilterForm) => {
    const [from, to] = v.range ?? [null, null];
    setFilter({
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      entity: v.entity?.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.endOf('day').toISOString() : undefined,
      page: 1,
      pageSize: filter.pageSize,
    });
  };

  const columns: TableColumnsType<AuditItem> = [
    {
      title: t('system.audit.at'),
      dataIndex: 'at',
      width: 160,
      className: 'nowrap',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('system.audit.actor'),
      dataIndex: 'actorUsername',
      width: 130,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('system.audit.system')}</Typography.Text>,
    },
    { title: t('system.audit.role'), dataIndex: 'actorRole', width: 150, render: (v: string | null) => (v ? t(`role.${v}`) : '') },
    { title: t('system.audit.ip'), dataIndex: 'ip', width: 120 },
    {
      title: t('system.audit.action'),
      dataIndex: 'action',
      width: 190,
      // In words (确认, 登录); the code stays in the tooltip for whoever searches by it.
      render: (v: string) => (
        <Tooltip title={v}>
          <Tag data-testid="audit-action">{auditWord(label, 'AUDIT_VERB', auditVerbKey(v), v)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('system.audit.entity'),
      key: 'entity',
      ellipsis: true,
      render: (_, r) => (
        <Tooltip title={r.entityId ? `${r.entity} ${r.entityId}` : r.entity}>
          <span data-testid="audit-entity">{auditWord(label, 'AUDIT_ENTITY', r.entity, r.entity)}</span>
        </Tooltip>
      ),
    },
  ];

  const result = verify.data;
  return (
    <>
      <PageHeader
        title={t('nav.system.audit')}
        subtitle={t('system.audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="audit-verify"
          >
            {t('system.audit.verify')}
          </Button>
        }
      />
      {result ? (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={
            result.ok
              ? t('system.audit.verifyOk', { rows: result.rowsChecked, chains: result.chains })
              : t('system.audit.verifyBroken', {
                  id: result.firstBroken?.id ?? '?',
                  chain: result.firstBroken?.chain ?? '',
                  reason: result.firstBroken?.reason ?? '',
                })
          }
          description={result.ok ? t('system.audit.verifyOkHelp') : t('system.audit.verifyBrokenHelp')}
        />
      ) : null}
      <div style={{ background: '#fff', padding: 16, borderRadius: 6 }}>
        <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="actor" label={t('system.audit.actor')}>
            <Input allowClear placeholder={t('system.audit.actorPlaceholder')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={t('system.audit.action')}>
            <Input allowClear placeholder="auth.login" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="entity" label={t('system.audit.entity')}>
            <Input allowClear placeholder="user" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="range" label={t('system.audit.range')}>
            <DatePicker.RangePicker style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilter({ page: 1, pageSize: filter.pageSize });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Table<AuditItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items}
          loading={audit.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('system.audit.empty') }}
          expandable={{
            expandedRowRender: (r) => (
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
                <div>
                  <Typography.Text strong>{t('system.audit.before')}</Typography.Text>
                  <Json value={r.before} />
                </div>
                <div>
                  <Typography.Text strong>{t('system.audit.after')}</Typography.Text>
                  <Json value={r.after} />
                </div>
                <Typography.Text type="secondary" style={{ gridColumn: '1 / 3', fontFamily: 'monospace', fontSize: 12 }}>
                  SM3 {r.hash}
                </Typography.Text>
              </div>
            ),
          }}
          pagination={serverPagination(
            {
              page: filter.page,
              pageSize: filter.pageSize,
              onChange: (page, pageSize) => setFilter({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize }),
            },
            audit.data?.total,
            t,
          )}
        />
      </div>
    </>
  );
}
