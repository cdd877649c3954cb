import type { ComponentType } from 'react';
import { Card, Empty, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';

/**
 * A page that is not built yet: its title and one sentence saying what will come there and what
 * to do meanwhile. Strings: nav.<id> (title) and placeholder.<id> (the sentence).
 */
export function placeholder(id: string): ComponentType {
  function PlaceholderPage() {
    const t = useT();
    return (
      <>
        <PageHeader title={t(`nav.${id}`)} />
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <div style={{ maxWidth: 560, margin: '0 auto' }}>
                <Typography.Paragraph style={{ fontSize: 15, marginBottom: 4 }}>{t(`placeholder.${id}`)}</Typography.Paragraph>
                <Typography.Text type="secondary">{t('placeholder.meanwhile')}</Typography.Text>
              </div>
            }
          />
        </Card>
      </>
    );
  }
  PlaceholderPage.displayName = `Placeholder(${id})`;
  return PlaceholderPage;
}
