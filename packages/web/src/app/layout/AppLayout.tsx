import { Suspense, lazy, useMemo, useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { MENU_GROUPS, visibleEntries, type NavEntry } from '../nav.tsx';
import { useSession } from '../session.tsx';
import { AppHeader } from './AppHeader.tsx';

// The banners (antd Alert) load only for a sign-in that has one to show: most never do.
const DelegationBanner = lazy(() => import('./DelegationBanner.tsx').then((m) => ({ default: m.DelegationBanner })));
const PasswordExpiryBanner = lazy(() => import('./PasswordExpiryBanner.tsx').then((m) => ({ default: m.PasswordExpiryBanner })));

type Item = Required<MenuProps>['items'][number];

/** The entry whose path is the longest prefix of the location (record pages light up their list). */
function selectedEntry(entries: NavEntry[], pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of entries) {
    if (e.menu === false) continue;
    const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}

export function AppLayout() {
  const t = useT();
  const { me } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = useMemo(
    () => visibleEntries(me.allowedActions, me.org.kind).filter((e) => e.menu !== false),
    [me.allowedActions, me.org.kind],
  );
  const selected = selectedEntry(entries, pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => (selected ? [`group:${selected.group}`] : []));

  const items = useMemo<Item[]>(() => {
    const leaf = (e: NavEntry): Item => ({ key: e.key, icon: e.icon, label: t(e.labelKey) });
    const pinned = entries.filter((e) => e.pinned).map(leaf);
    const groups = MENU_GROUPS.flatMap(({ group, icon }): Item[] => {
      const inGroup = entries.filter((e) => e.group === group && !e.pinned);
      if (inGroup.length === 0) return [];
      // The workbench is a single page: a top-level item, not a folder of one.
      if (group === 'workbench') return inGroup.map((e) => ({ ...leaf(e), icon: e.icon ?? icon }) as Item);
      return [{ key: `group:${group}`, icon, label: t(`nav.group.${group}`), children: inGroup.map(leaf) }];
    });
    return [...pinned, ...groups];
  }, [entries, t]);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) navigate(entry.path);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={56} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected.key] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            onClick={onClick}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            data-testid="main-menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={null}>
            {me.passwordExpiresSoon && <PasswordExpiryBanner />}
            {(me.actingFor.length > 0 || me.actedForBy.length > 0) && <DelegationBanner />}
          </Suspense>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
