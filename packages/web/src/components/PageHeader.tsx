/**
 * The title row of every page: the title (and an optional subtitle) on the left, the page's buttons
 * (新建, 导出 Excel, 打印) on the right, wrapping on narrow screens.
 *
 *   <PageHeader title={t('reception.visits.title')} extra={<Button type="primary">{t('common.create')}</Button>} />
 */
import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { Txt } from './plain.tsx';

export function PageHeader({ title, extra, subtitle }: { title: ReactNode; extra?: ReactNode; subtitle?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
      <div>
        {/* Typography.Title's look without Typography's JavaScript (components/plain.tsx). */}
        <h4 className="plain-title">{title}</h4>
        {subtitle ? <Txt secondary>{subtitle}</Txt> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
