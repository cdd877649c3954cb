import { Suspense, lazy, useEffect } from 'react';
import { Spin } from 'antd';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setApiHandlers } from '../lib/api.ts';
import { AppMessages, useApp } from '../lib/app-messages.tsx';
import { setMessageInstance } from '../lib/notify.ts';
import { loadFeatureCatalogs } from './i18n/catalogs.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { savedLang } from './i18n/lang.ts';
import { createQueryClient } from './query-client.ts';
import { ME_KEY, fetchMe, noteSessionEnd } from './session.tsx';

// Each of the four parts in its own chunk, so the login page does not carry the signed-in layout
// (menu, header, bell) and a signed-in page does not carry the login form (antd Form and its
// validator); the password and TOTP pages are seen by few sign-ins (the QR code alone is ~15 KB).
// The signed-in app waits for the features' strings too (catalogs.ts: they are not in the login page's JavaScript).
const AppRoutes = lazy(() =>
  Promise.all([import('./router.tsx'), loadFeatureCatalogs(savedLang())]).then(([m]) => ({ default: m.AppRoutes })),
);
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
// The TOTP form uses the system feature's strings (TotpEnrolForm.tsx).
const EnrolTotpPage = lazy(() =>
  Promise.all([import('./pages/EnrolTotpPage.tsx'), loadFeatureCatalogs(savedLang(), 'rest')]).then(([m]) => m),
);

const queryClient = createQueryClient();

/**
 * A signed-in page opened cold asks who is signed in at once, not once the signed-in layout's code
 * has loaded and rendered (~300 ms later on loopback); on the workbench, the page most loads open,
 * its code and its two reads follow the answer instead of its first render. The routes read the
 * same cache entries (ME_KEY, workbenchKeys); a failure here is the routes' to show.
 */
function warmStart(path: string): void {
  if (/^\/(login|change-password|enrol-totp)(\/|$)/.test(path)) return;
  if (path === '/') void import('./pages/WorkbenchPage.tsx');
  queryClient
    .fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false })
    .then((me) => {
      if (me && !me.mustChangePassword && !me.mustEnrolTotp && window.location.pathname === '/')
        void import('../features/workbench/api/workbench.ts').then((m) => m.prefetchWorkbench(queryClient));
    })
    .catch(() => {});
}
warmStart(window.location.pathname);

/** Wires the API's 401 / password-change / TOTP-enrolment answers and the global messages to the router and Ant Design. */
function Bridges() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = useApp();
  useEffect(() => {
    setMessageInstance(message);
    return () => setMessageInstance(null);
  }, [message]);
  useEffect(() => {
    setApiHandlers({
      onUnauthorized: (code, details) => {
        // window.location, not the render's location: a logout has navigated away already.
        if (window.location.pathname.startsWith('/login')) return;
        noteSessionEnd(code, details);
        navigate('/login', { replace: true, state: { reason: code, from: location.pathname + location.search } });
        qc.setQueryData(ME_KEY, null);
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      },
      onPasswordChangeRequired: () => navigate('/change-password', { replace: true }),
      onTotpEnrolmentRequired: () => navigate('/enrol-totp', { replace: true }),
    });
  }, [navigate, location, qc]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AppMessages>
          <BrowserRouter>
            <Bridges />
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/change-password" element={<ChangePasswordPage />} />
                <Route path="/enrol-totp" element={<EnrolTotpPage />} />
                <Route path="/*" element={<AppRoutes />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AppMessages>
      </I18nProvider>
    </QueryClientProvider>
  );
}
