/**
 * 印章与签名密钥 (security_admin, issue 13): for each org, its seal picture (placed on its official
 * documents per GB/T 9704-2012 7.3.5.1; without one they print as 7.3.5.2) and the SM2 keys its
 * online documents are signed with (kept in the key store outside the database; rotating keeps the
 * old public keys, so documents signed before still verify).
 */
import { DeleteOutlined, KeyOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useSession } from '../../../app/session.tsx';
import { useOrgs } from '../../../app/view-org.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useDeleteSeal, useOrgSigning, useRotateKey, useSealPicture, useSetSeal, type OrgSigning } from '../api/signing.ts';
import { useApp } from '../../../lib/app-messages.tsx';

type Key = OrgSigning['keys'][number];

export default function SigningPage() {
  const t = useT();
  const { message } = useApp();
  const orgs = useOrgs();
  const [picked, setPicked] = useState<string | undefined>();
  const { me } = useSession();
  // The administrator's own org (the county office, which issues the county's documents) first, not the tree's root.
  const orgId = picked ?? (orgs.data?.find((o) => o.id === me.org.id) ?? orgs.data?.[0])?.id;
  const q = useOrgSigning(orgId);
  const seal = q.data?.seal ?? null;
  const picture = useSealPicture(orgId, seal?.sha256);
  const setSeal = useSetSeal(orgId ?? '');
  const deleteSeal = useDeleteSeal(orgId ?? '');
  const rotate = useRotateKey(orgId ?? '');

  const upload = (file: File) => {
    setSeal.mutate(file, {
      onSuccess: (r) => {
        void message.success(t('system.signing.sealSet'));
        if (r.warnings.includes('opaque')) void message.warning(t('system.signing.opaque'));
      },
    });
    return false;
  };

  return (
    <>
      <PageHeader title={t('system.signing.title')} subtitle={t('system.signing.subtitle')} />
      <Flex vertical gap={12}>
        <Space wrap>
          <Typography.Text>{t('system.signing.org')}</Typography.Text>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={orgId}
            loading={orgs.isPending}
            onChange={setPicked}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="signing-org"
          />
        </Space>

        <Card size="small" title={t('system.signing.sealTitle')} data-testid="seal-card">
          <Typography.Paragraph type="secondary">{t('system.signing.sealHelp')}</Typography.Paragraph>
          <Flex gap={16} wrap align="flex-start">
            <div
              style={{
                width: 160,
                height: 160,
                border: '1px dashed #d9d9d9',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                // A checkerboard shows the transparent background.
                background: 'repeating-conic-gradient(#f0f0f0 0% 25%, #fff 0% 50%) 50% / 16px 16px',
              }}
            >
              {seal && picture.data ? (
                <img
                  src={picture.data}
                  alt={t('system.signing.sealTitle')}
                  style={{ maxWidth: 150, maxHeight: 150 }}
                  data-testid="seal-preview"
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('system.signing.noSeal')} />
              )}
            </div>
            <Flex vertical gap={8} style={{ flex: '1 1 260px', minWidth: 0 }}>
              {seal ? (
                <Descriptions size="small" column={1} data-testid="seal-info">
                  <Descriptions.Item label={t('system.signing.pixels')}>{`${seal.width} × ${seal.height}`}</Descriptions.Item>
                  <Descriptions.Item label={t('system.signing.bytes')}>{`${Math.ceil(seal.bytes / 1024)} KB`}</Descriptions.Item>
                  <Descriptions.Item label={t('system.signing.background')}>
                    {seal.transparent ? (
                      <Tag color="green">{t('system.signing.transparent')}</Tag>
                    ) : (
                      <Tag color="orange">{t('system.signing.opaqueTag')}</Tag>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item
                    label={t('system.signing.setBy')}
                  >{`${seal.setByName} · ${formatDateTime(seal.setAt)}`}</Descriptions.Item>
                </Descriptions>
              ) : (
                <Alert type="info" showIcon message={t('system.signing.unsealed')} />
              )}
              <Space wrap>
                <Upload accept="image/png" showUploadList={false} beforeUpload={upload} disabled={!orgId}>
                  <Button type="primary" icon={<UploadOutlined />} loading={setSeal.isPending} data-testid="seal-upload">
                    {seal ? t('system.signing.replace') : t('system.signing.upload')}
                  </Button>
                </Upload>
                {seal ? (
                  <Popconfirm
                    title={t('system.signing.deleteConfirm')}
                    onConfirm={() => deleteSeal.mutateAsync(undefined).then(() => void message.success(t('system.signing.deleted')))}
                  >
                    <Button danger icon={<DeleteOutlined />} data-testid="seal-delete">
                      {t('system.signing.delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            </Flex>
          </Flex>
        </Card>

        <Card
          size="small"
          title={t('system.signing.keysTitle')}
          data-testid="keys-card"
          extra={
            <Popconfirm
              title={t('system.signing.rotateConfirm')}
              onConfirm={() => rotate.mutateAsync(undefined).then(() => void message.success(t('system.signing.rotated')))}
              disabled={!q.data?.keyStore}
            >
              <Button icon={<KeyOutlined />} disabled={!q.data?.keyStore} loading={rotate.isPending} data-testid="key-rotate">
                {t('system.signing.rotate')}
              </Button>
            </Popconfirm>
          }
        >
          <Typography.Paragraph type="secondary">{t('system.signing.keysHelp')}</Typography.Paragraph>
          {q.data && !q.data.keyStore ? <Alert type="warning" showIcon message={t('system.signing.noKeyStore')} /> : null}
          <Table<Key>
            size="small"
            rowKey="fingerprint"
            loading={q.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={q.data?.keys ?? []}
            locale={{ emptyText: t('system.signing.noKeys') }}
            data-testid="keys-table"
            columns={[
              {
                title: t('system.signing.fingerprint'),
                dataIndex: 'fingerprint',
                render: (f: string) => (
                  <Typography.Text code copyable={{ text: f }}>
                    {`${f.slice(0, 16)}…${f.slice(-8)}`}
                  </Typography.Text>
                ),
              },
              {
                title: t('system.signing.state'),
                dataIndex: 'current',
                render: (c: boolean) =>
                  c ? <Tag color="green">{t('system.signing.current')}</Tag> : <Tag>{t('system.signing.retired')}</Tag>,
              },
              { title: t('system.signing.created'), dataIndex: 'createdAt', render: (v: string | null) => (v ? formatDateTime(v) : '') },
              { title: t('system.signing.retiredAt'), dataIndex: 'retiredAt', render: (v: string | null) => (v ? formatDateTime(v) : '') },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
