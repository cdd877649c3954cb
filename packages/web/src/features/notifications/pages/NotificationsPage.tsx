/** /notifications — every notification, newest first; unread ones bold; open one to mark it read. */
import { useState } from 'react';
import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications.ts';

export default function NotificationsPage() {
  const t = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Space wrap>
            <Segmented
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => setUnreadOnly(v === 'unread')}
              options={[
                { value: 'all', label: t('notifications.filterAll') },
                { value: 'unread', label: t('notifications.filterUnread', { count: list.data?.unread ?? 0 }) },
              ]}
            />
            <Button onClick={() => markAll.mutate(undefined)} loading={markAll.isPending} disabled={!list.data?.unread}>
              {t('notifications.markAll')}
            </Button>
          </Space>
        }
      />
      <Card>
        {items.length === 0 && !list.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <List
            loading={list.isPending}
            dataSource={items}
            rowKey="id"
            data-testid="notifications-list"
            renderItem={(n) => (
              <List.Item
                actions={
                  n.readAt
                    ? [<Tag key="r">{t('notifications.read')}</Tag>]
                    : [
                        <Button key="m" size="small" onClick={() => markRead.mutate(n.id)}>
                          {t('notifications.markRead')}
                        </Button>,
                      ]
                }
              >
                <div style={{ minWidth: 0 }}>
                  <Link
                    to={n.href}
                    onClick={() => !n.readAt && markRead.mutate(n.id)}
                    style={{ fontWeight: n.readAt ? 400 : 600, overflowWrap: 'anywhere' }}
                  >
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
      </Card>
    </>
  );
}
