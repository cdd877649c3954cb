import { useState } from 'react';
import { Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { ChangePasswordForm } from '../../../app/pages/ChangePasswordForm.tsx';
import { TotpEnrolForm } from '../../../app/pages/TotpEnrolForm.tsx';
import { fetchMe, useSession, useSetMe } from '../../../app/session.tsx';
import { StatusTag } from '../../../lib/format.tsx';
import { api } from '../../../lib/api.ts';
import { useApp } from '../../../lib/app-messages.tsx';

function TotpCard() {
  const t = useT();
  const { message } = useApp();
  const { me } = useSession();
  const setMe = useSetMe();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolling, setEnrolling] = useState(false);
  const refresh = async () => setMe(await fetchMe());
  const disable = useMutation({
    mutationFn: (code: string) => api.post('/api/auth/totp/disable', { code }),
    meta: { silentError: true },
    onSuccess: async () => {
      form.resetFields();
      message.success(t('system.account.totpDisabled'));
      await refresh();
    },
    onError: (err) => form.setFields([{ name: 'code', errors: [err.message] }]),
  });
  const codeField = (
    <Form.Item
      name="code"
      label={t('system.account.totpCode')}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpInvalid') }]}
    >
      <Input inputMode="numeric" maxLength={6} style={{ width: 160 }} autoComplete="one-time-code" />
    </Form.Item>
  );
  return (
    <Card
      title={t('system.account.totpTitle')}
      extra={
        me.totpEnabled ? (
          <StatusTag tone="done">{t('system.account.totpOn')}</StatusTag>
        ) : (
          <StatusTag tone="draft">{t('system.account.totpOff')}</StatusTag>
        )
      }
    >
      {me.totpEnabled ? (
        <Form form={form} layout="vertical" onFinish={(v) => disable.mutate(v.code)} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('system.account.totpDisableHelp')}</Typography.Paragraph>
          {codeField}
          <Button danger htmlType="submit" loading={disable.isPending}>
            {t('system.account.totpDisable')}
          </Button>
        </Form>
      ) : enrolling ? (
        <TotpEnrolForm
          onDone={async () => {
            setEnrolling(false);
            message.success(t('system.account.totpEnabled'));
            await refresh();
          }}
          onCancel={() => setEnrolling(false)}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('system.account.totpHelp')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-setup">
            {t('system.account.totpStart')}
          </Button>
        </>
      )}
    </Card>
  );
}

/** 我的账户: who I am, my password, my second factor. */
export default function MyAccountPage() {
  const t = useT();
  const { me, can } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.system.account')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('system.account.profile')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
              <Descriptions.Item label={t('system.users.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('system.users.displayName')}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('system.users.org')}>{me.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('system.users.role')}>{t(`role.${me.role}`)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <TotpCard />
          {can('business.read') ? (
            <Card title={t('system.account.delegationTitle')} style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('system.account.delegationHelp')}</Typography.Paragraph>
              <Button onClick={() => navigate('/delegations')} data-testid="account-delegations">
                {t('system.account.delegationOpen')}
              </Button>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('system.account.passwordTitle')}>
            <ChangePasswordForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}
