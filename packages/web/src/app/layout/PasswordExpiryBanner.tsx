import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateText } from '../../lib/dates.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session.tsx';

/** From seven days before the password expires: a reminder with the way to change it, closable for this visit. */
export function PasswordExpiryBanner() {
  const t = useT();
  const [lang] = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const [closed, setClosed] = useState(false);
  if (closed || !me.passwordExpiresSoon || !me.passwordExpiresAt) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => setClosed(true) }}
      title={t('password.expiresSoon', { date: formatDateText(me.passwordExpiresAt, lang) })}
      action={
        <Button size="small" type="link" onClick={() => navigate('/account')} data-testid="password-expiry-change">
          {t('password.changeNow')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="password-expiry-banner"
    />
  );
}
