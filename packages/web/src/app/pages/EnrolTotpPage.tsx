import { Alert, Button, Card, Flex } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Brand } from '../layout/Brand.tsx';
import { fetchMe, useMeQuery, useSetMe } from '../session.tsx';
import { TotpEnrolForm } from './TotpEnrolForm.tsx';

/** The forced second-factor enrolment of 三员 and the county admin (REQUIRE_ADMIN_MFA), before anything else. */
export default function EnrolTotpPage() {
  const t = useT();
  const me = useMeQuery();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      setMe(null);
      qc.clear();
      navigate('/login', { replace: true, state: { reason: 'LOGGED_OUT' } });
    },
  });
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (!me.data.mustEnrolTotp) return <Navigate to="/" replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <div style={{ marginBottom: 24 }}>
        <Brand />
      </div>
      <Card
        title={t('enrol.title')}
        style={{ width: 560 }}
        extra={
          <Button type="link" onClick={() => logout.mutate()}>
            {t('enrol.logout')}
          </Button>
        }
        data-testid="enrol-totp"
      >
        <Alert
          type="info"
          showIcon
          title={t('enrol.text', { name: me.data.displayName, role: t(`role.${me.data.role}`) })}
          style={{ marginBottom: 16 }}
        />
        <TotpEnrolForm
          onDone={async () => {
            setMe(await fetchMe());
            navigate('/', { replace: true });
          }}
        />
      </Card>
    </Flex>
  );
}
