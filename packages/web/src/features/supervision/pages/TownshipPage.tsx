/** /supervision/townships/:orgId — a township's standing, its gaps with what to do, and the records behind a standard. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, List, Table, Tabs, Tag, Tooltip } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLabel } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { EDUCATION_LABELS, FILING_KIND_LABELS, GENDER_LABELS, POLITICAL_LABELS } from '@township-office/domain/personnel';
import { POST_LABELS, ROOM_KIND_LABELS, ROOM_STATUS_LABELS, RULE_KIND_LABELS } from '@township-office/domain/environment';
import { ROTATION_RATING_LABELS, ROTATION_TOPIC_LABELS } from '@township-office/domain/training';
import { formatDate } from '../../../lib/format.tsx';
import { useRecords, useRevealIdNumber, useStanding, type StandardColumn } from '../api/supervision.ts';

/** Stored codes shown as the words people use (性别 male → 男). */
const LABELS: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  politicalStatus: POLITICAL_LABELS,
  education: EDUCATION_LABELS,
  post: POST_LABELS,
  rating: ROTATION_RATING_LABELS,
  topics: ROTATION_TOPIC_LABELS,
  status: { ...ROOM_STATUS_LABELS, active: '在岗', left: '已离岗' },
  state: { submitted: '待确认', acknowledged: '已确认', returned: '已退回', confirmed: '已安排', completed: '已结束', cancelled: '已取消' },
};
const KIND_LABELS: Record<string, string> = { ...FILING_KIND_LABELS, ...ROOM_KIND_LABELS, ...RULE_KIND_LABELS };
function show(key: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  // A timestamp (UTC on the wire) as the local date people read.
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  const map = key === 'kind' ? KIND_LABELS : LABELS[key];
  if (Array.isArray(v)) return v.map((x) => map?.[String(x)] ?? String(x)).join('、');
  return map?.[String(v)] ?? String(v);
}
import { STATUS_COLOR } from '../components/StandardGrid.tsx';
import { Posts } from '../components/OfficeEnvironment.tsx';

/** A masked staff ID number with, for those who manage filing, a click that fetches the whole one (audited server-side). */
function IdNumber({ masked, staffId, mayReveal }: { masked: string; staffId: string; mayReveal: boolean }) {
  const t = useT();
  const reveal = useRevealIdNumber();
  const [full, setFull] = useState<string | null>(null);
  if (full)
    return (
      <Tooltip title={t('supervision.revealedIdNumber')}>
        <span data-testid="staff-id-full">{full}</span>
      </Tooltip>
    );
  return (
    <>
      <span data-testid="staff-id-masked">{masked}</span>
      {mayReveal ? (
        <Button
          type="link"
          size="small"
          loading={reveal.isPending}
          data-testid="staff-id-reveal"
          onClick={async () => setFull((await reveal.mutateAsync(`/api/personnel/staff/${staffId}/reveal`)).idNumber)}
        >
          {t('supervision.revealIdNumber')}
        </Button>
      ) : null}
    </>
  );
}

/** The list behind a cell, shown as a plain table of its records' readable fields. */
function Records({ apiPath }: { apiPath: string | null }) {
  const t = useT();
  const q = useRecords(apiPath);
  if (!apiPath) return <Empty description={t('supervision.otherModule')} />;
  const data = q.data as { items?: Record<string, unknown>[]; people?: Record<string, unknown>[] } | undefined;
  const items = data?.items ?? data?.people ?? [];
  // Record ids, the user ids behind "…By" and internal lists are not for reading; every column shown has a name.
  const keys = Object.keys(items[0] ?? {})
    .filter((k) => !/id$|Id$|By$|allowed|particulars|body/.test(k) && t(`supervision.field.${k}`) !== `supervision.field.${k}`)
    .slice(0, 9);
  return (
    <Table
      size="small"
      rowKey={(r) => String(r.id ?? r.staffId ?? JSON.stringify(r))}
      loading={q.isLoading}
      dataSource={items}
      pagination={false}
      data-testid="drill-records"
      columns={keys.map((k) => ({
        title: t(`supervision.field.${k}`),
        dataIndex: k,
        render: (v: unknown, r: Record<string, unknown>) =>
          k === 'idNumber' && typeof v === 'string' ? (
            <IdNumber
              masked={v}
              staffId={String(r.id)}
              mayReveal={Array.isArray(r.allowedActions) && r.allowedActions.includes('revealIdNumber')}
            />
          ) : (
            show(k, v)
          ),
      }))}
    />
  );
}

export function Standing({ orgId, year }: { orgId: string; year: number }) {
  const t = useT();
  const [lang] = useLang();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const q = useStanding(orgId, year);
  const s = q.data;
  if (!s) return null;
  const tab = (params.get('tab') as StandardColumn | null) ?? s.gaps[0]?.column ?? 'staff';
  const apiOf = (col: StandardColumn) => s.columns.find((c) => c.key === col)?.api?.replace('{orgId}', orgId) ?? null;
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3, xl: 4 }} style={{ marginBottom: 16 }}>
        {s.columns.map((c) => (
          <Descriptions.Item key={c.key} label={label('STANDARD_COLUMN', c.key)}>
            <Tag color={STATUS_COLOR[s.row.cells[c.key].status]?.fg} data-testid={`standing-${c.key}`}>
              {s.row.cells[c.key].value}
            </Tag>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {s.gaps.length === 0 ? (
        <Alert type="success" showIcon message={t('supervision.township.allMet')} style={{ marginBottom: 16 }} />
      ) : (
        <Card size="small" title={t('supervision.township.gaps')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={s.gaps}
            data-testid="gaps"
            renderItem={(g) => (
              <List.Item>
                <Tag color={STATUS_COLOR[g.status]?.fg}>{label('STANDARD_COLUMN', g.column)}</Tag> {g.value} —{' '}
                {lang === 'en' ? g.adviceEn : g.advice}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => ({ ...Object.fromEntries(p), tab: k }))}
        items={s.columns.map((c) => ({
          key: c.key,
          label: lang === 'en' ? c.en : c.zh,
          children: c.key === tab ? <Records apiPath={apiOf(c.key)} /> : null,
        }))}
      />
    </>
  );
}

export default function TownshipPage() {
  const t = useT();
  const { orgId } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const { can } = useSession();
  const navigate = useNavigate();
  const q = useStanding(orgId, year);
  return (
    <>
      <PageHeader
        title={q.data ? `${q.data.township.name} · ${t('supervision.township.title')}` : t('supervision.township.title')}
        subtitle={`${year}`}
        extra={can('supervision.read') ? <a onClick={() => navigate('/supervision')}>{t('supervision.backToDashboard')}</a> : null}
      />
      {orgId ? <Standing orgId={orgId} year={year} /> : null}
      {orgId ? (
        <div style={{ marginTop: 16 }}>
          <Posts orgId={orgId} editable={can('environment.edit')} />
        </div>
      ) : null}
    </>
  );
}
