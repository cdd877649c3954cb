import { Flex, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

/** The emblem-less brand: a red seal square with 清, the county and the product name. */
export function Brand({ compact = false, sealOnly = false }: { compact?: boolean; sealOnly?: boolean }) {
  const t = useT();
  const size = compact ? 30 : 44;
  return (
    <Flex align="center" gap={compact ? 10 : 14} style={{ lineHeight: 1.3 }}>
      <div
        aria-hidden
        style={{
          width: size,
          height: size,
          background: '#b4232a',
          color: '#fff',
          borderRadius: 4,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: compact ? 17 : 24,
          fontWeight: 600,
          fontFamily: 'serif',
        }}
      >
        {t('app.sealChar')}
      </div>
      <div hidden={sealOnly}>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: compact ? 12 : 14 }}>
          {t('app.county')}
        </Typography.Text>
        <Typography.Text strong style={{ display: 'block', fontSize: compact ? 15 : 20, letterSpacing: compact ? 0 : 1 }}>
          {t('app.product')}
        </Typography.Text>
      </div>
    </Flex>
  );
}
