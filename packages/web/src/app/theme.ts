import { useSyncExternalStore } from 'react';
import type { ThemeConfig } from 'antd';

// Calm government style: a deep official blue, the red kept for the title stripe, plain greys, CJK fonts first.
export const FONT_FAMILY =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export const theme: ThemeConfig = {
  token: { colorPrimary: '#1d4f91', borderRadius: 4, fontFamily: FONT_FAMILY, colorLink: '#1d5fa8' },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f4f6' }, Menu: { itemSelectedBg: '#e8eff8' } },
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia(REDUCED_MOTION).matches;
const onReducedMotionChange = (notify: () => void) => {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', notify);
  return () => query.removeEventListener('change', notify);
};
const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/**
 * The theme, without Ant Design's animations for a user whose system asks for reduced motion
 * (WCAG 2.1, 2.3.3): dialogs, menus and messages then appear at once instead of zooming in.
 */
export function useTheme(): ThemeConfig {
  return useSyncExternalStore(onReducedMotionChange, reducedMotion, () => false) ? stillTheme : theme;
}
