import { Alert, Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateText } from '../../lib/dates.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session.tsx';

/**
 * 委托 in force today (GET /api/me): the delegate is told for whom they act and until when, the
 * leader who is away is told who acts for them. Not closable: it stays while the delegation does.
 */
export function DelegationBanner() {
  const t = useT();
  const [lang] = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  if (me.actingFor.length === 0 && me.actedForBy.length === 0) return null;
  const manage = (
    <Button size="small" type="link" onClick={() => navigate('/delegations')} data-testid="delegation-banner-manage">
      {t('delegationBanner.manage')}
    </Button>
  );
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="delegation-banner">
      {me.actingFor.map((d) => (
        <Alert
          key={d.delegationId}
          type="info"
          showIcon
          title={t('delegationBanner.actingFor', { name: d.displayName, date: formatDateText(d.endsOn, lang) })}
          action={manage}
          data-testid="delegation-banner-acting"
        />
      ))}
      {me.actedForBy.map((d) => (
        <Alert
          key={d.delegationId}
          type="info"
          showIcon
          title={t('delegationBanner.actedForBy', { name: d.displayName, date: formatDateText(d.endsOn, lang) })}
          action={manage}
          data-testid="delegation-banner-acted"
        />
      ))}
    </Flex>
  );
}
