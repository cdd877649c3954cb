import { Flex, theme } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * The emblem-less brand: a red seal square with 清, the county and the product name. Plain text in
 * the theme's colours, not Typography: the login page shows it, and Typography (with its Tooltip)
 * would be ~8 KB of the login page's JavaScript.
 */
export function Brand({ compact = false, sealOnly = false }: { compact?: boolean; sealOnly?: boolean }) {
  const t = useT();
  const { token } = theme.useToken();
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
        <span style={{ display: 'block', fontSize: compact ? 12 : 14, color: token.colorTextSecondary }}>{t('app.county')}</span>
        <strong
          style={{
            display: 'block',
            fontSize: compact ? 15 : 20,
            letterSpacing: compact ? 0 : 1,
            color: token.colorText,
            fontWeight: token.fontWeightStrong,
          }}
        >
          {t('app.product')}
        </strong>
      </div>
    </Flex>
  );
}
