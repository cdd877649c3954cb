import { Alert, Card, Flex } from 'antd';
import { Navigate } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { Brand } from '../layout/Brand.tsx';
import { useMeQuery } from '../session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** The forced password change: first sign-in of an account an administrator made, or an expired password. */
export default function ChangePasswordPage() {
  const t = useT();
  const me = useMeQuery();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace />;
  const expired = me.data.passwordExpired;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <div style={{ marginBottom: 24 }}>
        <Brand />
      </div>
      <Card title={t(expired ? 'password.expiredTitle' : 'password.forcedTitle')} style={{ width: 440 }} data-testid="change-password">
        <Alert
          type={expired ? 'warning' : 'info'}
          showIcon
          title={t(expired ? 'password.expiredText' : 'password.forcedText', { name: me.data.displayName })}
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm redirectTo="/" />
      </Card>
    </Flex>
  );
}
