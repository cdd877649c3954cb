import { Button, Divider, Flex, Grid, Layout, Select, Space, Typography } from 'antd';
import { GlobalOutlined, LogoutOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../lib/api.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { LANGS, LANG_LABELS } from '../i18n/lang.ts';
import { useSession } from '../session.tsx';
import { useOrgs, useViewOrg } from '../view-org.tsx';
import { Brand } from './Brand.tsx';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.tsx';
import { HeaderSearch } from '../../features/search/components/HeaderSearch.tsx';

const ALL = '__all__';

function OrgSwitcher({ narrow }: { narrow: boolean }) {
  const t = useT();
  const { orgId, setOrgId, canSwitch } = useViewOrg();
  const orgs = useOrgs();
  if (!canSwitch) return null;
  const townships = (orgs.data ?? []).filter((o) => o.kind === 'township');
  return (
    <Select
      // Explicit ids: the select's option ids derive from it, and two header selects must never share them.
      id="org-switcher"
      data-testid="org-switcher"
      aria-label={t('header.viewOrg')}
      value={orgId ?? ALL}
      onChange={(v: string) => setOrgId(v === ALL ? undefined : v)}
      loading={orgs.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      // On a phone (390 px) the header's row must fit beside the brand, the bell and the buttons.
      style={{ width: narrow ? 100 : 168 }}
      options={[{ value: ALL, label: t('header.allCounty') }, ...townships.map((o) => ({ value: o.id, label: o.name }))]}
    />
  );
}

export function AppHeader() {
  const t = useT();
  const [lang, setLang] = useLang();
  const { me, can } = useSession();
  // On a phone the header keeps its buttons and drops the words beside them.
  const narrow = !Grid.useBreakpoint().sm;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      sessionStorage.removeItem('viewOrgId');
      navigate('/login', { replace: true, state: { reason: 'LOGGED_OUT' } });
      qc.clear();
    },
    meta: { silentError: true },
  });
  return (
    <Layout.Header
      style={{
        height: 56,
        lineHeight: '56px',
        padding: narrow ? '0 8px' : '0 20px',
        borderBottom: '1px solid #e5e7eb',
        borderTop: '3px solid #b4232a',
      }}
    >
      <Flex align="center" justify="space-between" style={{ height: '100%' }}>
        <Brand compact sealOnly={narrow} />
        <Space size={narrow ? 4 : 12} align="center">
          <OrgSwitcher narrow={narrow} />
          {can('business.read') &&
            (narrow ? (
              <Button type="text" icon={<SearchOutlined />} aria-label={t('search.heading')} onClick={() => navigate('/search')} />
            ) : (
              <HeaderSearch narrow={narrow} />
            ))}
          {can('business.read') && <NotificationBell />}
          <Select
            id="lang-switch"
            data-testid="lang-switch"
            aria-label={t('header.language')}
            value={lang}
            onChange={setLang}
            variant="borderless"
            suffixIcon={<GlobalOutlined />}
            style={{ width: narrow ? 64 : 112 }}
            options={LANGS.map((l) => ({ value: l, label: LANG_LABELS[l] }))}
          />
          {!narrow && <Divider orientation="vertical" />}
          <Button
            type="text"
            icon={<UserOutlined />}
            onClick={() => navigate('/account')}
            data-testid="current-user"
            aria-label={me.displayName}
          >
            {!narrow && <span>{me.displayName}</span>}
            {!narrow && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="current-role">
                {t(`role.${me.role}`)} · {me.org.name}
              </Typography.Text>
            )}
          </Button>
          <Button
            icon={<LogoutOutlined />}
            onClick={() => logout.mutate()}
            loading={logout.isPending}
            data-testid="logout"
            aria-label={t('header.logout')}
          >
            {!narrow && t('header.logout')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
