import { useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Segmented, theme } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { matchPath, useLocation, useNavigate } from 'react-router';
import type { Me } from '@township-office/domain/auth';
import { ApiError, api } from '../../lib/api.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { loadFeatureCatalogs } from '../i18n/catalogs.ts';
import { LANGS, LANG_LABELS, savedLang, type Lang } from '../i18n/lang.ts';
import { Brand } from '../layout/Brand.tsx';
import { lastIdleMinutes, noteSessionEnd, useSetMe } from '../session.tsx';

/** Whether `me` may open `path`. The page registry is imported here, after the sign-in, not with the login page: it brings every menu icon and the signed-in layout's shared chunk. */
async function mayOpen(me: Me, path: string): Promise<boolean> {
  const pathname = path.split('?')[0]!;
  if (pathname === '/login') return false;
  const { visibleEntries } = await import('../nav.tsx');
  return visibleEntries(me.allowedActions, me.org.kind).some((e) => matchPath(e.path, pathname));
}

/**
 * The code of the signed-in layout and of the workbench, loaded while the user types (not with the
 * login page: its own JavaScript stays small), so pressing 登录 renders instead of downloading.
 */
function warmSignedInCode(): void {
  void loadFeatureCatalogs(savedLang());
  void import('../router.tsx');
  void import('../nav.tsx');
  void import('./WorkbenchPage.tsx');
}

interface LoginForm {
  username: string;
  password: string;
  totp?: string;
}

export default function LoginPage() {
  const t = useT();
  const [lang, setLang] = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { reason?: string; from?: string };
  const setMe = useSetMe();
  const { token } = theme.useToken();
  const [needTotp, setNeedTotp] = useState(false);
  const [form] = Form.useForm<LoginForm>();
  const queryClient = useQueryClient();
  const warmed = useRef(false);
  const warm = () => {
    if (warmed.current) return;
    warmed.current = true;
    warmSignedInCode();
  };
  const login = useMutation({
    mutationFn: (v: LoginForm) =>
      api.post<Me>(
        '/api/auth/login',
        { username: v.username, password: v.password, ...(needTotp && v.totp ? { totp: v.totp } : {}) },
        { noAuthRedirect: true },
      ),
    meta: { silentError: true },
    onSuccess: async (me) => {
      noteSessionEnd(null);
      // Back to where the session ended, if this user may open it (another user may sign in here).
      const back = !me.mustChangePassword && !me.mustEnrolTotp && state.from && (await mayOpen(me, state.from)) ? state.from : null;
      if (!me.mustChangePassword && !me.mustEnrolTotp && !back)
        void import('../../features/workbench/api/workbench.ts').then((m) => m.prefetchWorkbench(queryClient));
      setMe(me);
      if (me.mustChangePassword) navigate('/change-password', { replace: true });
      else if (me.mustEnrolTotp) navigate('/enrol-totp', { replace: true });
      else navigate(back ?? '/', { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED') setNeedTotp(true);
    },
  });
  const err = login.error instanceof ApiError ? login.error : login.error ? new ApiError(0, 'UNKNOWN', login.error.message) : null;
  // The server's configured idle minutes (SESSION_IDLE_MINUTES) came with the 401; never a fixed 30.
  const idleMinutes = lastIdleMinutes();
  const idleNotice = idleMinutes !== null ? t('login.expiredIdle', { minutes: idleMinutes }) : t('login.expiredIdleUnknown');
  const notice =
    state.reason === 'SESSION_IDLE_TIMEOUT'
      ? idleNotice
      : state.reason && state.reason !== 'LOGGED_OUT'
        ? t('login.expired')
        : state.reason === 'LOGGED_OUT'
          ? t('login.loggedOut')
          : null;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #eef2f7 0%, #f7f8fa 60%)' }}
    >
      <div style={{ position: 'fixed', top: 0, left: 0, right: 0, height: 4, background: '#b4232a' }} />
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        {/* Segmented, not the header's Select: a Select (with its virtual list) is ~23 KB of the login page's JavaScript. */}
        <Segmented
          id="login-lang-switch"
          data-testid="login-lang-switch"
          size="small"
          value={lang}
          onChange={(v) => setLang(v as Lang)}
          options={LANGS.map((l) => ({ value: l, label: LANG_LABELS[l] }))}
        />
      </div>
      <div style={{ marginBottom: 28 }}>
        <Brand />
      </div>
      {/* A plain box drawn like antd's Card: Card brings Tabs (its tabList) into the login page's JavaScript. */}
      <div
        style={{
          width: 400,
          maxWidth: 'calc(100vw - 32px)',
          boxSizing: 'border-box',
          padding: '28px 32px 20px',
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          boxShadow: '0 2px 12px rgba(15, 23, 42, 0.06)',
        }}
      >
        <h4
          style={{
            marginTop: 0,
            marginBottom: 20,
            textAlign: 'center',
            fontWeight: 500,
            fontSize: token.fontSizeHeading4,
            color: token.colorTextHeading,
          }}
        >
          {t('login.title')}
        </h4>
        {notice && !err ? (
          <Alert
            type={state.reason === 'LOGGED_OUT' ? 'success' : 'warning'}
            showIcon
            title={notice}
            style={{ marginBottom: 16 }}
            data-testid="login-notice"
          />
        ) : null}
        {err && !(err.code === 'TOTP_REQUIRED' && !form.getFieldValue('totp')) ? (
          <Alert type="error" showIcon title={err.message} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => login.mutate(v)}
          onValuesChange={warm}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('login.usernamePlaceholder')} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {needTotp ? (
            <Form.Item
              name="totp"
              label={t('login.totp')}
              extra={t('login.totpHelp')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpInvalid') }]}
            >
              <Input prefix={<SafetyOutlined />} inputMode="numeric" maxLength={6} autoComplete="one-time-code" autoFocus />
            </Form.Item>
          ) : null}
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <p style={{ fontSize: 12, textAlign: 'center', marginBottom: 0, color: token.colorTextSecondary }}>{t('login.help')}</p>
      </div>
      <span style={{ marginTop: 24, fontSize: 12, color: token.colorTextSecondary }}>{t('login.footer')}</span>
    </Flex>
  );
}
