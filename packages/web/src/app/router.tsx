/** The signed-in part of the app: one route per entry of the nav registry, inside the layout. */
import { Suspense, lazy, use, useEffect, type ComponentProps, type ReactNode } from 'react';
import { Button, Flex, Spin } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { restStrings } from './i18n/catalogs.ts';
import { useLang, useT } from './i18n/I18nProvider.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NAV, visibleEntries, type NavEntry } from './nav.tsx';
import { lastSessionEnd, SessionProvider, useMeQuery } from './session.tsx';
import { ViewOrgProvider } from './view-org.tsx';

const LazyResult = lazy(() => import('./StatusResult.tsx'));

/** A status page (403, 404, a failed load): the component and its illustrations load when one is shown. */
function Result(props: ComponentProps<typeof LazyResult>) {
  return (
    <Suspense fallback={null}>
      <LazyResult {...props} />
    </Suspense>
  );
}

function Loading() {
  return (
    <Flex justify="center" style={{ paddingTop: '20vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Marks the page whose content is on screen: `data-shown-path` on <body> is the path and query of
 * the route that has rendered. A navigation to a lazy page runs in a transition, so the previous
 * page stays on screen (buttons and all) until the new one's chunk has loaded; the browser tests
 * wait for this mark to equal the address bar before they look at the page, and anyone debugging a
 * slow navigation can see in the DOM which page is really shown.
 */
function Shown() {
  const location = useLocation();
  useEffect(() => {
    document.body.dataset.shownPath = location.pathname + location.search;
  }, [location.pathname, location.search]);
  return null;
}

function NotAllowed() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <Shown />
      <Result
        status="403"
        title={t('app.forbidden.title')}
        subTitle={t('app.forbidden.text')}
        extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
      />
    </>
  );
}

function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <Shown />
      <Result
        status="404"
        title={t('app.notFound.title')}
        subTitle={t('app.notFound.text')}
        extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
      />
    </>
  );
}

/** Every page but the workbench waits for the other features' strings (catalogs.ts), loaded once. */
function FeatureStrings({ children }: { children: ReactNode }) {
  const [lang] = useLang();
  use(restStrings(lang));
  return children;
}

function Page({ entry }: { entry: NavEntry }) {
  const Component = entry.page;
  return (
    <Suspense fallback={<Loading />}>
      {entry.path === '/' ? (
        <Component />
      ) : (
        <FeatureStrings>
          <Component />
        </FeatureStrings>
      )}
      <Shown />
    </Suspense>
  );
}

export function AppRoutes() {
  const t = useT();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <Result status="warning" title={me.error.message} extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>} />
    );
  if (!me.data) {
    const reason = lastSessionEnd() ?? undefined;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, reason }} />;
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (me.data.mustEnrolTotp) return <Navigate to="/enrol-totp" replace />;

  const visible = new Set(visibleEntries(me.data.allowedActions, me.data.org.kind).map((e) => e.key));
  const home = visibleEntries(me.data.allowedActions, me.data.org.kind).find((e) => e.menu !== false && !e.path.includes(':'));
  return (
    <SessionProvider me={me.data}>
      <ViewOrgProvider>
        <Routes>
          <Route element={<AppLayout />}>
            {NAV.map((entry) => {
              const element = visible.has(entry.key) ? (
                <Page entry={entry} />
              ) : entry.path === '/' && home ? (
                // The 三员 have no workbench: their first page is their part of 系统.
                <Navigate to={home.path} replace />
              ) : (
                <NotAllowed />
              );
              return entry.path === '/' ? (
                <Route key={entry.key} index element={element} />
              ) : (
                <Route key={entry.key} path={entry.path.slice(1)} element={element} />
              );
            })}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </ViewOrgProvider>
    </SessionProvider>
  );
}
