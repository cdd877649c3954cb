import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import { CATALOGS } from './catalogs.ts';
import { saveLang, savedLang, type Lang } from './lang.ts';
import { theme } from '../theme.ts';

export type TParams = Record<string, string | number>;
export type TFunction = (key: string, params?: TParams) => string;

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: TFunction;
}

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;
const DAYJS_LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

const I18nContext = createContext<I18nValue | null>(null);

export function translate(lang: Lang, key: string, params?: TParams): string {
  const template = CATALOGS[lang][key] ?? CATALOGS['zh-CN'][key];
  if (template === undefined) {
    if (import.meta.env.DEV) console.warn(`missing string: ${key}`);
    return key;
  }
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = savedLang();
    saveLang(l);
    dayjs.locale(DAYJS_LOCALES[l]);
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    dayjs.locale(DAYJS_LOCALES[next]);
    setLangState(next);
  }, []);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[lang]} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useT outside I18nProvider');
  return v;
}

/** `t('key', { name })`: the string in the chosen language with {name} filled in. */
export function useT(): TFunction {
  return useI18n().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}
