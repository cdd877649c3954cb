import type { ThemeConfig } from 'antd';

// Calm government style: a deep official blue, the red kept for the title stripe, plain greys, CJK fonts first.
export const FONT_FAMILY =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export const theme: ThemeConfig = {
  token: { colorPrimary: '#1d4f91', borderRadius: 4, fontFamily: FONT_FAMILY, colorLink: '#1d5fa8' },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f4f6' }, Menu: { itemSelectedBg: '#e8eff8' } },
};
