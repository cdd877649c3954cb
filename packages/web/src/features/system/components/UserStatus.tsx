import { Space } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { StatusTag } from '../../../lib/format.tsx';
import type { User } from '../api/users.ts';

export function isLocked(u: User): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
}

/** 正常 green, 已停用 grey, 已锁定 red, 待改密 orange. */
export function UserStatus({ user }: { user: User }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <StatusTag tone="draft">{t('system.status.disabled')}</StatusTag>
      ) : (
        <StatusTag tone="done">{t('system.status.active')}</StatusTag>
      )}
      {isLocked(user) ? <StatusTag tone="overdue">{t('system.status.locked')}</StatusTag> : null}
      {user.mustChangePassword ? <StatusTag tone="warning">{t('system.status.mustChange')}</StatusTag> : null}
    </Space>
  );
}
