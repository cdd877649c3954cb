import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me } from '@township-office/domain/auth';
import { isPasswordComplex } from '@township-office/domain/password';
import { ApiError, api } from '../../lib/api.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useSetMe } from '../session.tsx';
import { useApp } from '../../lib/app-messages.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** POST /api/auth/password with the same complexity rule as the server. */
export function ChangePasswordForm({ redirectTo }: { redirectTo?: string }) {
  const t = useT();
  const { message } = useApp();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) => api.post<Me>('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    meta: { silentError: true },
    onSuccess: (me) => {
      setMe(me);
      form.resetFields();
      message.success(t('password.changed'));
      if (redirectTo) navigate(redirectTo, { replace: true });
    },
    onError: (err) => {
      const field = err instanceof ApiError && err.code === 'PASSWORD_WRONG' ? 'currentPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [err.message] }]);
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} style={{ maxWidth: 400 }} requiredMark={false}>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule')}
        rules={[
          { required: true, message: t('password.rule') },
          {
            validator: (_r, v: string) => (!v || isPasswordComplex(v) ? Promise.resolve() : Promise.reject(new Error(t('password.rule')))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, v: string) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
