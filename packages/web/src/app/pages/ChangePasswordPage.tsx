import { Alert, Card, Flex } from 'antd';
import { Navigate } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { Brand } from '../layout/Brand.tsx';
import { useMeQuery } from '../session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** The forced first-login password change (accounts created by an administrator). */
export default function ChangePasswordPage() {
  const t = useT();
  const me = useMeQuery();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <div style={{ marginBottom: 24 }}>
        <Brand />
      </div>
      <Card title={t('password.forcedTitle')} style={{ width: 440 }}>
        <Alert type="info" showIcon title={t('password.forcedText', { name: me.data.displayName })} style={{ marginBottom: 16 }} />
        <ChangePasswordForm redirectTo="/" />
      </Card>
    </Flex>
  );
}
