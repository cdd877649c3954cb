/** The bell in the header: unread count, the latest few in a popover, live over the event stream. */
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
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
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.noneUnread')} />
      ) : (
        <List
          size="small"
          dataSource={latest}
          rowKey="id"
          renderItem={(n) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div style={{ minWidth: 0 }}>
                <Link to={n.href} onClick={() => markRead.mutate(n.id)} style={{ overflowWrap: 'anywhere' }} data-testid="bell-item">
                  {n.title}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[n.subject, formatDateTime(n.createdAt)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Button type="link" block onClick={() => navigate('/notifications')}>
        {t('notifications.all')}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('notifications.title')}>
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
