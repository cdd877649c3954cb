/**
 * /supervision/team — the county's side of the team: leaders in charge (with history), filings to
 * acknowledge, the personnel database with import/export, training sessions, and rotations.
 */
import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ROTATION_RATINGS, ROTATION_TOPICS, rotationCompleteSchema, type RotationTopic } from '@township-office/domain/training';
import { filingDecisionSchema } from '@township-office/domain/personnel';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { localPagination } from '../../../components/pagination.ts';
import { useLabel, useLabelOptions } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { ApiError, download } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { useZodRule } from '../../../lib/zod-rule.ts';
import {
  useCompleteRotation,
  useConfirmRotation,
  useDecideFiling,
  useFilings,
  useImportStaff,
  useProposal,
  useRotations,
  useStaff,
  type Filing,
  type Proposal,
  type Rotation,
  type Staff,
} from '../api/supervision.ts';
import { LeadersCard } from '../components/LeadersCard.tsx';
import { TrainingSessions } from '../components/TrainingSessions.tsx';

type RotationRating = (typeof ROTATION_RATINGS)[number];

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

function ImportButton() {
  const t = useT();
  const imp = useImportStaff();
  const [report, setReport] = useState<{ message: string; rows: { row: number; errors: string[] }[] } | null>(null);
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={async (file) => {
          setReport(null);
          try {
            const r = await imp.mutateAsync({ fileName: file.name, contentBase64: await toBase64(file) });
            notifySuccess(t('supervision.team.imported', { n: r.imported }));
          } catch (e) {
            const err = e as ApiError;
            setReport({
              message: err.message,
              rows: (err.details as { rows?: { row: number; errors: string[] }[] } | undefined)?.rows ?? [],
            });
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={imp.isPending} data-testid="import-staff">
          {t('supervision.team.import')}
        </Button>
      </Upload>
      <Modal open={!!report} title={t('supervision.team.importReport')} onCancel={() => setReport(null)} footer={null} width={640}>
        {report ? (
          <div data-testid="import-report">
            <Alert type="error" showIcon message={report.message} style={{ marginBottom: 12 }} />
            <List
              size="small"
              dataSource={report.rows}
              renderItem={(r) => (
                <List.Item>
                  {t('supervision.team.row', { row: r.row })}：{r.errors.join('；')}
                </List.Item>
              )}
            />
          </div>
        ) : null}
      </Modal>
    </>
  );
}

type Candidate = Proposal['candidates'][number];

/** The quarter's fair proposal, a candidate swapped for another before confirming, and each completed rotation's record. */
function Planner() {
  const t = useT();
  const label = useLabel();
  const labelOptions = useLabelOptions();
  const rule = useZodRule();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear() + (now.getMonth() >= 9 ? 1 : 0));
  const [quarter, setQuarter] = useState(now.getMonth() >= 9 ? 1 : Math.floor(now.getMonth() / 3) + 2);
  const [run, setRun] = useState(false);
  const [picked, setPicked] = useState<Candidate[] | null>(null);
  const p = useProposal(year, quarter, run);
  const everyone = useStaff();
  const confirm = useConfirmRotation();
  const complete = useCompleteRotation();
  const rotations = useRotations(year);
  const [completing, setCompleting] = useState<Rotation | null>(null);
  const list = picked ?? p.data?.candidates ?? [];
  /** Another filed person for row i: not already picked, and not from a township another row already sends. */
  const swapOptions = (i: number) =>
    (everyone.data?.items ?? [])
      .filter((s) => !list.some((c, j) => j !== i && (c.staffId === s.id || c.orgId === s.orgId)) && s.id !== list[i]?.staffId)
      .map((s) => ({ value: s.id, label: `${s.name}（${s.orgName}）` }));
  const swap = (i: number, staffId: string) => {
    const s = everyone.data?.items.find((x) => x.id === staffId);
    if (!s) return;
    const next = [...list];
    next[i] = {
      staffId: s.id,
      name: s.name,
      orgId: s.orgId,
      orgName: s.orgName,
      startDate: s.startDate,
      lastRotation: null,
      townshipStaffCount: 0,
    };
    setPicked(next);
  };
  return (
    <Card size="small" title={t('supervision.team.planner')} data-testid="planner">
      <Space style={{ marginBottom: 12 }} wrap>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} aria-label={t('supervision.field.year')} />
        <Select
          value={quarter}
          onChange={setQuarter}
          style={{ width: 110 }}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('supervision.team.quarter', { q }) }))}
        />
        <Button
          type="primary"
          onClick={() => {
            setPicked(null);
            setRun(true);
          }}
          data-testid="run-planner"
        >
          {t('supervision.team.propose')}
        </Button>
      </Space>
      {run && p.data ? (
        <>
          <Table<Candidate>
            size="small"
            rowKey="staffId"
            pagination={false}
            dataSource={list}
            data-testid="proposal"
            columns={[
              { title: t('supervision.field.name'), dataIndex: 'name' },
              { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
              {
                title: t('supervision.team.lastRotation'),
                dataIndex: 'lastRotation',
                render: (v: string | null) => v ?? t('supervision.team.never'),
              },
              {
                title: t('supervision.team.swap'),
                key: 'swap',
                render: (_, c, i) => (
                  <Select
                    size="small"
                    style={{ width: 180 }}
                    placeholder={t('supervision.team.swapFor')}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={swapOptions(i)}
                    value={null}
                    onChange={(v: string) => swap(i, v)}
                    data-testid={`swap-${i}`}
                    aria-label={t('supervision.team.swapFor')}
                  />
                ),
              },
            ]}
          />
          <Button
            style={{ marginTop: 8 }}
            disabled={list.length === 0}
            loading={confirm.isPending}
            data-testid="confirm-rotation"
            onClick={() =>
              confirm.mutate(
                { year, quarter, staffIds: list.map((c) => c.staffId) },
                {
                  onSuccess: () => {
                    notifySuccess(t('supervision.team.confirmed'));
                    setRun(false);
                    setPicked(null);
                  },
                },
              )
            }
          >
            {t('supervision.team.confirm')}
          </Button>
        </>
      ) : null}
      <Table<Rotation>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={localPagination(t, 6)}
        dataSource={rotations.data?.items ?? []}
        data-testid="rotations"
        columns={[
          { title: t('supervision.team.quarterCol'), dataIndex: 'quarter', render: (q: number) => t('supervision.team.quarter', { q }) },
          { title: t('supervision.field.name'), dataIndex: 'staffName' },
          { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
          {
            title: t('supervision.field.topics'),
            dataIndex: 'topics',
            render: (ts: string[]) => ts.map((x) => label('ROTATION_TOPIC', x)).join('、'),
          },
          {
            title: t('supervision.field.rating'),
            dataIndex: 'rating',
            render: (r: string | null) => (r ? label('ROTATION_RATING', r) : ''),
          },
          {
            title: t('supervision.field.state'),
            dataIndex: 'state',
            render: (s: string, r) =>
              r.allowedActions.includes('complete') ? (
                <Button size="small" onClick={() => setCompleting(r)} data-testid={`complete-${r.id}`}>
                  {t('supervision.team.complete')}
                </Button>
              ) : (
                t(`supervision.rotationState.${s}`)
              ),
          },
        ]}
      />
      <FormModal<{ topics: RotationTopic[]; evaluation: string; rating: RotationRating }>
        open={!!completing}
        onClose={() => setCompleting(null)}
        title={
          completing
            ? t('supervision.team.completeTitle', {
                name: completing.staffName ?? '',
                start: completing.periodStart,
                end: completing.periodEnd,
              })
            : ''
        }
        successMessage={t('supervision.team.completed')}
        okTestId="rotation-save"
        onSubmit={(v) => complete.mutateAsync({ id: completing!.id, ...v })}
      >
        <Form.Item
          name="topics"
          label={t('supervision.field.topics')}
          rules={[rule(rotationCompleteSchema.shape.topics, t('supervision.field.topics'))]}
        >
          <Select mode="multiple" options={labelOptions('ROTATION_TOPIC', ROTATION_TOPICS)} />
        </Form.Item>
        <Form.Item
          name="evaluation"
          label={t('supervision.field.evaluation')}
          rules={[rule(rotationCompleteSchema.shape.evaluation, t('supervision.field.evaluation'))]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="rating"
          label={t('supervision.field.rating')}
          rules={[rule(rotationCompleteSchema.shape.rating, t('supervision.field.rating'))]}
        >
          <Select options={labelOptions('ROTATION_RATING', ROTATION_RATINGS)} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

export default function TeamPage() {
  const t = useT();
  const label = useLabel();
  const rule = useZodRule();
  const { can, me } = useSession();
  const pending = useFilings({ state: 'submitted' });
  const decide = useDecideFiling();
  const staff = useStaff();
  const [returning, setReturning] = useState<Filing | null>(null);
  const returnReason = filingDecisionSchema.options[1].shape.reason;
  return (
    <>
      <PageHeader
        title={t('supervision.team.title')}
        extra={
          <>
            {can('personnel.manage') ? <ImportButton /> : null}
            <Button icon={<DownloadOutlined />} onClick={() => void download('/api/personnel/template.xlsx')}>
              {t('supervision.team.template')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download('/api/personnel/export.xlsx')}>
              {t('supervision.exportExcel')}
            </Button>
          </>
        }
      />
      <LeadersCard mayAssign={can('personnel.manage')} />
      <Card size="small" title={t('supervision.team.pending')} style={{ marginBottom: 16 }}>
        <Table<Filing>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={pending.data?.items ?? []}
          data-testid="pending-filings"
          columns={[
            { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
            { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: Filing['kind']) => label('FILING_KIND', k) },
            { title: t('supervision.field.name'), dataIndex: 'staffName' },
            {
              title: t('supervision.my.what'),
              key: 'what',
              render: (_, f) =>
                f.kind === 'particulars'
                  ? Object.entries(f.particulars)
                      .map(([k, v]) => `${t(`supervision.field.${k}`)}：${String(v)}`)
                      .join('；')
                  : f.kind === 'transfer'
                    ? t('supervision.my.to', { org: f.toOrgName ?? '' })
                    : (f.reason ?? ''),
            },
            { title: t('supervision.field.changeDate'), dataIndex: 'changeDate' },
            { title: t('supervision.field.filedAt'), dataIndex: 'filedAt', render: (v: string) => formatDate(v) },
            {
              title: t('supervision.field.late'),
              dataIndex: 'late',
              render: (l: boolean) =>
                l ? <Tag color="red">{t('supervision.team.late')}</Tag> : <Tag color="green">{t('supervision.team.onTime')}</Tag>,
            },
            {
              title: '',
              key: 'act',
              render: (_, f) =>
                f.allowedActions.includes('acknowledge') ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`ack-${f.id}`}
                      onClick={() =>
                        decide.mutate(
                          { id: f.id, decision: 'acknowledge' },
                          { onSuccess: () => notifySuccess(t('supervision.team.acknowledged')) },
                        )
                      }
                    >
                      {t('supervision.team.acknowledge')}
                    </Button>
                    <Button size="small" onClick={() => setReturning(f)}>
                      {t('supervision.team.return')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('supervision.team.database', { n: staff.data?.items.length ?? 0 })} style={{ marginBottom: 16 }}>
            <Table<Staff>
              size="small"
              rowKey="id"
              pagination={localPagination(t, 10)}
              dataSource={staff.data?.items ?? []}
              data-testid="staff-table"
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                { title: t('supervision.field.name'), dataIndex: 'name' },
                { title: t('supervision.field.officeRole'), dataIndex: 'officeRole' },
                {
                  title: t('supervision.field.education'),
                  dataIndex: 'education',
                  render: (e: Staff['education']) => label('EDUCATION', e),
                },
                { title: t('supervision.field.major'), dataIndex: 'major' },
                { title: t('supervision.field.phone'), dataIndex: 'phone' },
                { title: t('supervision.field.startDate'), dataIndex: 'startDate' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          {can('training.manage') ? <Planner /> : null}
        </Col>
      </Row>
      <TrainingSessions mayRecord={can('training.record')} defaultOrganiser={me.org.name} />
      <FormModal<{ reason: string }>
        open={!!returning}
        title={t('supervision.team.return')}
        onClose={() => setReturning(null)}
        successMessage={t('supervision.team.returned')}
        onSubmit={(v) => decide.mutateAsync({ id: returning!.id, decision: 'return', reason: v.reason })}
      >
        <Form.Item
          name="reason"
          label={t('supervision.team.returnReason')}
          rules={[rule(returnReason, t('supervision.team.returnReason'))]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
