import { useEffect, useState } from 'react';
import { Button, Form, Input, QRCode, Space, Spin, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * Bind an authenticator app: a fresh secret (QR code and text), then the 6-digit code it shows.
 * Used by 我的账户 and by the forced enrolment of administrators.
 */
export function TotpEnrolForm({ onDone, onCancel }: { onDone(): void | Promise<void>; onCancel?(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const start = useMutation({ mutationFn: () => api.post<{ secret: string; uri: string }>('/api/auth/totp/setup'), onSuccess: setSetup });
  const enable = useMutation({
    mutationFn: (code: string) => api.post('/api/auth/totp/enable', { secret: setup!.secret, code }),
    meta: { silentError: true },
    onSuccess: () => onDone(),
    onError: (err) => form.setFields([{ name: 'code', errors: [err.message] }]),
  });
  const { mutate: begin } = start;
  useEffect(() => begin(), [begin]);
  if (!setup) return <Spin />;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => enable.mutate(v.code)} requiredMark={false}>
      <Typography.Paragraph>{t('system.account.totpScan')}</Typography.Paragraph>
      <Space align="start" size={16} wrap>
        <QRCode value={setup.uri} size={148} bordered data-testid="totp-qr" />
        <div>
          <Typography.Text type="secondary">{t('system.account.totpSecret')}</Typography.Text>
          <Typography.Paragraph copyable code style={{ fontSize: 13 }} data-testid="totp-secret">
            {setup.secret}
          </Typography.Paragraph>
          <Form.Item
            name="code"
            label={t('system.account.totpCode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={6} style={{ width: 160 }} autoComplete="one-time-code" data-testid="totp-code" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-confirm">
              {t('system.account.totpConfirm')}
            </Button>
            {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
          </Space>
        </div>
      </Space>
    </Form>
  );
}
