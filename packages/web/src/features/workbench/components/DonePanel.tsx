/** 已办: what I did recently (GET /api/workbench/done), each with a link to the record, so yesterday's work is one click away. */
import { Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useDone } from '../api/workbench.ts';

export function DonePanel() {
  const t = useT();
  const done = useDone();
  if (done.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  const items = done.data ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noDone')} />;
  // An action without its own words is named by its record's kind.
  const label = (action: string, entity: string) => {
    const key = `workbench.did.${action}`;
    const s = t(key);
    if (s !== key) return s;
    const e = `workbench.entity.${entity}`;
    const es = t(e);
    return es !== e ? t('workbench.did.generic', { entity: es }) : action;
  };
  return (
    <List
      size="small"
      dataSource={items}
      rowKey="id"
      data-testid="workbench-done"
      renderItem={(d) => (
        <List.Item>
          <div style={{ minWidth: 0 }}>
            <Typography.Text>{label(d.action, d.entity)}</Typography.Text>{' '}
            {d.href ? <Link to={d.href}>{d.title ?? t('workbench.open')}</Link> : d.title && <Typography.Text>{d.title}</Typography.Text>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(d.at)}
              </Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
