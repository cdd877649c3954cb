import { lazy, Suspense, useState } from 'react';
import { Button, Flex, Grid, Layout, Menu, Popover, Space } from 'antd';
import { GlobalOutlined, LogoutOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../lib/api.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { LANGS, LANG_LABELS, type Lang } from '../i18n/lang.ts';
import { useSession } from '../session.tsx';
import { useViewOrg } from '../view-org.tsx';
import { Txt } from '../../components/plain.tsx';
import { Brand } from './Brand.tsx';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.tsx';
import { HeaderSearch } from '../../features/search/components/HeaderSearch.tsx';

// County accounts only (canSwitch): township sign-ins never load it.
const OrgSwitcher = lazy(() => import('./OrgSwitcher.tsx'));

/**
 * The language switch: a button with the language's name opening a menu of the three. A Popover
 * (the bell's already) holding a Menu (the sider's already), not a Select or a Dropdown of its own:
 * either would add ~4–20 KB compressed to every page's scripts.
 */
function LangSwitch({ narrow }: { narrow: boolean }) {
  const t = useT();
  const [lang, setLang] = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 4 } }}
      content={
        <Menu
          selectable
          selectedKeys={[lang]}
          style={{ borderInlineEnd: 'none', minWidth: 120 }}
          items={LANGS.map((l) => ({ key: l, label: <span lang={l}>{LANG_LABELS[l]}</span> }))}
          onClick={({ key }) => {
            setOpen(false);
            setLang(key as Lang);
          }}
        />
      }
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="lang-switch"
        data-lang={lang}
      >
        {!narrow && LANG_LABELS[lang]}
      </Button>
    </Popover>
  );
}

export function AppHeader() {
  const t = useT();
  const { me, can } = useSession();
  const { canSwitch } = useViewOrg();
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
          {canSwitch && (
            <Suspense fallback={<span style={{ display: 'inline-block', width: narrow ? 100 : 168 }} />}>
              <OrgSwitcher narrow={narrow} />
            </Suspense>
          )}
          {can('business.read') &&
            (narrow ? (
              <Button type="text" icon={<SearchOutlined />} aria-label={t('search.heading')} onClick={() => navigate('/search')} />
            ) : (
              <HeaderSearch narrow={narrow} />
            ))}
          {can('business.read') && <NotificationBell />}
          <LangSwitch narrow={narrow} />
          {!narrow && <span aria-hidden className="plain-divider" />}
          <Button
            type="text"
            icon={<UserOutlined />}
            onClick={() => navigate('/account')}
            data-testid="current-user"
            aria-label={me.displayName}
          >
            {!narrow && <span>{me.displayName}</span>}
            {!narrow && (
              <Txt secondary small data-testid="current-role">
                {t(`role.${me.role}`)} · {me.org.name}
              </Txt>
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
