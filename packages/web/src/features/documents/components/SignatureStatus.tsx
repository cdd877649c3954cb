/**
 * 电子签名 of a document dispatched online: whether the PDF verifies against the issuing office's
 * SM2 signature (checked again by the server on every read), and a check of any copy the reader
 * holds: choose the PDF, and the server says whether it is byte for byte the one that was signed.
 */
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Spin, Tag, Typography, Upload } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useSignature, useVerifyCopy } from '../api/signatures.ts';

export function SignatureStatus({ documentId, dispatched }: { documentId: string; dispatched: boolean }) {
  const t = useT();
  const q = useSignature(documentId, dispatched);
  const check = useVerifyCopy(documentId);
  if (!dispatched) return null;
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon className="doc-section" message={q.error.message} />;
  const s = q.data;
  const tag = !s.signed ? (
    <Tag data-testid="signature-status" data-state="unsigned">
      {t('documents.signature.unsigned')}
    </Tag>
  ) : s.verifies ? (
    <Tag color="success" icon={<SafetyCertificateOutlined />} data-testid="signature-status" data-state="valid">
      {t('documents.signature.valid')}
    </Tag>
  ) : (
    <Tag color="error" data-testid="signature-status" data-state="invalid">
      {t('documents.signature.invalid')}
    </Tag>
  );
  return (
    <Card size="small" className="doc-section" data-testid="signature" title={t('documents.signature.title')} extra={tag}>
      {s.signed ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('documents.signature.org')}>{s.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('documents.signature.signedAt')}>
            {s.signedAt ? formatDateTime(s.signedAt) : ''}
            {s.signedBy ? `\u3000${s.signedBy}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('documents.signature.sm3')} span={2}>
            <Typography.Text code copyable={{ text: s.sm3 ?? '' }} style={{ wordBreak: 'break-all' }}>
              {s.sm3}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {s.message}
      </Typography.Paragraph>
      {s.signed ? (
        <>
          <Upload
            accept="application/pdf,.pdf"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              check.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={check.isPending} data-testid="verify-upload">
              {t('documents.signature.checkCopy')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('documents.signature.checkCopyHint')}
          </Typography.Text>
          {check.data ? (
            <Alert
              style={{ marginTop: 8 }}
              showIcon
              type={check.data.verifies ? 'success' : 'error'}
              data-testid="verify-result"
              data-verifies={String(check.data.verifies)}
              message={check.data.message}
              description={t('documents.signature.copySm3', { sm3: check.data.sm3 })}
            />
          ) : null}
          {check.isError ? <Alert style={{ marginTop: 8 }} showIcon type="error" message={check.error.message} /> : null}
        </>
      ) : null}
    </Card>
  );
}
