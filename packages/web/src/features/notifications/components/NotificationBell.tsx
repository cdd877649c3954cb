/** The bell in the header: unread count, the latest few in a popover, live over the event stream. */
import { Button, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { CountBadge, PlainEmpty, Txt } from '../../../components/plain.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useMarkRead, useNotifications, useNotificationStream } from '../api/notifications.ts';

export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  useNotificationStream(true);
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;
  const latest = (list.data?.items ?? []).filter((n) => !n.readAt).slice(0, 8);
  const content = (
    <div style={{ width: 'min(360px, 86vw)' }} data-testid="bell-popover">
      {latest.length === 0 ? (
        <PlainEmpty description={t('notifications.noneUnread')} />
      ) : (
        // Plain rows, not antd's List: List brings Pagination and Select into the bundle every page loads.
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {latest.map((n) => (
            <li key={n.id} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
              <div style={{ minWidth: 0 }}>
                <Link to={n.href} onClick={() => markRead.mutate(n.id)} style={{ overflowWrap: 'anywhere' }} data-testid="bell-item">
                  {n.title}
                </Link>
                <div>
                  <Txt secondary small>
                    {[n.subject, formatDateTime(n.createdAt)].filter(Boolean).join(' · ')}
                  </Txt>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Button type="link" block onClick={() => navigate('/notifications')}>
        {t('notifications.all')}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('notifications.title')}>
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="bell">
        <CountBadge count={unread} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </CountBadge>
      </Button>
    </Popover>
  );
}
