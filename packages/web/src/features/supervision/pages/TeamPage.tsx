/** /supervision/team — the county's side of the team: filings to acknowledge, the personnel database, import/export, rotations. */
import { Alert, Button, Card, Col, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tag, Upload, message } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { FILING_KIND_LABELS, EDUCATION_LABELS } from '@township-office/domain/personnel';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { ApiError, download } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.tsx';
import {
  useConfirmRotation,
  useDecideFiling,
  useFilings,
  useImportStaff,
  useProposal,
  useRotations,
  useStaff,
  type Filing,
} from '../api/supervision.ts';

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
            void message.success(t('supervision.team.imported', { n: r.imported }));
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

function Planner() {
  const t = useT();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear() + (now.getMonth() >= 9 ? 1 : 0));
  const [quarter, setQuarter] = useState(now.getMonth() >= 9 ? 1 : Math.floor(now.getMonth() / 3) + 2);
  const [run, setRun] = useState(false);
  const p = useProposal(year, quarter, run);
  const confirm = useConfirmRotation();
  const rotations = useRotations(year);
  return (
    <Card size="small" title={t('supervision.team.planner')} data-testid="planner">
      <Space style={{ marginBottom: 12 }}>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Select
          value={quarter}
          onChange={setQuarter}
          style={{ width: 110 }}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('supervision.team.quarter', { q }) }))}
        />
        <Button type="primary" onClick={() => setRun(true)} data-testid="run-planner">
          {t('supervision.team.propose')}
        </Button>
      </Space>
      {run && p.data ? (
        <>
          <Table
            size="small"
            rowKey="staffId"
            pagination={false}
            dataSource={p.data.candidates}
            data-testid="proposal"
            columns={[
              { title: t('supervision.field.name'), dataIndex: 'name' },
              { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
              {
                title: t('supervision.team.lastRotation'),
                dataIndex: 'lastRotation',
                render: (v: string | null) => v ?? t('supervision.team.never'),
              },
            ]}
          />
          <Button
            style={{ marginTop: 8 }}
            disabled={p.data.candidates.length === 0}
            loading={confirm.isPending}
            data-testid="confirm-rotation"
            onClick={() =>
              confirm.mutate(
                { year, quarter, staffIds: p.data!.candidates.map((c) => c.staffId) },
                {
                  onSuccess: () => {
                    void message.success(t('supervision.team.confirmed'));
                    setRun(false);
                  },
                },
              )
            }
          >
            {t('supervision.team.confirm')}
          </Button>
        </>
      ) : null}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={{ pageSize: 6 }}
        dataSource={rotations.data?.items ?? []}
        columns={[
          { title: t('supervision.team.quarterCol'), dataIndex: 'quarter', render: (q: number) => t('supervision.team.quarter', { q }) },
          { title: t('supervision.field.name'), dataIndex: 'staffName' },
          { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
          { title: t('supervision.field.state'), dataIndex: 'state', render: (s: string) => t(`supervision.rotationState.${s}`) },
        ]}
      />
    </Card>
  );
}

export default function TeamPage() {
  const t = useT();
  const { can } = useSession();
  const pending = useFilings({ state: 'submitted' });
  const decide = useDecideFiling();
  const staff = useStaff();
  const [returning, setReturning] = useState<Filing | null>(null);
  const [reason, setReason] = useState('');
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
      <Card size="small" title={t('supervision.team.pending')} style={{ marginBottom: 16 }}>
        <Table<Filing>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={pending.data?.items ?? []}
          data-testid="pending-filings"
          columns={[
            { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
            { title: t('supervision.field.kind'), dataIndex: 'kind', render: (k: Filing['kind']) => FILING_KIND_LABELS[k] },
            { title: t('supervision.field.name'), dataIndex: 'staffName' },
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
                f.allowed.length ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`ack-${f.id}`}
                      onClick={() =>
                        decide.mutate(
                          { id: f.id, decision: 'acknowledge' },
                          { onSuccess: () => void message.success(t('supervision.team.acknowledged')) },
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
          <Card size="small" title={t('supervision.team.database', { n: staff.data?.items.length ?? 0 })}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10 }}
              dataSource={staff.data?.items ?? []}
              data-testid="staff-table"
              columns={[
                { title: t('supervision.field.orgName'), dataIndex: 'orgName' },
                { title: t('supervision.field.name'), dataIndex: 'name' },
                { title: t('supervision.field.officeRole'), dataIndex: 'officeRole' },
                {
                  title: t('supervision.field.education'),
                  dataIndex: 'education',
                  render: (e: keyof typeof EDUCATION_LABELS) => EDUCATION_LABELS[e],
                },
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
      <Modal
        open={!!returning}
        title={t('supervision.team.return')}
        onCancel={() => setReturning(null)}
        onOk={() => returning && decide.mutate({ id: returning.id, decision: 'return', reason }, { onSuccess: () => setReturning(null) })}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('supervision.team.returnReason')} />
      </Modal>
    </>
  );
}
