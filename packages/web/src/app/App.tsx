import { Suspense, lazy, useEffect } from 'react';
import { App as AntApp, Spin } from 'antd';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setApiHandlers } from '../lib/api.ts';
import { setMessageInstance } from '../lib/notify.ts';
import { loadFeatureCatalogs } from './i18n/catalogs.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { savedLang } from './i18n/lang.ts';
import { createQueryClient } from './query-client.ts';
import { ME_KEY, noteSessionEnd } from './session.tsx';

// Each of the four parts in its own chunk, so the login page does not carry the signed-in layout
// (menu, header, bell) and a signed-in page does not carry the login form (antd Form and its
// validator); the password and TOTP pages are seen by few sign-ins (the QR code alone is ~15 KB).
// The signed-in app waits for the features' strings too (catalogs.ts: they are not in the login page's JavaScript).
const AppRoutes = lazy(() =>
  Promise.all([import('./router.tsx'), loadFeatureCatalogs(savedLang())]).then(([m]) => ({ default: m.AppRoutes })),
);
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
const EnrolTotpPage = lazy(() => import('./pages/EnrolTotpPage.tsx'));

const queryClient = createQueryClient();

/** Wires the API's 401 / password-change / TOTP-enrolment answers and the global messages to the router and Ant Design. */
function Bridges() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
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
        <AntApp>
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
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}
