/**
 * Bringing an old register in from Excel (issue 12): a button that opens the import dialog — the
 * template to download, the file to choose, the upload's progress (a 10,000-row sheet takes a while)
 * and then the server's answer: how many records came in, or the list of bad rows and columns, with
 * nothing imported.
 *
 *   <SheetImport register="incoming" invalidate="documents" />
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportRefusalOut, ImportRegister, ImportResultOut, ImportRowIssue } from '@township-office/domain/imports';
import { useT } from '../app/i18n/I18nProvider.tsx';
import { download, uploadWithProgress } from '../lib/api.ts';
import { keys } from '../lib/query.ts';
import { notifySuccess } from '../lib/notify.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; share: number }
  | { kind: 'checking' }
  | { kind: 'done'; imported: number }
  | { kind: 'refused'; message: string; rows: ImportRowIssue[] };

export function SheetImport({
  register,
  invalidate,
}: {
  register: ImportRegister;
  /** The feature whose cached lists to refresh. */ invalidate: string;
}) {
  const t = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'checking';
  const close = () => {
    if (busy) return;
    setOpen(false);
    setFile(null);
    setPhase({ kind: 'idle' });
  };
  const run = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setPhase({ kind: 'uploading', share: 0 });
    try {
      const r = await uploadWithProgress(`/api/registers/${register}/import`, form, (share) =>
        setPhase(share < 1 ? { kind: 'uploading', share } : { kind: 'checking' }),
      );
      if (r.status === 201) {
        const imported = (r.body as ImportResultOut).imported;
        setPhase({ kind: 'done', imported });
        notifySuccess(t('import.done', { count: imported }));
        void qc.invalidateQueries({ queryKey: keys.feature(invalidate) });
        return;
      }
      const body = r.body as Partial<ImportRefusalOut> | null;
      setPhase({ kind: 'refused', message: body?.error?.message ?? t('import.failed'), rows: body?.rows ?? [] });
    } catch (err) {
      setPhase({ kind: 'refused', message: (err as Error).message, rows: [] });
    }
  };
  return (
    <>
      <Button icon={<UploadOutlined />} data-testid={`import-${register}`} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t(`import.title.${register}`)}
        onCancel={close}
        destroyOnHidden
        maskClosable={!busy}
        footer={
          <Space>
            <Button onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              data-testid="import-run"
              disabled={!file || busy || phase.kind === 'done'}
              loading={busy}
              onClick={() => void run()}
            >
              {t('import.run')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            data-testid="import-template"
            onClick={() => void download(`/api/registers/${register}/template.xlsx`, { fallbackName: 'template.xlsx' })}
          >
            {t('import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setPhase({ kind: 'idle' });
              return false;
            }}
          >
            <Button data-testid="import-choose" disabled={busy}>
              {t('import.choose')}
            </Button>
          </Upload>
          {file ? <Typography.Text data-testid="import-file">{file.name}</Typography.Text> : null}
        </Space>
        {phase.kind === 'uploading' ? (
          <Progress percent={Math.round(phase.share * 100)} status="active" data-testid="import-progress" />
        ) : null}
        {phase.kind === 'checking' ? <Alert type="info" showIcon title={t('import.checking')} data-testid="import-checking" /> : null}
        {phase.kind === 'done' ? (
          <Alert type="success" showIcon title={t('import.done', { count: phase.imported })} data-testid="import-done" />
        ) : null}
        {phase.kind === 'refused' ? (
          <>
            <Alert type="error" showIcon title={phase.message} data-testid="import-refused" style={{ marginBottom: 8 }} />
            {phase.rows.length ? (
              <Table<ImportRowIssue>
                size="small"
                rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
                dataSource={phase.rows}
                pagination={phase.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                data-testid="import-report"
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.column'), dataIndex: 'column', width: 140 },
                  { title: t('import.problem'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
