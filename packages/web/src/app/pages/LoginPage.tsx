import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { matchPath, useLocation, useNavigate } from 'react-router';
import type { Me } from '@township-office/domain/auth';
import { ApiError, api } from '../../lib/api.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { LANGS, LANG_LABELS } from '../i18n/lang.ts';
import { Brand } from '../layout/Brand.tsx';
import { visibleEntries } from '../nav.tsx';
import { lastIdleMinutes, noteSessionEnd, useSetMe } from '../session.tsx';

function mayOpen(me: Me, path: string): boolean {
  const pathname = path.split('?')[0]!;
  return pathname !== '/login' && visibleEntries(me.allowedActions, me.org.kind).some((e) => matchPath(e.path, pathname));
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
  const [needTotp, setNeedTotp] = useState(false);
  const [form] = Form.useForm<LoginForm>();
  const login = useMutation({
    mutationFn: (v: LoginForm) =>
      api.post<Me>(
        '/api/auth/login',
        { username: v.username, password: v.password, ...(needTotp && v.totp ? { totp: v.totp } : {}) },
        { noAuthRedirect: true },
      ),
    meta: { silentError: true },
    onSuccess: (me) => {
      noteSessionEnd(null);
      setMe(me);
      if (me.mustChangePassword) navigate('/change-password', { replace: true });
      else if (me.mustEnrolTotp) navigate('/enrol-totp', { replace: true });
      // Back to where the session ended, if this user may open it (another user may sign in here).
      else navigate(state.from && mayOpen(me, state.from) ? state.from : '/', { replace: true });
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
        <Select
          id="login-lang-switch"
          data-testid="lang-switch"
          value={lang}
          onChange={setLang}
          variant="borderless"
          style={{ width: 112 }}
          options={LANGS.map((l) => ({ value: l, label: LANG_LABELS[l] }))}
        />
      </div>
      <div style={{ marginBottom: 28 }}>
        <Brand />
      </div>
      <Card style={{ width: 400, boxShadow: '0 2px 12px rgba(15, 23, 42, 0.06)' }} styles={{ body: { padding: '28px 32px 20px' } }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center', fontWeight: 500 }}>
          {t('login.title')}
        </Typography.Title>
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
        <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => login.mutate(v)} disabled={login.isPending}>
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
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', marginBottom: 0 }}>
          {t('login.help')}
        </Typography.Paragraph>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
